// The knowledge compiled into the binary (knowledge_codegen) is exactly what
// KnowledgeBase::Load reads from model/knowledge/*.yaml, field by field; and
// the loader rejects what the schema forbids.
#include "model/knowledge.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

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

TEST(Knowledge, BuiltinTablesEqualTheYaml) {
  KnowledgeBase from_yaml;
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(SYNLINT_SOURCE_DIR) / "model" / "knowledge")) {
    if (e.path().extension() != ".yaml") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string err;
    ASSERT_TRUE(from_yaml.Load(text.str(), &err)) << e.path() << ": " << err;
    ++files;
  }
  ASSERT_GT(files, 0u);
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

TEST(Knowledge, LoaderRejectsSchemaErrorsWithTheirLine) {
  KnowledgeBase kb;
  std::string err;
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    type: int\n    colour: red\n", &err));
  EXPECT_EQ(err, "line 4: unknown field 'colour' in 'a.b'");
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    type: float\n", &err));
  EXPECT_EQ(err, "line 3: unknown type 'float'");
  EXPECT_FALSE(kb.Load("keys:\n  a.b:\n    defaults:\n      - {since: \"x\", value: \"1\"}\n", &err));
  EXPECT_EQ(err, "line 4: bad kernel version for a.b");
}

}  // namespace
}  // namespace synlint
