// SPDX-License-Identifier: MIT
// The text of a block scalar and its byte map back into the file, checked
// against yaml-cpp's own reading of the same scalar.
#include <gtest/gtest.h>

#include "parsers/yaml/block_scalar.h"
#include "parsers/yaml/yaml_file.h"

namespace synlint::yaml {
namespace {

std::string WithoutCr(std::string s) {
  std::erase(s, '\r');
  return s;
}

std::string TrimNewlines(std::string s) {
  while (!s.empty() && s.back() == '\n') s.pop_back();
  return s;
}

// Every real byte of the text maps to the same byte in the file.
void ExpectMapsBack(const std::string& file, const BlockScalar& b) {
  for (uint32_t i = 0; i < b.text.size(); ++i) {
    const uint32_t at = b.ToFile(i);
    ASSERT_LT(at, file.size());
    const char c = b.text[i];
    if (c == ' ' && file[at] != ' ') {
      EXPECT_TRUE(file[at] == '\n' || file[at] == '\r') << i;  // a folded break
    } else {
      EXPECT_EQ(file[at], c) << "text offset " << i;
    }
  }
}

BlockScalar Read(const std::string& file, const char* key) {
  const YamlFile f = ReadYaml(file);
  EXPECT_FALSE(f.error);
  const uint32_t at = NodeStart(file, f.docs[0]["data"][key]);
  auto b = ReadBlockScalar(file, at);
  EXPECT_TRUE(b);
  EXPECT_EQ(WithoutCr(TrimNewlines(b->text)), TrimNewlines(f.docs[0]["data"][key].Scalar()));
  ExpectMapsBack(file, *b);
  return *b;
}

TEST(BlockScalar, LiteralMapsEveryByte) {
  const std::string file =
      "data:\n  nginx.conf: |\n    events {}\n    http {\n\n      server { listen 80 backlog=8192; }\n    }\n  other: x\n";
  const BlockScalar b = Read(file, "nginx.conf");
  EXPECT_EQ(b.style, '|');
  EXPECT_EQ(b.indent, 4u);
  const size_t in_text = b.text.find("8192");
  EXPECT_EQ(b.ToFile(static_cast<uint32_t>(in_text)), file.find("8192"));
  EXPECT_EQ(file.substr(b.body.end, 9), "  other: ");
}

TEST(BlockScalar, LiteralWithCrlfAndChomping) {
  const std::string file = "data:\r\n  a.conf: |-\r\n    listen 80;\r\n    # note\r\n\r\n  b: 1\r\n";
  const BlockScalar b = Read(file, "a.conf");
  EXPECT_EQ(b.text, "listen 80;\r\n# note\r\n");
  EXPECT_EQ(b.ToFile(static_cast<uint32_t>(b.text.find("80"))), file.find("80"));
}

TEST(BlockScalar, FoldedJoinsLinesAsYamlDoes) {
  const std::string file =
      "data:\n  f.conf: >\n    server {\n    listen 80;\n\n    }\n      more indented\n    last\n";
  const BlockScalar b = Read(file, "f.conf");
  EXPECT_EQ(b.style, '>');
  EXPECT_EQ(b.ToFile(static_cast<uint32_t>(b.text.find("listen"))), file.find("listen"));
  EXPECT_EQ(b.ToFile(static_cast<uint32_t>(b.text.find("last"))), file.find("last"));
}

TEST(BlockScalar, FoldedWithCrlf) {
  const std::string file = "data:\r\n  f.conf: >+\r\n    a b\r\n    c\r\n\r\n    d\r\n";
  Read(file, "f.conf");
}

TEST(BlockScalar, ExplicitIndentationAndEmptyScalar) {
  const std::string file = "data:\n  a: |2\n      two extra\n    base\n  b: |\n  c: 1\n";
  const YamlFile f = ReadYaml(file);
  ASSERT_FALSE(f.error);
  auto a = ReadBlockScalar(file, NodeStart(file, f.docs[0]["data"]["a"]));
  ASSERT_TRUE(a);
  EXPECT_EQ(TrimNewlines(a->text), TrimNewlines(f.docs[0]["data"]["a"].Scalar()));
  auto b = ReadBlockScalar(file, NodeStart(file, f.docs[0]["data"]["b"]));
  ASSERT_TRUE(b);
  EXPECT_EQ(b->text, "");
  EXPECT_FALSE(ReadBlockScalar(file, 0));
}

}  // namespace
}  // namespace synlint::yaml
