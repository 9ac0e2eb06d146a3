// SPDX-License-Identifier: MIT
#include "parsers/apache/parser.h"

#include <gtest/gtest.h>

#include <sstream>

#include "parsers/apache/tree_dump.h"

namespace synlint::apache {
namespace {

struct Parsed {
  std::string tree;
  std::string errors;
};

Parsed P(const std::string& text) {
  SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(TokensCover(r.tokens, text)) << text;
  // Without tokens (as the host loader parses) the tree and errors are the same.
  const ParseResult lean = Parse(file, {.tokens = false});
  EXPECT_TRUE(lean.tokens.empty());
  EXPECT_EQ(DumpTree(text, r), DumpTree(text, lean)) << text;
  EXPECT_EQ(DumpErrors(file, r), DumpErrors(file, lean)) << text;
  return {DumpTree(text, r), DumpErrors(file, r)};
}

// Must-parse: the input gives exactly this tree and no errors.
void AssertParse(const std::string& text, const std::string& tree) {
  const Parsed p = P(text);
  EXPECT_EQ(tree, p.tree) << text;
  EXPECT_EQ("", p.errors) << text;
}

TEST(ApacheParser, Directives) {
  AssertParse("ServerName www.example.com\nListen 80\n",
              "ServerName [www.example.com]\nListen [80]\n");
}

TEST(ApacheParser, DirectiveWithoutArguments) {
  AssertParse("KeepAlive\n", "KeepAlive\n");
}

TEST(ApacheParser, CommentsAndBlankLines) {
  AssertParse("# a\n\n   # b\nListen 80\n", "Listen [80]\n");
}

TEST(ApacheParser, TrailingHashIsAnArgument) {
  AssertParse("Listen 80 # web\n", "Listen [80] [#] [web]\n");
}

TEST(ApacheParser, QuotedArguments) {
  AssertParse("LogFormat \"%h \\\"%r\\\"\" common\nHeader set X 'a b'\n",
              "LogFormat [\"%h \\\"%r\\\"\"]{%h \"%r\"} [common]\n"
              "Header [set] [X] ['a b']{a b}\n");
}

TEST(ApacheParser, Continuation) {
  AssertParse("RewriteRule ^/a \\\n    /b [L]\n",
              "RewriteRule [^/a] [/b] [[L]]\n");
  AssertParse("Listen 80\\\n80\n", "Listen [80\\\n80]{8080}\n");
}

TEST(ApacheParser, CrLfAndNoFinalNewline) {
  AssertParse("<IfModule a>\r\n  Listen 80\r\n</IfModule>",
              "<IfModule [a]>\n  Listen [80]\n</IfModule>\n");
}

TEST(ApacheParser, NamesAreCaseInsensitive) {
  AssertParse("<virtualhost *:80>\n</VIRTUALHOST>\n",
              "<virtualhost [*:80]>\n</virtualhost>\n");
}

TEST(ApacheParser, NestedSections) {
  AssertParse(
      "<IfModule !mpm_prefork_module>\n"
      "  <IfDefine FOO>\n"
      "    <VirtualHost 10.0.0.1:80 [::1]:80>\n"
      "      <Directory \"/var/www\">\n"
      "        <Files *.php>\n"
      "        </Files>\n"
      "      </Directory>\n"
      "      <Location /app>\n"
      "        ProxyPass http://127.0.0.1:8080/\n"
      "      </Location>\n"
      "      <Proxy balancer://c>\n"
      "        BalancerMember http://a:1\n"
      "      </Proxy>\n"
      "    </VirtualHost>\n"
      "  </IfDefine>\n"
      "</IfModule>\n",
      "<IfModule [!mpm_prefork_module]>\n"
      "  <IfDefine [FOO]>\n"
      "    <VirtualHost [10.0.0.1:80] [[::1]:80]>\n"
      "      <Directory [\"/var/www\"]{/var/www}>\n"
      "        <Files [*.php]>\n"
      "        </Files>\n"
      "      </Directory>\n"
      "      <Location [/app]>\n"
      "        ProxyPass [http://127.0.0.1:8080/]\n"
      "      </Location>\n"
      "      <Proxy [balancer://c]>\n"
      "        BalancerMember [http://a:1]\n"
      "      </Proxy>\n"
      "    </VirtualHost>\n"
      "  </IfDefine>\n"
      "</IfModule>\n");
}

TEST(ApacheParser, IfElseIfElse) {
  AssertParse(
      "<If \"%{HTTP_HOST} == 'a'\">\n</If>\n<ElseIf \"-z %{X}\">\n</ElseIf>\n"
      "<Else>\n</Else>\n",
      "<If [\"%{HTTP_HOST} == 'a'\"]{%{HTTP_HOST} == 'a'}>\n</If>\n"
      "<ElseIf [\"-z %{X}\"]{-z %{X}}>\n</ElseIf>\n<Else>\n</Else>\n");
}

TEST(ApacheParser, BlanksBeforeTagEnd) {
  AssertParse("<IfModule mod_ssl.c >\n</IfModule>\n",
              "<IfModule [mod_ssl.c]>\n</IfModule>\n");
}

TEST(ApacheParser, Spans) {
  const std::string text = "  Listen \"80\"  \n<If a>\n</If>\n";
  const ParseResult r = Parse(text);
  ASSERT_EQ(2u, r.directives.size());
  const Directive& listen = r.directives[0];
  EXPECT_EQ((Span{2, 13}), listen.span);
  EXPECT_EQ((Span{0, 16}), listen.line);
  EXPECT_EQ((Span{2, 8}), listen.name.span);
  EXPECT_EQ((Span{9, 13}), r.Args(listen)[0].span);
  const Directive& sec = r.directives[1];
  EXPECT_EQ((Span{16, 22}), sec.span);
  EXPECT_EQ((Span{17, 19}), sec.name.span);
  ASSERT_NE(nullptr, r.Close(sec));
  EXPECT_EQ((Span{23, 28}), r.Close(sec)->tag);
  EXPECT_EQ((Span{23, 29}), r.Close(sec)->line);
  EXPECT_EQ(nullptr, r.Close(listen));
}

// Must-report: exact messages and positions.
TEST(ApacheParser, UnclosedSection) {
  const Parsed p = P("<VirtualHost *:80>\n  ServerName a\n");
  EXPECT_EQ("<VirtualHost [*:80]>\n  ServerName [a]\n</VirtualHost missing>\n", p.tree);
  EXPECT_EQ("1:1: '<VirtualHost>' was not closed\n", p.errors);
}

TEST(ApacheParser, StrayCloseTag) {
  const Parsed p = P("Listen 80\n  </Directory>\nListen 81\n");
  EXPECT_EQ("Listen [80]\nListen [81]\n", p.tree);
  EXPECT_EQ("2:3: '</Directory>' without matching '<Directory>' section\n", p.errors);
}

TEST(ApacheParser, MismatchedCloseTagClosesTheSkippedSections) {
  const Parsed p = P(
      "<VirtualHost *:80>\n<Directory /a>\n</VirtualHost>\nListen 80\n");
  EXPECT_EQ(
      "<VirtualHost [*:80]>\n  <Directory [/a]>\n  </Directory missing>\n"
      "</VirtualHost>\nListen [80]\n",
      p.tree);
  EXPECT_EQ("3:1: expected '</Directory>' but saw '</VirtualHost>'\n", p.errors);
}

TEST(ApacheParser, DirectivesAreStoredFlatInPreOrder) {
  const std::string text =
      "A 1\n<V x>\n<D y>\nB 2\n</V>\nC 3\n<E>\nF 4 5\n";  // </V> skips <D>; <E> unclosed
  const ParseResult r = Parse(text);
  ASSERT_EQ(7u, r.directives.size());
  std::vector<uint32_t> ends;
  for (const Directive& d : r.directives) ends.push_back(d.subtree_end);
  EXPECT_EQ((std::vector<uint32_t>{1, 4, 4, 4, 5, 7, 7}), ends);
  std::string top;
  for (const Directive& d : r.TopLevel()) top += std::string(d.Name(text)) + " ";
  EXPECT_EQ("A V C E ", top);
  std::string inside;
  for (const Directive& d : r.Children(r.directives[1])) inside += std::string(d.Name(text)) + " ";
  EXPECT_EQ("D ", inside);
  EXPECT_TRUE(r.Children(r.directives[0]).empty());
  ASSERT_EQ(2u, r.Args(r.directives[6]).size());
  const auto n = static_cast<uint32_t>(text.size());
  EXPECT_EQ((Span{n - 2, n - 1}), r.Args(r.directives[6])[1].span);
  EXPECT_TRUE(r.directives[1].closed());
  EXPECT_FALSE(r.directives[2].closed());
  EXPECT_EQ(nullptr, r.Close(r.directives[2]));
  EXPECT_FALSE(r.directives[5].closed());
}

TEST(ApacheParser, MismatchedCloseTagWithoutAnyMatchIsDropped) {
  const Parsed p = P("<Files a>\n</Location>\n</Files>\n");
  EXPECT_EQ("<Files [a]>\n</Files>\n", p.tree);
  EXPECT_EQ("2:1: expected '</Files>' but saw '</Location>'\n", p.errors);
}

TEST(ApacheParser, TagMissingAngle) {
  const Parsed p = P("<Directory /a\n</Directory\n");
  EXPECT_EQ("<Directory [/a]>\n</Directory>\n", p.tree);
  EXPECT_EQ(
      "1:1: '<Directory>' directive missing closing '>'\n"
      "2:1: '</Directory>' directive missing closing '>'\n",
      p.errors);
}

TEST(ApacheParser, TextAfterCloseTag) {
  const Parsed p = P("<IfModule a>\n</IfModule> b\n");
  EXPECT_EQ("<IfModule [a]>\n</IfModule>\n", p.tree);
  EXPECT_EQ("2:13: unexpected text after '</IfModule>'\n", p.errors);
}

TEST(ApacheParser, TextAfterOpenTagIsIgnoredLikeHttpd) {
  const Parsed p = P("<Directory /a> # x\n</Directory>\n");
  EXPECT_EQ("<Directory [/a]>\n</Directory>\n", p.tree);
  EXPECT_EQ("", p.errors);
}

TEST(ApacheParser, UnterminatedQuote) {
  const Parsed p = P("ServerName \"a b\nListen 80\n");
  EXPECT_EQ("ServerName [\"a b]{a b}\nListen [80]\n", p.tree);
  EXPECT_EQ("1:12: unterminated quoted string\n", p.errors);
  const ParseResult r = Parse("ServerName \"a b\n");
  EXPECT_EQ("httpd takes the rest of the line as the value", r.errors[0].hint);
}

TEST(ApacheParser, EmptySectionName) {
  const Parsed p = P("<>\n</>\n");
  EXPECT_EQ("<>\n</>\n", p.tree);
  EXPECT_EQ("1:1: missing section name after '<'\n", p.errors);
}

TEST(ApacheParser, RecoversAndKeepsGoing) {
  const Parsed p = P("</A>\n<B x>\n\"unterminated\n</C>\nListen 80\n");
  EXPECT_EQ("<B [x]>\n  \"unterminated\n  Listen [80]\n</B missing>\n",
            p.tree);
  EXPECT_EQ(
      "1:1: '</A>' without matching '<A>' section\n"
      "3:1: unterminated quoted string\n"
      "4:1: expected '</B>' but saw '</C>'\n"
      "2:1: '<B>' was not closed\n",
      p.errors);
}

TEST(ApacheParser, BinaryJunkDoesNotCrash) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) & 0xff);
  const ParseResult r = Parse(junk);
  EXPECT_TRUE(TokensCover(r.tokens, junk));
}

TEST(ApacheParser, DeepNesting) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "<IfModule a>\n";
  for (int i = 0; i < 5000; ++i) text += "</IfModule>\n";
  const ParseResult r = Parse(text);
  // One error at the nesting limit; the rest is skipped, all closed.
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "sections nested too deeply (more than 100 levels)");
  EXPECT_EQ(r.directives.size(), kMaxNestingDepth + 1);
  EXPECT_TRUE(TokensCover(r.tokens, text));
}

TEST(ApacheParserJson, Dump) {
  SourceFile file("etc/a.conf", "Listen \"80\"\n<If x>\n</If>\n");
  const std::string json = DumpJson(file, Parse(file), 0);
  EXPECT_EQ(
      "{\"path\":\"etc/a.conf\",\"format\":\"apache\",\"directives\":["
      "{\"name\":\"Listen\",\"section\":false,\"span\":[0,11],\"line\":1,"
      "\"column\":1,\"end_line\":1,\"end_column\":12,\"args\":[{\"text\":"
      "\"\\\"80\\\"\",\"value\":\"80\",\"quoted\":true,\"span\":[7,11]}]},"
      "{\"name\":\"If\",\"section\":true,\"span\":[12,18],\"line\":2,"
      "\"column\":1,\"end_line\":2,\"end_column\":7,\"args\":[{\"text\":\"x\","
      "\"value\":\"x\",\"quoted\":false,\"span\":[16,17]}],\"closed\":true,"
      "\"close\":[19,24],\"children\":[]}],\"errors\":[]}",
      json);
}


TEST(ApacheTreeDump, StreamedDumpEqualsTheStringDump) {
  std::string text = "Listen 80\n<IfModule mpm_event_module>\n  MaxRequestWorkers 400\n";
  for (int i = 0; i < 3000; ++i)
    text += "  <VirtualHost *:" + std::to_string(8000 + i) +
            ">\n    ServerName \"a b\"\n    Header set X \\\n  y\n  </VirtualHost>\n";
  text += "</IfModule>\n<Directory /srv>\n";
  const ParseResult r = Parse(text, {.tokens = false});
  const std::string whole = DumpTree(text, r);
  ASSERT_GT(whole.size(), 3u * 65536u);
  std::ostringstream os;
  TextSink sink(&os);
  DumpTree(text, r, &sink);
  sink.Flush();
  EXPECT_EQ(os.str(), whole);
  EXPECT_EQ(whole, DumpTree(text, Parse(text))) << "the tree dump needs no tokens";
}

TEST(ApacheParser, SectionsNestedTooDeeplyAreReportedAndSkipped) {
  // Like nginx's blocks: the section at depth kMaxNestingDepth + 1 stays in
  // the tree, empty, and what it holds is skipped up to its own close tag.
  std::string text;
  const uint32_t levels = kMaxNestingDepth + 20;
  for (uint32_t i = 0; i < levels; ++i) text += "<If a>\n";
  text += "Inner 1\n";
  for (uint32_t i = 0; i < levels; ++i) text += "</If>\n";
  text += "After 2\n";
  SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(TokensCover(r.tokens, text));
  EXPECT_EQ(DumpErrors(file, r), std::to_string(kMaxNestingDepth + 1) +
                                     ":1: sections nested too deeply (more than 100 levels)\n");
  ASSERT_EQ(r.directives.size(), kMaxNestingDepth + 2);  // the sections kept, and After
  for (uint32_t i = 0; i <= kMaxNestingDepth; ++i) EXPECT_TRUE(r.directives[i].closed()) << i;
  EXPECT_EQ(r.directives.back().Name(text), "After");
  EXPECT_EQ(r.directives[0].subtree_end, kMaxNestingDepth + 1);
  // The dump's indentation stops growing with the tree.
  EXPECT_LT(DumpTree(text, r).size(), 30'000u);
}

TEST(ApacheParser, UnclosedSectionNestedTooDeeply) {
  std::string text;
  for (uint32_t i = 0; i < kMaxNestingDepth + 3; ++i) text += "<If a>\n";
  const Parsed p = P(text);
  EXPECT_NE(p.errors.find("sections nested too deeply"), std::string::npos);
  EXPECT_NE(p.errors.find("'<If>' was not closed"), std::string::npos);
}

}  // namespace
}  // namespace synlint::apache
