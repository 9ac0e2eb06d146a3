// SPDX-License-Identifier: MIT
#include "parsers/apache/lexer.h"

#include <gtest/gtest.h>

#include <string>

namespace synlint::apache {
namespace {

// "kind:text" per token, '|' between tokens; "\n" shown as \n.
std::string Tokens(std::string_view text) {
  std::vector<Token> tokens;
  Lexer lexer(text, &tokens);
  LogicalLine line;
  while (lexer.Next(&line)) {
  }
  EXPECT_TRUE(TokensCover(tokens, text));
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += '|';
    out += TokenKindName(t.kind);
    out += ':';
    for (char c : text.substr(t.span.begin, t.span.size())) {
      if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else out += c;
    }
  }
  return out;
}

std::vector<LogicalLine> Lines(std::string_view text) {
  std::vector<Token> tokens;
  Lexer lexer(text, &tokens);
  std::vector<LogicalLine> lines;
  LogicalLine line;
  while (lexer.Next(&line)) lines.push_back(line);
  return lines;
}

TEST(ApacheLexer, Directive) {
  EXPECT_EQ("name:Listen|space: |word:80|newline:\\n", Tokens("Listen 80\n"));
}

TEST(ApacheLexer, EmptyInput) { EXPECT_EQ("", Tokens("")); }

TEST(ApacheLexer, CommentOnlyAtLineStart) {
  EXPECT_EQ("space:  |comment:# note|newline:\\n", Tokens("  # note\n"));
  // A '#' after the name is an argument (httpd has no trailing comments).
  EXPECT_EQ("name:Listen|space: |word:80|space: |word:#|space: |word:web|newline:\\n",
            Tokens("Listen 80 # web\n"));
}

TEST(ApacheLexer, CrLfAndMissingFinalNewline) {
  EXPECT_EQ("name:A|space: |word:1|newline:\\r\\n|name:B|space: |word:2",
            Tokens("A 1\r\nB 2"));
}

TEST(ApacheLexer, TrailingBlanksAreSpace) {
  EXPECT_EQ("name:A|space: \t|newline:\\n", Tokens("A \t\n"));
}

TEST(ApacheLexer, ContinuationJoinsWithoutSpace) {
  EXPECT_EQ("name:Listen|space: |word:80|continuation:\\\\n|word:80|newline:\\n",
            Tokens("Listen 80\\\n80\n"));
  const auto lines = Lines("Listen 80\\\n80\n");
  ASSERT_EQ(1u, lines.size());
  ASSERT_EQ(1u, lines[0].args.size());
  EXPECT_EQ("8080", WordValue("Listen 80\\\n80\n", lines[0].args[0]));
}

TEST(ApacheLexer, ContinuationWithCrLf) {
  const std::string text = "A \\\r\n  b\r\n";
  EXPECT_EQ("name:A|space: |continuation:\\\\r\\n|space:  |word:b|newline:\\r\\n",
            Tokens(text));
}

TEST(ApacheLexer, BackslashBeforeBlankIsNotAContinuation) {
  EXPECT_EQ("name:A|space: |word:x\\|space: |newline:\\n|name:B", Tokens("A x\\ \nB"));
}

TEST(ApacheLexer, BackslashAtEndOfFileIsText) {
  EXPECT_EQ("name:A|space: |word:x\\", Tokens("A x\\"));
}

TEST(ApacheLexer, CommentContinues) {
  EXPECT_EQ("comment:# a|continuation:\\\\n|comment:Listen 80|newline:\\n",
            Tokens("# a\\\nListen 80\n"));
}

TEST(ApacheLexer, Quotes) {
  const std::string text = "A \"x y\" 'p\\'q' \"a\"b\n";
  EXPECT_EQ(
      "name:A|space: |quoted:\"x y\"|space: |quoted:'p\\'q'|space: |quoted:\"a\"|"
      "word:b|newline:\\n",
      Tokens(text));
  const auto lines = Lines(text);
  ASSERT_EQ(4u, lines[0].args.size());
  EXPECT_EQ("x y", WordValue(text, lines[0].args[0]));
  EXPECT_EQ("p'q", WordValue(text, lines[0].args[1]));
  EXPECT_EQ("a", WordValue(text, lines[0].args[2]));
  EXPECT_EQ("b", WordValue(text, lines[0].args[3]));
}

TEST(ApacheLexer, EscapesFollowGetwordConf) {
  // Unquoted: only "\\" is an escape. Quoted: "\\" and the quote itself.
  const std::string text = "A a\\\\b c\\\"d \"e\\\\f\\\"g\\n\"\n";
  const auto lines = Lines(text);
  ASSERT_EQ(3u, lines[0].args.size());
  EXPECT_EQ("a\\b", WordValue(text, lines[0].args[0]));
  EXPECT_EQ("c\\\"d", WordValue(text, lines[0].args[1]));
  EXPECT_EQ("e\\f\"g\\n", WordValue(text, lines[0].args[2]));
}

TEST(ApacheLexer, UnterminatedQuoteRunsToEndOfLine) {
  const std::string text = "A \"x y  \nB\n";
  EXPECT_EQ("name:A|space: |quoted:\"x y|space:  |newline:\\n|name:B|newline:\\n",
            Tokens(text));
  const auto lines = Lines(text);
  EXPECT_FALSE(lines[0].args[0].terminated);
  EXPECT_EQ("x y", WordValue(text, lines[0].args[0]));
}

TEST(ApacheLexer, SectionTags) {
  EXPECT_EQ(
      "open-tag:<VirtualHost|space: |word:*:80|tag-end:>|newline:\\n|"
      "close-tag:</VirtualHost|tag-end:>",
      Tokens("<VirtualHost *:80>\n</VirtualHost>"));
  EXPECT_EQ("open-tag:<Else|tag-end:>", Tokens("<Else>"));
  EXPECT_EQ("open-tag:<IfModule|space: |word:!mod_ssl.c|space: |tag-end:>",
            Tokens("<IfModule !mod_ssl.c >"));
}

TEST(ApacheLexer, TagArgumentsEndAtTheLastAngle) {
  // core.c takes the arguments up to the last '>' (ap_strrchr_c).
  EXPECT_EQ("open-tag:<If|space: |quoted:\"%{X} > 5\"|tag-end:>",
            Tokens("<If \"%{X} > 5\">"));
  EXPECT_EQ("open-tag:<Directory|space: |word:/a|tag-end:>|space: |ignored:# note",
            Tokens("<Directory /a> # note"));
}

TEST(ApacheLexer, TagWithoutAngle) {
  const auto lines = Lines("<Directory /a\n");
  ASSERT_EQ(1u, lines.size());
  EXPECT_TRUE(lines[0].tag_end.empty());
  EXPECT_EQ(LogicalLine::Kind::kOpenTag, lines[0].kind);
}

TEST(ApacheLexer, BlankLinesAndStrayCarriageReturns) {
  EXPECT_EQ("newline:\\n|space:  \\r|newline:\\r\\n|name:A|space:\\r|word:b",
            Tokens("\n  \r\r\nA\rb"));
}

TEST(ApacheLexer, ManyContinuationsStayLinear) {
  std::string text = "A";
  for (int i = 0; i < 20000; ++i) text += " x\\\n";
  text += "end\n";
  const auto lines = Lines(text);
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ(20000u, lines[0].args.size());  // the last "x" joins "end"
}

}  // namespace
}  // namespace synlint::apache
