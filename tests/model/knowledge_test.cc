// SPDX-License-Identifier: MIT
// The knowledge compiled into the binary (knowledge_codegen) is exactly what
// KnowledgeBase::Load reads from model/knowledge/*.yaml, field by field, with
// every kernel change code asks for; and the loader rejects what the schema
// forbids.
#include "model/knowledge.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace synlint {
namespace {

namespace fs = std::filesystem;

std::string Describe(const KeyInfo& k) {
  std::ostringstream o;
  o << k.key << " type=" << static_cast<int>(k.type) << " min=" << (k.min ? std::to_string(*k.min) : "-")
    << " max=" << (k.max ? std::to_string(*k.max) : "-") << " values=";
  for (int64_t v : k.values) o << v << ",";
  o << " count=" << k.count << " defaults=";
  for (const auto& [since, value] : k.defaults) o << since.ToString() << ":" << value << ";";
  o << " computed=" << k.computed_default << " note=" << k.default_note
    << " since=" << (k.since ? k.since->ToString() : "-") << " removed=" << (k.removed ? k.removed->ToString() : "-")
    << " netns=" << k.netns << " listen_time=" << k.listen_time << " dir=" << static_cast<int>(k.direction)
    << " summary=" << k.summary << " citation=" << k.citation << " depends_on=" << k.default_depends_on;
  return o.str();
}

std::string Describe(const ChangeInfo& c) {
  std::string backports;
  for (const KernelVersion& b : c.backports) backports += b.ToString() + ",";
  return std::string(KernelChangeName(c.change)) + " since=" + c.since.ToString() + " backports=" + backports +
         " summary=" + c.summary + " citation=" + c.citation;
}

KnowledgeBase LoadTheYaml() {
  KnowledgeBase from_yaml;
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(SYNLINT_SOURCE_DIR) / "model" / "knowledge")) {
    if (e.path().extension() != ".yaml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string err;
    EXPECT_TRUE(from_yaml.Load(text.str(), &err)) << e.path() << ": " << err;
    ++files;
  }
  EXPECT_GT(files, 0u);
  return from_yaml;
}

TEST(Knowledge, BuiltinTablesEqualTheYaml) {
  const KnowledgeBase from_yaml = LoadTheYaml();
  const KnowledgeBase& builtin = KnowledgeBase::Builtin();
  EXPECT_EQ(builtin.default_kernel(), from_yaml.default_kernel());
  ASSERT_EQ(builtin.keys().size(), from_yaml.keys().size());
  for (const auto& [name, k] : from_yaml.keys()) {
    const KeyInfo* b = builtin.Find(name);
    ASSERT_NE(b, nullptr) << name;
    EXPECT_EQ(Describe(*b), Describe(k));
  }
  // Spot checks of values the rules rely on (kernel-facts.md §1).
  const KeyInfo* somaxconn = builtin.Find("net.core.somaxconn");
  ASSERT_NE(somaxconn, nullptr);
  EXPECT_EQ(somaxconn->DefaultOn(KernelVersion{5, 3}), "128");
  EXPECT_EQ(somaxconn->DefaultOn(KernelVersion{5, 4}), "4096");
}

TEST(Knowledge, EveryKernelChangeIsInTheYamlAndTheTables) {
  const KnowledgeBase from_yaml = LoadTheYaml();
  const KnowledgeBase& builtin = KnowledgeBase::Builtin();
  for (const auto& [change, name] : kKernelChanges) {
    EXPECT_EQ(KernelChangeName(change), name);
    EXPECT_EQ(KernelChangeNamed(name), change) << name;
    const ChangeInfo* y = from_yaml.FindChange(change);
    const ChangeInfo* b = builtin.FindChange(change);
    ASSERT_NE(y, nullptr) << "kernel.yaml has no change '" << name << "'";
    ASSERT_NE(b, nullptr) << "the generated tables have no change '" << name << "'";
    EXPECT_EQ(Describe(*b), Describe(*y));
    EXPECT_FALSE(y->citation.empty()) << name;
  }
  // The versions the model's queue arithmetic rests on (kernel-facts.md §1-§3).
  EXPECT_EQ(builtin.Since(KernelChange::kBacklog32Bit), (KernelVersion{4, 1}));
  EXPECT_EQ(builtin.Since(KernelChange::kSynQueueFromBacklog), (KernelVersion{4, 4}));
  EXPECT_EQ(builtin.Since(KernelChange::kPortRangeAboveUnprivileged), (KernelVersion{4, 11}));
  EXPECT_EQ(builtin.Since(KernelChange::kReqskQueueFullStrict), (KernelVersion{6, 13}));
  EXPECT_EQ(builtin.Since(KernelChange::kMaxSynBacklogEhash128), (KernelVersion{5, 4}));
}

// 3479c7549fb1 reached 6.13 and, in January 2025, these stable releases
// (docs/fact-checks.md #13): each series is tested on both sides of its
// release, and without a patch level it is unknown.
TEST(Knowledge, TheStrictSynQueueChangeOnEachSideOfEveryBackport) {
  const ChangeInfo& c = *KnowledgeBase::Builtin().FindChange(KernelChange::kReqskQueueFullStrict);
  const struct {
    int major, minor, first;
  } kBackports[] = {{5, 4, 290}, {5, 10, 234}, {5, 15, 177}, {6, 1, 125}, {6, 6, 72}, {6, 12, 10}};
  ASSERT_EQ(c.backports.size(), std::size(kBackports));
  for (const auto& b : kBackports) {
    const std::string series = std::to_string(b.major) + "." + std::to_string(b.minor);
    EXPECT_EQ(c.StateOn(KernelVersion{b.major, b.minor, b.first - 1}), ChangeState::kAbsent) << series;
    EXPECT_EQ(c.StateOn(KernelVersion{b.major, b.minor, b.first}), ChangeState::kPresent) << series;
    EXPECT_EQ(c.StateOn(KernelVersion{b.major, b.minor, b.first + 40}), ChangeState::kPresent) << series;
    EXPECT_EQ(c.StateOn(KernelVersion{b.major, b.minor}), ChangeState::kUnknown) << series;
  }
  // Series without a backport: before 6.13 absent whatever the patch level, from 6.13 present.
  EXPECT_EQ(c.StateOn(KernelVersion{4, 19}), ChangeState::kAbsent);
  EXPECT_EQ(c.StateOn(KernelVersion{5, 14, 0}), ChangeState::kAbsent);
  EXPECT_EQ(c.StateOn(KernelVersion{6, 5, 13}), ChangeState::kAbsent);
  EXPECT_EQ(c.StateOn(KernelVersion{6, 13}), ChangeState::kPresent);
  EXPECT_EQ(c.StateOn(KernelVersion{6, 13, 0}), ChangeState::kPresent);
  EXPECT_EQ(c.StateOn(KernelVersion{6, 18}), ChangeState::kPresent);
}

TEST(Knowledge, BackportsAreOneReleasePerSeriesBelowSince) {
  const std::string head = "changes:\n  reqsk_queue_full_strict:\n    since: \"6.13\"\n    citation: x\n";
  for (const std::string bad : {"[\"6.1\"]", "[\"6.13.2\"]", "[\"6.1.125\", \"6.1.130\"]"}) {
    KnowledgeBase kb;
    std::string err;
    EXPECT_FALSE(kb.Load(head + "    backports: " + bad + "\n", &err)) << bad;
    EXPECT_NE(err.find("one X.Y.Z per series"), std::string::npos) << err;
  }
  KnowledgeBase kb;
  std::string err;
  ASSERT_TRUE(kb.Load(head + "    backports: [\"6.1.125\", \"6.6.72\"]\n", &err)) << err;
  EXPECT_EQ(kb.FindChange(KernelChange::kReqskQueueFullStrict)->backports.size(), 2u);
}

// Every key whose default the kernel computes from the machine has a formula
// in the model (model/setting.cc): a marked key the model cannot compute would
// be a floor with no ceiling.
TEST(Knowledge, EveryMachineDependentDefaultHasAFormula) {
  size_t marked = 0;
  for (const auto& [key, info] : KnowledgeBase::Builtin().keys()) {
    if (info.default_depends_on.empty()) continue;
    ++marked;
    EXPECT_EQ(info.default_depends_on, "memory") << key;
    EXPECT_TRUE(info.computed_default) << key;
  }
  EXPECT_EQ(marked, 1u) << "a new machine-dependent default needs its formula in model/setting.cc";
  EXPECT_EQ(KnowledgeBase::Builtin().Find("net.ipv4.tcp_max_syn_backlog")->default_depends_on, "memory");
}

TEST(Knowledge, AKnowledgeBaseWithoutAChangeSaysSo) {
  KnowledgeBase kb;
  EXPECT_EQ(kb.FindChange(KernelChange::kBacklog32Bit), nullptr);
  EXPECT_THROW(kb.Since(KernelChange::kBacklog32Bit), std::logic_error);
}

TEST(Knowledge, LoaderRejectsSchemaErrorsWithTheirLine) {
  KnowledgeBase kb;
  std::string err;
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    type: int\n    colour: red\n", &err));
  EXPECT_EQ(err, "line 4: unknown field 'colour' in 'a.b'");
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    type: float\n", &err));
  EXPECT_EQ(err, "line 3: unknown type 'float'");
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    defaults:\n      - {since: \"x\", value: \"1\"}\n", &err));
  EXPECT_EQ(err, "line 4: bad kernel version for a.b");
  EXPECT_FALSE(kb.Load("changes:\n  backlog_16bit:\n    since: \"4.1\"\n    citation: x\n", &err));
  EXPECT_EQ(err, "line 2: unknown kernel change 'backlog_16bit'");
  EXPECT_FALSE(kb.Load("changes:\n  backlog_32bit:\n    since: \"4.1\"\n", &err));
  EXPECT_EQ(err, "line 2: change 'backlog_32bit' needs 'since' and 'citation'");
  EXPECT_FALSE(kb.Load("changes:\n  backlog_32bit:\n    since: \"4.1\"\n    citation: x\n    commit: y\n",
                       &err));
  EXPECT_EQ(err, "line 5: unknown field 'commit' in 'backlog_32bit'");
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    default_depends_on: cpus\n", &err));
  EXPECT_EQ(err, "line 3: unknown default_depends_on 'cpus' in 'a.b' (known: memory)");
}

}  // namespace
}  // namespace synlint
