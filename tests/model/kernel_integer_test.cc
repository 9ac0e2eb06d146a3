// SPDX-License-Identifier: MIT
// ParseKernelInt against what the kernel does with a write to /proc/sys:
// proc_get_long() and strtoul_lenient() in kernel/sysctl.c. The cases marked
// "live" were written to net.core.somaxconn in a new network namespace on
// Linux 6.18 (unshare -n; docs/fact-checks.md section 12).
#include "model/kernel_integer.h"
#include "model/kernel_int_type.h"

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

TEST(ParseKernelNumber, UnsignedLongRange) {
  // strtoul_lenient(): the whole unsigned long, -ERANGE past it.
  const auto max = ParseKernelNumber("18446744073709551615");
  ASSERT_TRUE(max);
  EXPECT_FALSE(max->negative);
  EXPECT_EQ(max->magnitude, UINT64_MAX);
  EXPECT_EQ(ParseKernelNumber("18446744073709551616"), std::nullopt);
  EXPECT_EQ(ParseKernelNumber("0xffffffffffffffff")->magnitude, UINT64_MAX);
  EXPECT_EQ(ParseKernelNumber("0x10000000000000000"), std::nullopt);
  // A sign is kept apart from the magnitude: "-0" is negative for the unsigned handlers.
  const auto minus_zero = ParseKernelNumber("-0");
  ASSERT_TRUE(minus_zero);
  EXPECT_TRUE(minus_zero->negative);
  EXPECT_EQ(minus_zero->magnitude, 0u);
  EXPECT_EQ(ParseKernelNumber("-1844674407370955161")->magnitude, 1844674407370955161u);
  EXPECT_EQ(ParseKernelNumber("-18446744073709551615"), std::nullopt);  // 21 characters
  EXPECT_EQ(ParseKernelNumber("+1"), std::nullopt);
  // Beyond int64_t, ParseKernelInt has no value for it.
  EXPECT_EQ(ParseKernelInt("18446744073709551615"), std::nullopt);
}

TEST(KernelIntType, EveryTypeAtItsBoundaries) {
  auto fits = [](KernelIntType t, const char* text) { return FitsIntType(t, *ParseKernelNumber(text)); };
  EXPECT_TRUE(fits(KernelIntType::kInt, "2147483647"));
  EXPECT_FALSE(fits(KernelIntType::kInt, "2147483648"));  // somaxconn, live 6.18: EINVAL
  EXPECT_TRUE(fits(KernelIntType::kInt, "-2147483648"));
  EXPECT_FALSE(fits(KernelIntType::kInt, "-2147483649"));
  EXPECT_TRUE(fits(KernelIntType::kInt, "-0"));
  EXPECT_TRUE(fits(KernelIntType::kUint, "4294967295"));
  EXPECT_FALSE(fits(KernelIntType::kUint, "4294967296"));
  EXPECT_FALSE(fits(KernelIntType::kUint, "-0"));
  EXPECT_TRUE(fits(KernelIntType::kU8, "255"));
  EXPECT_FALSE(fits(KernelIntType::kU8, "256"));
  EXPECT_FALSE(fits(KernelIntType::kU8, "-1"));
  EXPECT_TRUE(fits(KernelIntType::kUlong, "18446744073709551615"));
  EXPECT_FALSE(fits(KernelIntType::kUlong, "-1"));
  EXPECT_TRUE(fits(KernelIntType::kUnknown, "-1844674407370955161"));
  EXPECT_EQ(IntTypeRange(KernelIntType::kInt), "-2147483648..2147483647");
  EXPECT_EQ(IntTypeRange(KernelIntType::kUlong), "0..18446744073709551615");
}

TEST(KernelIntType, HandlersWithoutARangeClaimNothing) {
  EXPECT_EQ(IntTypeOfHandler("proc_dointvec_minmax"), KernelIntType::kInt);
  EXPECT_EQ(IntTypeOfHandler("proc_dointvec_jiffies"), KernelIntType::kInt);
  EXPECT_EQ(IntTypeOfHandler("proc_dou8vec_minmax"), KernelIntType::kU8);
  EXPECT_EQ(IntTypeOfHandler("proc_doulongvec_ms_jiffies_minmax"), KernelIntType::kUlong);
  for (const char* h : {"proc_dointvec_ms_jiffies", "proc_dointvec_userhz_jiffies", "proc_dobool", "proc_dostring",
                        "devinet_conf_proc", "-", "proc_dointvec,proc_dointvec_minmax", ""})
    EXPECT_EQ(IntTypeOfHandler(h), KernelIntType::kUnknown) << h;
}

TEST(KernelIntType, FromTheListOfTheTargetsSeriesElseWhereEveryListAgrees) {
  KeyIntType t = IntTypeOfKey("net.core.somaxconn", KernelVersion{6, 1, 50});
  EXPECT_EQ(t.type, KernelIntType::kInt);
  EXPECT_EQ(t.handler, "proc_dointvec_minmax");
  EXPECT_TRUE(t.proven);
  t = IntTypeOfKey("net.core.somaxconn", KernelVersion{6, 18});
  EXPECT_EQ(t.type, KernelIntType::kInt);
  EXPECT_FALSE(t.proven);
  EXPECT_EQ(t.read_in, "6.1 and 6.12");
  // Per-interface keys by their pattern: net.ipv6.conf.<if>.accept_ra is proc_dointvec.
  EXPECT_EQ(IntTypeOfKey("net.ipv6.conf.eth0.accept_ra", KernelVersion{6, 12}).type, KernelIntType::kInt);
  // int in 6.1, u8 in 6.12: proven for each, nothing for a kernel between or after.
  EXPECT_EQ(IntTypeOfKey("net.ipv6.route.skip_notify_on_dev_down", KernelVersion{6, 1}).type, KernelIntType::kInt);
  EXPECT_EQ(IntTypeOfKey("net.ipv6.route.skip_notify_on_dev_down", KernelVersion{6, 12}).type, KernelIntType::kU8);
  EXPECT_EQ(IntTypeOfKey("net.ipv6.route.skip_notify_on_dev_down", KernelVersion{6, 6}).type,
            KernelIntType::kUnknown);
  EXPECT_EQ(IntTypeOfKey("net.core.no_such_key", KernelVersion{6, 1}).type, KernelIntType::kUnknown);
}

}  // namespace
}  // namespace synlint
