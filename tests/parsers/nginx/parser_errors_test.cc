// SPDX-License-Identifier: MIT
// Syntax errors: exact message and location, and how parsing recovers.
#include <gtest/gtest.h>

#include "tests/parsers/nginx/test_util.h"

namespace synlint::nginx {
namespace {

using testing::DumpOf;
using testing::ErrorsOf;

TEST(NginxParserErrors, UnexpectedRightBrace) {
  const std::string text = "a;\n}\nb;\n";
  EXPECT_EQ("2:1: unexpected \"}\"", ErrorsOf(text));
  EXPECT_EQ("[a]; [b];", DumpOf(text));
}

TEST(NginxParserErrors, UnexpectedSemicolonAndBrace) {
  EXPECT_EQ("1:1: unexpected \";\"", ErrorsOf(";a;"));
  const std::string text = "{ a; }\nb;";
  EXPECT_EQ("1:1: unexpected \"{\"", ErrorsOf(text));
  EXPECT_EQ("[]{[a];} [b];", DumpOf(text));
}

TEST(NginxParserErrors, MissingSemicolonBeforeBrace) {
  const std::string text = "server {\n  listen 80\n}\nevents {}\n";
  EXPECT_EQ("2:12: directive \"listen\" is not terminated by \";\"", ErrorsOf(text));
  EXPECT_EQ("[server]{[listen][80]!} [events]{}", DumpOf(text));
}

TEST(NginxParserErrors, MissingSemicolonBeforeNextDirective) {
  const std::string text =
      "server {\n  listen 80\n  server_name a.example;\n  root /srv\n"
      "  index index.html;\n}\n";
  EXPECT_EQ(
      "2:12: directive \"listen\" is not terminated by \";\"\n"
      "4:12: directive \"root\" is not terminated by \";\"",
      ErrorsOf(text));
  EXPECT_EQ("[server]{[listen][80]! [server_name][a.example]; [root][/srv]! [index][index.html];}",
            DumpOf(text));
}

TEST(NginxParserErrors, MissingSemicolonBeforeBlock) {
  const std::string text = "server {\n  listen 80\n  location / { return 200; }\n}\n";
  EXPECT_EQ("2:12: directive \"listen\" is not terminated by \";\"", ErrorsOf(text));
  EXPECT_EQ("[server]{[listen][80]! [location][/]{[return][200];}}", DumpOf(text));
}

TEST(NginxParserErrors, SimpleDirectiveWithBlock) {
  const std::string text = "listen 80 { a; }";
  EXPECT_EQ("1:11: directive \"listen\" is not terminated by \";\"", ErrorsOf(text));
  EXPECT_EQ("[listen][80]{[a];}", DumpOf(text));
}

TEST(NginxParserErrors, BlockDirectiveWithoutBrace) {
  EXPECT_EQ("1:7: directive \"server\" has no opening \"{\"", ErrorsOf("server;"));
  EXPECT_EQ("1:13: directive \"location\" has no opening \"{\"", ErrorsOf("location /a ;"));
  // Inside an upstream, 'server' names a backend.
  EXPECT_EQ("", ErrorsOf("upstream b { server 127.0.0.1:81; }"));
  // Entries of a map are not directives.
  EXPECT_EQ("", ErrorsOf("map $a $b { server 1; listen {}\n}"));
}

// A file parsed alone may be included anywhere: at its top level, rules
// that depend on the enclosing block are not applied; inside its own blocks
// they are.
TEST(NginxParserErrors, UnknownContextAppliesNoContextRulesAtTheTop) {
  const std::string text = "server 127.0.0.1:9000;\nhttp { server; }\nlocation /a;\n";
  const ParseResult r = Parse(text, UnknownContext());
  ASSERT_EQ(2u, r.errors.size());
  EXPECT_EQ("directive \"server\" has no opening \"{\"", r.errors[0].message);
  EXPECT_EQ(text.find("; }"), r.errors[0].span.begin);
  EXPECT_EQ("directive \"location\" has no opening \"{\"", r.errors[1].message);
  // In a known context the same text is checked against it.
  EXPECT_EQ(3u, Parse(text).errors.size());
  ParseContext upstream;
  upstream.parent = "upstream";
  EXPECT_EQ(2u, Parse(text, upstream).errors.size());
}

TEST(NginxParserErrors, UnterminatedQuote) {
  const std::string text = "http {\n  return 200 \"oops;\n  listen 80;\n}\n";
  EXPECT_EQ(
      "2:14: unterminated string; the closing \" is missing\n"
      "2:20: directive \"return\" is not terminated by \";\"",
      ErrorsOf(text));
  EXPECT_EQ("[http]{[return][200][\"oops;]! [listen][80];}", DumpOf(text));
}

TEST(NginxParserErrors, UnexpectedEofInBlock) {
  const std::string text = "http {\n  server {\n    listen 80;\n";
  EXPECT_EQ("3:16: unexpected end of file, expecting \"}\"", ErrorsOf(text));
  const ParseResult r = Parse(text);
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("the 'server' block opened on line 2 is not closed", r.errors[0].hint);
  EXPECT_EQ("[http]{[server]{[listen][80];<eof><eof>", DumpOf(text));
}

TEST(NginxParserErrors, UnexpectedEofInDirective) {
  const std::string text = "http {\n  listen 80";
  EXPECT_EQ("2:12: unexpected end of file, expecting \";\" or \"}\"", ErrorsOf(text));
  EXPECT_EQ("[http]{[listen][80]!<eof>", DumpOf(text));
}

TEST(NginxParserErrors, ByteAfterQuote) {
  const std::string text = "return 200 \"a\"b;\nx;";
  EXPECT_EQ("1:15: unexpected \"b\"", ErrorsOf(text));
  EXPECT_EQ("[return][200][\"a\"][b]; [x];", DumpOf(text));
}

TEST(NginxParserErrors, UnclosedLuaBlock) {
  const std::string text = "content_by_lua_block {\n  x = '}'\n";
  EXPECT_EQ("1:22: unexpected end of file, expecting \"}\"", ErrorsOf(text));
  EXPECT_EQ("[content_by_lua_block]{lua:\n  x = '}'\n<eof>", DumpOf(text));
}

TEST(NginxParserErrors, RecoveryKeepsLaterServers) {
  const std::string text = "http {\n server { listen 80 }\n}\n}\nserver { listen 81; }\n";
  EXPECT_EQ("2:20: directive \"listen\" is not terminated by \";\"\n4:1: unexpected \"}\"", ErrorsOf(text));
  EXPECT_EQ("[http]{[server]{[listen][80]!}} [server]{[listen][81];}", DumpOf(text));
}

TEST(NginxParserErrors, DeepNestingIsBounded) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += "a {";
  for (int i = 0; i < 150; ++i) text += "}";
  text += " b;";
  const ParseResult r = Parse(text);
  ASSERT_EQ(1u, r.errors.size());
  EXPECT_EQ("blocks nested too deeply (more than 100 levels)", r.errors[0].message);
  EXPECT_EQ(101u, r.directives.size() - 1);  // 100 levels + the skipped one, plus 'b'
  EXPECT_TRUE(testing::CoversLosslessly(r, text));
}

TEST(NginxParserErrors, IfWithoutBlock) {
  const std::string text = "if ($bad) return 403;\nx;";
  EXPECT_EQ("1:21: directive \"if\" has no opening \"{\"", ErrorsOf(text));
  EXPECT_EQ("[if][($bad)][return][403]; [x];", DumpOf(text));
}

TEST(NginxParserErrors, MapEntryWithoutSemicolon) {
  const std::string text = "map $a $b {\n  default 0;\n  ~^/x 1\n}\n";
  EXPECT_EQ("3:9: directive \"~^/x\" is not terminated by \";\"", ErrorsOf(text));
  EXPECT_EQ("[map][$a][$b]{[default][0]; [~^/x][1]!}", DumpOf(text));
}

TEST(NginxParserErrors, UnquotedRegexWithBraces) {
  // nginx ends the word at '{': the regex must be quoted.
  const std::string text = "location ~ ^/x{2}$ { return 204; }\n";
  EXPECT_EQ("1:36: unexpected end of file, expecting \"}\"", ErrorsOf(text));
  EXPECT_EQ("[location][~][^/x]{[2}$]{[return][204];}<eof>", DumpOf(text));
}

TEST(NginxParserErrors, NoiseRoundTrips) {
  // Deterministic noise made of the bytes the lexer cares about.
  constexpr char kAlphabet[] = "{};\"'\\$#\n\r\t ab[]=-(\xff";
  std::string text;
  uint32_t x = 12345;
  for (int i = 0; i < 300000; ++i) {
    x = x * 1103515245 + 12345;
    text += kAlphabet[(x >> 16) % (sizeof kAlphabet - 1)];
  }
  text.insert(1000, "content_by_lua_block {");
  const ParseResult r = Parse(text);
  EXPECT_TRUE(testing::CoversLosslessly(r, text));
  EXPECT_FALSE(r.errors.empty());
}

TEST(NginxParserErrors, ErrorsAreSortedByPosition) {
  const std::string text = "a \"x\"y;\n}\n";
  EXPECT_EQ("1:6: unexpected \"y\"\n2:1: unexpected \"}\"", ErrorsOf(text));
}

}  // namespace
}  // namespace synlint::nginx
