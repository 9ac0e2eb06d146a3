// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "parsers/yaml/yaml_file.h"

namespace synlint::yaml {
namespace {

TEST(YamlFile, ReadsEveryDocument) {
  const YamlFile f = ReadYaml("a: 1\n---\nb: 2\n---\n");
  EXPECT_FALSE(f.error);
  ASSERT_EQ(f.docs.size(), 2u);
  EXPECT_EQ(f.docs[1]["b"].Scalar(), "2");
}

TEST(YamlFile, BadYamlIsOneErrorAtItsPlace) {
  const std::string text = "a: 1\nb: [1, 2\nc: 3\n";
  const YamlFile f = ReadYaml(text);
  ASSERT_TRUE(f.error);
  EXPECT_TRUE(f.docs.empty());
  EXPECT_NE(f.error->message.find("yaml: "), std::string::npos);
  EXPECT_LE(f.error->span.begin, text.size());
  EXPECT_GE(f.error->span.begin, 5u);  // not at the start: the flow sequence is the problem
}

TEST(YamlFile, ScalarSpansAreTheWrittenBytes) {
  const std::string text = "a: \"4096\"   # q\nb: 'it''s'\nc: plain text # c\nd: &x 12\ne: [1, two]\n";
  const YamlFile f = ReadYaml(text);
  ASSERT_FALSE(f.error);
  const YAML::Node& d = f.docs[0];
  auto slice = [&](const Scalar& s) { return text.substr(s.span.begin, s.span.size()); };
  auto a = ScalarOf(text, d["a"]);
  ASSERT_TRUE(a);
  EXPECT_EQ(slice(*a), "\"4096\"");
  EXPECT_TRUE(a->quoted);
  EXPECT_EQ(a->value, "4096");
  EXPECT_EQ(slice(*ScalarOf(text, d["b"])), "'it''s'");
  EXPECT_EQ(slice(*ScalarOf(text, d["c"])), "plain text");
  EXPECT_EQ(slice(*ScalarOf(text, d["d"])), "12");  // past the anchor
  EXPECT_EQ(slice(*ScalarOf(text, d["e"][1])), "two");
  EXPECT_FALSE(ScalarOf(text, d["e"]));
}

TEST(YamlFile, PositionsCountBytesAcrossCrlfAndUtf8) {
  const std::string text = "# é\r\na: \"x\"\r\nb: yes\r\n";
  const YamlFile f = ReadYaml(text);
  ASSERT_FALSE(f.error);
  auto b = ScalarOf(text, f.docs[0]["b"]);
  ASSERT_TRUE(b);
  EXPECT_EQ(text.substr(b->span.begin, b->span.size()), "yes");
  EXPECT_EQ(LineBreakOf(text), "\r\n");
}

TEST(YamlFile, NeverThrowsOnOddInput) {
  for (std::string s : {std::string("\t"), std::string("a: *nope\n"), std::string("? [\n"),
                        std::string("- &a [*a]\n"), std::string("\xff\xfe"), std::string("{{{{")}) {
    EXPECT_NO_THROW(ReadYaml(s)) << s;
  }
}

}  // namespace
}  // namespace synlint::yaml
