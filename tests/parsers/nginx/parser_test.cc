// SPDX-License-Identifier: MIT
// Constructs that must parse without errors, checked through the dump.
#include "parsers/nginx/parser.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/parsers/nginx/test_util.h"

namespace synlint::nginx {
namespace {

using testing::MustParse;

TEST(NginxParser, DirectivesAndArguments) {
  EXPECT_EQ("[worker_processes][auto]; [pid][/run/nginx.pid];",
            MustParse("worker_processes auto;\npid /run/nginx.pid;\n"));
}

TEST(NginxParser, NoArguments) { EXPECT_EQ("[break];", MustParse("break;")); }

TEST(NginxParser, NestedBlocks) {
  EXPECT_EQ("[http]{[server]{[listen][80]; [location][/]{[root][/srv];}}}",
            MustParse("http {\n  server {\n    listen 80;\n    location / {\n      root /srv;\n"
                      "    }\n  }\n}\n"));
}

TEST(NginxParser, EmptyBlockAndEmptyFile) {
  EXPECT_EQ("[events]{}", MustParse("events {}"));
  EXPECT_EQ("", MustParse(""));
  EXPECT_EQ("", MustParse("  \n# only a comment\n"));
}

TEST(NginxParser, SeveralDirectivesOnOneLine) {
  EXPECT_EQ("[a][1]; [b][2]; [c];", MustParse("a 1; b 2;c;"));
}

TEST(NginxParser, OneLineBlocks) {
  EXPECT_EQ("[events]{[worker_connections][1024];} [http]{[server]{[listen][80];}}",
            MustParse("events { worker_connections 1024; } http{server{listen 80;}}"));
}

TEST(NginxParser, DoubleAndSingleQuotedStrings) {
  EXPECT_EQ("[return][200][\"a b; {c}\"]; [add_header][X]['it\\'s'];",
            MustParse("return 200 \"a b; {c}\";\nadd_header X 'it\\'s';"));
}

TEST(NginxParser, QuotedValuesAreUnescaped) {
  const std::string text = "x \"a\\\"b\\\\c\\td\" 'e\\'f' g\\ h \"\\q\";";
  const ParseResult r = Parse(text);
  ASSERT_EQ(1u, r.directives.size());
  ASSERT_EQ(4u, r.directives[0].arg_count());
  EXPECT_EQ("a\"b\\c\td", WordValue(text, r.words[1]));
  EXPECT_EQ("e'f", WordValue(text, r.words[2]));
  EXPECT_EQ("g\\ h", WordValue(text, r.words[3]));  // "\ " is no escape
  EXPECT_EQ("\\q", WordValue(text, r.words[4]));    // unknown escapes stay
}

TEST(NginxParser, EmptyQuotedArgument) {
  EXPECT_EQ("[map][$a][$b]{[default][\"\"];}", MustParse("map $a $b { default \"\"; }"));
}

TEST(NginxParser, Variables) {
  EXPECT_EQ("[set][$x][${host}_$uri]; [return][301][https://$host$request_uri];",
            MustParse("set $x ${host}_$uri;\nreturn 301 https://$host$request_uri;"));
}

TEST(NginxParser, CommentsEverywhere) {
  EXPECT_EQ("[http]{[log_format][main][\\#x]['#y'];}",
            MustParse("http { # c1\n log_format # c2\n  main \\#x # c3\n '#y' # c4\n ;\n} # c5"));
}

TEST(NginxParser, IfConditions) {
  EXPECT_EQ(
      "[if][($request_method][=][POST)]{[return][405];} "
      "[if][($http_user_agent][~*][\"(MSIE|Trident)\"][)]{[return][403];} "
      "[if][(-f][$request_filename)]{[break];} [if][($a)]{}",
      MustParse("if ($request_method = POST) { return 405; }\n"
                "if ($http_user_agent ~* \"(MSIE|Trident)\") { return 403; }\n"
                "if (-f $request_filename) { break; }\n"
                "if ($a){}"));
}

TEST(NginxParser, LocationModifiers) {
  EXPECT_EQ(
      "[location][=][/]{} [location][~][\\.php$]{} [location][~*][\\.(gif|jpg)$]{} "
      "[location][^~][/images/]{} [location][~][\"^/x{2}$\"]{} [location][@named]{}",
      MustParse("location = / {}\nlocation ~ \\.php$ {}\nlocation ~* \\.(gif|jpg)$ {}\n"
                "location ^~ /images/ {}\nlocation ~ \"^/x{2}$\" {}\nlocation @named {}"));
}

TEST(NginxParser, MapGeoTypesUpstream) {
  EXPECT_EQ(
      "[map][$http_upgrade][$connection_upgrade]{[default][upgrade]; [''][close];} "
      "[geo][$remote_addr][$office]{[default][0]; [10.0.0.0/8][1];} "
      "[types]{[text/html][html][htm]; [image/png][png];} "
      "[upstream][backend]{[server][10.0.0.1:8080][weight=5]; [server][unix:/run/b.sock]; "
      "[keepalive][16];}",
      MustParse("map $http_upgrade $connection_upgrade {\n default upgrade;\n '' close;\n}\n"
                "geo $remote_addr $office { default 0; 10.0.0.0/8 1; }\n"
                "types { text/html html htm; image/png png; }\n"
                "upstream backend { server 10.0.0.1:8080 weight=5; server unix:/run/b.sock;"
                " keepalive 16; }"));
}

TEST(NginxParser, LuaBlocksAreRaw) {
  EXPECT_EQ(
      "[location][/]{[content_by_lua_block]{lua: ngx.say(\"}\") -- }\n } "
      "[set_by_lua_block][$v]{lua: return [[{]] } [return][200];}",
      MustParse("location / { content_by_lua_block { ngx.say(\"}\") -- }\n }\n"
                " set_by_lua_block $v { return [[{]] }\n return 200; }"));
}

TEST(NginxParser, LuaBlockKeepsTheCodeSpan) {
  const std::string text = "init_by_lua_block {\n  local x = { a = '}' }\n}\n";
  const ParseResult r = Parse(text);
  ASSERT_EQ(1u, r.directives.size());
  const Directive& d = r.directives[0];
  EXPECT_TRUE(d.is_lua);
  EXPECT_EQ("\n  local x = { a = '}' }\n", text.substr(d.lua().begin, d.lua().size()));
  EXPECT_EQ((Span{0, 45}), d.span());
}

TEST(NginxParser, EmptyLuaBlock) {
  EXPECT_EQ("[content_by_lua_block]{lua:}", MustParse("content_by_lua_block {}"));
}

TEST(NginxParser, QuotedDirectiveName) {
  const std::string text = "\"listen\" 80;";
  const ParseResult r = Parse(text);
  std::string scratch;
  ASSERT_EQ(1u, r.directives.size());
  EXPECT_EQ("listen", DirectiveName(r, text, r.directives[0], &scratch));
}

TEST(NginxParser, CrlfAndNoFinalNewline) {
  EXPECT_EQ("[http]{[server]{[listen][80];}}",
            MustParse("http {\r\n  server {\r\n    listen 80;\r\n  }\r\n}"));
}

TEST(NginxParser, ExactSpans) {
  const std::string text = "http {\n  listen  80 backlog=1;\n}\n";
  const ParseResult r = Parse(text);
  ASSERT_EQ(2u, r.directives.size());
  const Directive& http = r.directives[0];
  EXPECT_EQ((Span{0, 32}), http.span());
  EXPECT_EQ((Span{5, 32}), http.block());
  EXPECT_EQ(2u, http.subtree_end);
  const Directive& listen = r.directives[1];
  EXPECT_EQ(2u, listen.subtree_end);
  EXPECT_EQ(4u, listen.args_end);  // words: http listen 80 backlog=1
  EXPECT_FALSE(listen.has_block);
  EXPECT_TRUE(listen.has_terminator);
  EXPECT_EQ((Span{9, 30}), listen.span());
  EXPECT_EQ((Span{29, 30}), listen.terminator());
  EXPECT_EQ((Span{17, 19}), r.words[listen.name + 1].span());
  EXPECT_EQ((Span{20, 29}), r.words[listen.name + 2].span());
}

TEST(NginxParser, QuotedWordSpans) {
  const std::string text = "a \"b c\";";
  const ParseResult r = Parse(text);
  ASSERT_EQ(2u, r.words.size());
  EXPECT_EQ((Span{2, 7}), r.words[1].span());
  EXPECT_EQ((Span{3, 6}), r.words[1].inner());
  EXPECT_EQ('"', r.words[1].quote());
}

TEST(NginxParser, ChildrenIteration) {
  const std::string text = "a { b { c; } d; } e;";
  const ParseResult r = Parse(text);
  std::string names;
  std::string scratch;
  for (uint32_t c = FirstChild(0); c < r.directives[0].subtree_end; c = r.directives[c].subtree_end)
    names += std::string(DirectiveName(r, text, r.directives[c], &scratch));
  EXPECT_EQ("bd", names);
}

TEST(NginxParser, UnknownDirectivesAndBlocksAreAccepted) {
  EXPECT_EQ("[more_set_headers][\"X: y\"]; [foo][bar]{[baz];}",
            MustParse("more_set_headers \"X: y\";\nfoo bar { baz; }"));
}

TEST(NginxParser, ContinuationLinesAreArguments) {
  // Not a missing ';': 'deny' would make 'add_header' short of arguments.
  EXPECT_EQ("[add_header][X-Frame-Options][deny]; [server_name][a.example][root];",
            MustParse("add_header X-Frame-Options\n    deny;\nserver_name a.example\n  root;"));
}

TEST(NginxParser, ListenParametersOnContinuationLines) {
  EXPECT_EQ("[listen][443][ssl][http2];", MustParse("listen 443 ssl\n    http2;"));
}

}  // namespace
}  // namespace synlint::nginx

namespace synlint::nginx {
namespace {

TEST(NginxTreeDump, Json) {
  const SourceFile file("etc/nginx/x.conf", "http {\n  listen \"80\";\n  x {\n}\n");
  EXPECT_EQ(R"({"file":"etc/nginx/x.conf","directives":[)"
            R"({"name":"http","line":1,"column":1,"span":[0,30],"args":[],"block":[)"
            R"({"name":"listen","line":2,"column":3,"span":[9,21],"args":[)"
            R"({"text":"\"80\"","value":"80","span":[16,20]}]},)"
            R"({"name":"x","line":3,"column":3,"span":[24,29],"args":[],"block":[]}]}],)"
            R"("errors":[{"message":"unexpected end of file, expecting \"}\"",)"
            R"("hint":"the 'http' block opened on line 1 is not closed","line":4,"column":3,)"
            R"("span":[30,30]}]})",
            DumpTreeJson(Parse(file), file, 0));
}

TEST(NginxTreeDump, LuaInJson) {
  const SourceFile file("t.conf", "content_by_lua_block { a() }");
  EXPECT_EQ(R"({"file":"t.conf","directives":[{"name":"content_by_lua_block","line":1,"column":1,)"
            R"("span":[0,28],"args":[],"lua":" a() "}],"errors":[]})",
            DumpTreeJson(Parse(file), file, 0));
}


TEST(NginxTreeDump, StreamedDumpEqualsTheStringDump) {
  // Deep enough and long enough that the dump goes out in several pieces
  // from inside nested blocks.
  std::string text = "events { worker_connections 512; }\nhttp {\n";
  for (int i = 0; i < 3000; ++i)
    text += "  server { listen " + std::to_string(8000 + i) +
            " backlog=4096; location / { return 200 \"ok\"; } }\n";
  text += "  content_by_lua_block { ngx.say('}') }\n  unclosed {\n";
  const ParseResult r = Parse(text);
  const std::string whole = DumpTree(r, text);
  ASSERT_GT(whole.size(), 3u * 65536u);
  std::ostringstream os;
  TextSink sink(&os);
  DumpTree(r, text, &sink);
  sink.Flush();
  EXPECT_EQ(os.str(), whole);
}

}  // namespace
}  // namespace synlint::nginx
