// SPDX-License-Identifier: MIT
#include "linter/output/escape.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(ToValidUtf8, ReplacesEachBadByte) {
  EXPECT_EQ(ToValidUtf8("a\xff\xfe" "b é"), "a\uFFFD\uFFFDb é");
}

TEST(Utf16Length, CountsCodeUnits) {
  EXPECT_EQ(Utf16Length("abc"), 3u);
  EXPECT_EQ(Utf16Length("café"), 4u);
  EXPECT_EQ(Utf16Length("😀"), 2u);
  EXPECT_EQ(Utf16Length("\xff" "a"), 2u);
}

TEST(EscapeForTerminal, MakesControlsAndBadBytesVisible) {
  EXPECT_EQ(EscapeForTerminal("plain 'text' é"), "plain 'text' é");
  EXPECT_EQ(EscapeForTerminal("a\nb\rc\td"), "a\\nb\\rc\\td");
  EXPECT_EQ(EscapeForTerminal("\x1b[31mred\x7f"), "\\x1b[31mred\\x7f");
  EXPECT_EQ(EscapeForTerminal("\xc2\x9b" "2J"), "\\u009b2J");  // C1 CSI
  EXPECT_EQ(EscapeForTerminal("bad \xff\xc3"), "bad \\xff\\xc3");
  EXPECT_EQ(EscapeForTerminal(std::string_view("nul\0", 4)), "nul\\x00");
  // The printable-ASCII prefix is copied whole; what follows is still escaped.
  EXPECT_EQ(EscapeForTerminal(""), "");
  EXPECT_EQ(EscapeForTerminal("~ all printable ASCII !"), "~ all printable ASCII !");
  EXPECT_EQ(EscapeForTerminal("key = v\x7f é\n"), "key = v\\x7f é\\n");
}

TEST(EscapeXml, EscapesTextAndAttributes) {
  EXPECT_EQ(EscapeXml("a<b>&\"c\" 'd'", false), "a&lt;b&gt;&amp;\"c\" 'd'");
  EXPECT_EQ(EscapeXml("a<b>&\"c\" 'd'", true),
            "a&lt;b&gt;&amp;&quot;c&quot; 'd'");
  EXPECT_EQ(EscapeXml("l1\nl2\tx\r", false), "l1\nl2\tx&#13;");
  EXPECT_EQ(EscapeXml("l1\nl2\tx\r", true), "l1&#10;l2&#9;x&#13;");
}

TEST(EscapeXml, ReplacesWhatXmlCannotCarry) {
  EXPECT_EQ(EscapeXml("\x1b\x01ok\xff\xef\xbf\xbf é", false),
            "\uFFFD\uFFFDok\uFFFD\uFFFD é");
}

TEST(EscapeGithub, DataEscapesPercentAndLineBreaks) {
  EXPECT_EQ(EscapeGithubData("100% a:b, c\r\nd"), "100%25 a:b, c%0D%0Ad");
  EXPECT_EQ(EscapeGithubData("bad \xff"), "bad \uFFFD");
}

TEST(EscapeGithub, PropertyAlsoEscapesColonAndComma) {
  EXPECT_EQ(EscapeGithubProperty("etc/a,b:c%d\n.conf"),
            "etc/a%2Cb%3Ac%25d%0A.conf");
  // "%3A" in the input stays literal text, not a colon.
  EXPECT_EQ(EscapeGithubProperty("%3A"), "%253A");
}

TEST(PathToUri, PercentEncodesAllButUnreservedAndSlash) {
  EXPECT_EQ(PathToUri("etc/nginx/nginx.conf"), "etc/nginx/nginx.conf");
  EXPECT_EQ(PathToUri("etc/a b:c%#?é.conf"),
            "etc/a%20b%3Ac%25%23%3F%C3%A9.conf");
  EXPECT_EQ(PathToUri("x_y-z~1.conf"), "x_y-z~1.conf");
}

}  // namespace
}  // namespace synlint
