// SPDX-License-Identifier: MIT
// ParseKernelInt against what the kernel does with a write to /proc/sys:
// proc_get_long() and strtoul_lenient() in kernel/sysctl.c. The cases marked
// "live" were written to net.core.somaxconn in a new network namespace on
// Linux 6.18 (unshare -n; docs/fact-checks.md section 12).
#include "model/kernel_integer.h"

#include <gtest/gtest.h>

#include <limits>

namespace synlint {
namespace {

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

TEST(ParseKernelInt, Decimal) {
  EXPECT_EQ(ParseKernelInt("0"), 0);
  EXPECT_EQ(ParseKernelInt("7"), 7);
  EXPECT_EQ(ParseKernelInt("4096"), 4096);
  EXPECT_EQ(ParseKernelInt("-1"), -1);
  EXPECT_EQ(ParseKernelInt("2147483647"), 2147483647);  // live
}

TEST(ParseKernelInt, BaseZeroLikeStrtoul) {
  EXPECT_EQ(ParseKernelInt("0x10"), 16);  // live: somaxconn reads back 16
  EXPECT_EQ(ParseKernelInt("0X1f"), 31);
  EXPECT_EQ(ParseKernelInt("010"), 8);  // live: octal, reads back 8
  EXPECT_EQ(ParseKernelInt("00"), 0);
  EXPECT_EQ(ParseKernelInt("-0x10"), -16);
  EXPECT_EQ(ParseKernelInt("09"), std::nullopt);  // '9' is no octal digit
  EXPECT_EQ(ParseKernelInt("0x"), std::nullopt);  // "0" in base 8, then 'x'
  EXPECT_EQ(ParseKernelInt("0xg"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("0x1g"), std::nullopt);
}

TEST(ParseKernelInt, RefusesWhatTheKernelRefuses) {
  EXPECT_EQ(ParseKernelInt(""), std::nullopt);
  EXPECT_EQ(ParseKernelInt("+5"), std::nullopt);  // live: only '-' is a sign
  EXPECT_EQ(ParseKernelInt("-"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("--1"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("12abc"), std::nullopt);  // live
  EXPECT_EQ(ParseKernelInt("1.5"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("x1"), std::nullopt);
  EXPECT_EQ(ParseKernelInt(" 1"), std::nullopt);  // callers split on whitespace first
}

TEST(ParseKernelInt, SixtyFourBitBoundaries) {
  EXPECT_EQ(ParseKernelInt("9223372036854775807"), kMax);  // fs.file-max as systemd sets it
  EXPECT_EQ(ParseKernelInt("9223372036854775806"), kMax - 1);
  EXPECT_EQ(ParseKernelInt("9223372036854775808"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("-9223372036854775808"), kMin);
  EXPECT_EQ(ParseKernelInt("-9223372036854775807"), kMin + 1);
  EXPECT_EQ(ParseKernelInt("-9223372036854775809"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("0x7fffffffffffffff"), kMax);
  EXPECT_EQ(ParseKernelInt("0x8000000000000000"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("0777777777777777777777"), std::nullopt);  // 22 characters
  EXPECT_EQ(ParseKernelInt("99999999999999999999"), std::nullopt);
}

TEST(ParseKernelInt, TwentyOneCharactersAreRefusedWhateverTheValue) {
  // proc_get_long() copies 21 bytes and refuses a number that fills them.
  EXPECT_EQ(ParseKernelInt("00000000000000000001"), 1);  // 20 characters, octal
  EXPECT_EQ(ParseKernelInt("000000000000000000001"), std::nullopt);
  EXPECT_EQ(ParseKernelInt("-0000000000000000001"), -1);
  EXPECT_EQ(ParseKernelInt("-00000000000000000001"), std::nullopt);
}

}  // namespace
}  // namespace synlint
