// SPDX-License-Identifier: MIT
#include "parsers/nginx/lexer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace synlint::nginx {
namespace {

/// "kind:text" for every token, separated by spaces; whitespace shows as '_'.
std::string Tokens(std::string_view text) {
  const LexResult r = Lex(text);
  EXPECT_TRUE(TokensCover(r.tokens, text));
  std::string out;
  for (const Token& t : r.tokens) {
    if (!out.empty()) out += ' ';
    if (t.kind == kWhitespace) {
      out += '_';
      continue;
    }
    out += std::string(TokenKindName(t.kind)) + ":" +
           std::string(text.substr(t.span.begin, t.span.size()));
  }
  return out;
}

TEST(NginxLexer, WordsEndAtSpaceSemicolonAndBrace) {
  EXPECT_EQ("word:a _ word:b semicolon:; word:c left-brace:{ right-brace:}", Tokens("a b;c{}"));
}

TEST(NginxLexer, RightBraceAndHashInsideWordAreText) {
  EXPECT_EQ("word:a}b _ word:c#d semicolon:;", Tokens("a}b c#d;"));
}

TEST(NginxLexer, CommentOnlyAtTokenStart) {
  EXPECT_EQ("word:a _ comment:#x;y _ word:b semicolon:;", Tokens("a #x;y\nb;"));
}

TEST(NginxLexer, CommentExcludesCarriageReturn) {
  EXPECT_EQ("comment:#c _ word:a semicolon:; _", Tokens("#c\r\na;\r\n"));
}

TEST(NginxLexer, DollarBraceDoesNotEndWord) {
  EXPECT_EQ("word:${a}b _ word:$ _ left-brace:{", Tokens("${a}b $ {"));
  EXPECT_EQ("word:a$\\{b _ word:c", Tokens("a$\\{b c"));
  EXPECT_EQ("word:a$${b} semicolon:;", Tokens("a$${b};"));
}

TEST(NginxLexer, BackslashEscapesAnyByte) {
  EXPECT_EQ("word:a\\;b\\ c semicolon:;", Tokens("a\\;b\\ c;"));
  EXPECT_EQ("word:a\\{ _ word:b", Tokens("a\\{ b"));
}

TEST(NginxLexer, QuotedStrings) {
  EXPECT_EQ("string:\"a b;{}\" _ string:'c\\'d' semicolon:;", Tokens("\"a b;{}\" 'c\\'d';"));
}

TEST(NginxLexer, QuoteInsideWordIsText) { EXPECT_EQ("word:a\"b\" semicolon:;", Tokens("a\"b\";")); }

TEST(NginxLexer, ClosingQuoteFollowedByParenthesis) {
  EXPECT_EQ("word:($a _ word:= _ string:\"x\" word:) _ left-brace:{", Tokens("($a = \"x\") {"));
  EXPECT_TRUE(Lex("($a = \"x\") {").errors.empty());
}

TEST(NginxLexer, ByteAfterClosingQuoteIsAnError) {
  const LexResult r = Lex("\"a\"b;");
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("unexpected \"b\"", r.errors[0].message);
  EXPECT_EQ((Span{3, 4}), r.errors[0].span);
}

TEST(NginxLexer, UnterminatedStringEndsAtItsLine) {
  EXPECT_EQ("word:a _ string:\"b c _ word:d semicolon:;", Tokens("a \"b c\nd;"));
  const LexResult r = Lex("a \"b c\nd;");
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("unterminated string; the closing \" is missing", r.errors[0].message);
  EXPECT_EQ((Span{2, 3}), r.errors[0].span);
}

TEST(NginxLexer, MultiLineStringIsOneToken) {
  EXPECT_EQ("string:'a\nb' semicolon:;", Tokens("'a\nb';"));
}

TEST(NginxLexer, LuaBlockBodyIsRaw) {
  EXPECT_EQ(
      "word:content_by_lua_block _ left-brace:{ lua-code: if x then y = \"}\" end  "
      "right-brace:} _ word:a semicolon:;",
      Tokens("content_by_lua_block { if x then y = \"}\" end } a;"));
}

TEST(NginxLexer, LuaLongBracketsAndComments) {
  const std::string code = " a = [[ } ]] b = [==[ ]] } ]==] -- }\n --[[ } ]] c = '{' ";
  EXPECT_EQ("word:access_by_lua_block _ left-brace:{ lua-code:" + code + " right-brace:}",
            Tokens("access_by_lua_block {" + code + "}"));
}

TEST(NginxLexer, LuaNestedBraces) {
  EXPECT_EQ(
      "word:set_by_lua_block _ word:$v _ left-brace:{ lua-code: t = {1, {2}}  "
      "right-brace:}",
      Tokens("set_by_lua_block $v { t = {1, {2}} }"));
}

TEST(NginxLexer, LuaOnlyForTheDirectiveName) {
  // The word is an argument here, not the directive: an ordinary block.
  EXPECT_EQ("word:x _ word:content_by_lua_block _ left-brace:{ word:y semicolon:; right-brace:}",
            Tokens("x content_by_lua_block {y;}"));
}

TEST(NginxLexer, UnterminatedLuaBlock) {
  const LexResult r = Lex("content_by_lua_block { x = '}'");
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("unexpected end of file, expecting \"}\"", r.errors[0].message);
  EXPECT_EQ((Span{21, 22}), r.errors[0].span);
  EXPECT_TRUE(TokensCover(r.tokens, "content_by_lua_block { x = '}'"));
}

TEST(NginxLexer, TooLongParameter) {
  const std::string word(kMaxParameterBytes, 'a');
  const LexResult r = Lex("x " + word + ";");
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("parameter too long (4096 bytes); nginx cannot read a parameter of 4096 bytes or more",
            r.errors[0].message);
  EXPECT_TRUE(Lex("x " + word.substr(1) + ";").errors.empty());
}

TEST(NginxLexer, EmptyInputAndBinaryBytes) {
  EXPECT_EQ("", Tokens(""));
  const std::string bin("a\0\xff\x01;", 5);
  EXPECT_EQ(std::string("word:a\0\xff\x01 semicolon:;", 21), Tokens(bin));
}

/// Every token a Lexer yields one Next() at a time.
std::vector<Token> Incremental(std::string_view text, Whitespace ws, size_t* calls) {
  Lexer lexer(text, ws);
  std::vector<Token> out;
  *calls = 0;
  while (lexer.Next(&out)) ++*calls;
  EXPECT_FALSE(lexer.Next(&out));
  return out;
}

TEST(NginxLexer, IncrementalKeepingWhitespaceIsLex) {
  const std::string text =
      "a  b;\n# c\r\nx \"y z\" { content_by_lua_block { s = '}' } }\n\"open";
  const LexResult all = Lex(text);
  size_t calls = 0;
  const std::vector<Token> inc = Incremental(text, Whitespace::kKeep, &calls);
  ASSERT_EQ(all.tokens.size(), inc.size());
  for (size_t i = 0; i < inc.size(); ++i) {
    EXPECT_EQ(all.tokens[i].kind, inc[i].kind) << i;
    EXPECT_EQ(all.tokens[i].span, inc[i].span) << i;
  }
  EXPECT_LT(calls, inc.size());  // the Lua body comes with its '}'
  Lexer lexer(text);
  std::vector<Token> sink;
  while (lexer.Next(&sink)) {
  }
  const std::vector<SyntaxError> errors = lexer.TakeErrors();
  ASSERT_EQ(all.errors.size(), errors.size());
  for (size_t i = 0; i < errors.size(); ++i) EXPECT_EQ(all.errors[i].message, errors[i].message);
}

TEST(NginxLexer, SkippedWhitespaceIsExactlyTheGaps) {
  const std::string text = " \t a b;\r\n\n# c\nd { e; }  \n";
  const LexResult all = Lex(text);
  size_t calls = 0;
  const std::vector<Token> kept = Incremental(text, Whitespace::kSkip, &calls);
  std::vector<Token> expected;
  for (const Token& t : all.tokens)
    if (t.kind != kWhitespace) expected.push_back(t);
  ASSERT_EQ(expected.size(), kept.size());
  uint32_t at = 0;
  for (size_t i = 0; i < kept.size(); ++i) {
    EXPECT_EQ(expected[i].span, kept[i].span);
    for (uint32_t k = at; k < kept[i].span.begin; ++k)
      EXPECT_NE(std::string::npos, std::string(" \t\r\n").find(text[k])) << k;
    at = kept[i].span.end;
  }
  EXPECT_EQ(all.tokens.size(), calls);  // one call per token, whitespace included
}

}  // namespace
}  // namespace synlint::nginx
