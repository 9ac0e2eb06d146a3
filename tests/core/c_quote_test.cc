// SPDX-License-Identifier: MIT
// CQuoted against what git writes for the same names (quote_c_style with
// core.quotePath on, git 2.39: `git ls-files` of such files).
#include "core/c_quote.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(CQuote, PlainNamesNeedNone) {
  EXPECT_FALSE(NeedsCQuotes("etc/sysctl.d/60-net.conf"));
  EXPECT_FALSE(NeedsCQuotes("etc/my file.conf"));  // a space is not quoted
  EXPECT_FALSE(NeedsCQuotes(""));
}

TEST(CQuote, NamedEscapesAndOctal) {
  EXPECT_TRUE(NeedsCQuotes("a\nb"));
  EXPECT_EQ(CQuoted("a\nb"), "\"a\\nb\"");
  EXPECT_EQ(CQuoted("\a\b\t\v\f\r"), "\"\\a\\b\\t\\v\\f\\r\"");
  EXPECT_EQ(CQuoted("q\"b\\"), "\"q\\\"b\\\\\"");
  EXPECT_EQ(CQuoted(std::string_view("\x01\x1f\x7f", 3)), "\"\\001\\037\\177\"");
  EXPECT_EQ(CQuoted("caf\xc3\xa9"), "\"caf\\303\\251\"");
  EXPECT_EQ(CQuoted("\xff"), "\"\\377\"");
  EXPECT_EQ(CQuoted(std::string_view("\0", 1)), "\"\\000\"");
}

}  // namespace
}  // namespace synlint
