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
    << " summary=" << k.summary << " citation=" << k.citation;
  return o.str();
}

std::string Describe(const ChangeInfo& c) {
  return std::string(KernelChangeName(c.change)) + " since=" + c.since.ToString() + " summary=" + c.summary +
         " citation=" + c.citation;
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
}

}  // namespace
}  // namespace synlint
