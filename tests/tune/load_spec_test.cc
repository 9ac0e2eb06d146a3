// SPDX-License-Identifier: MIT
#include "linter/tune/load_spec.h"

#include <gtest/gtest.h>

namespace synlint::tune {
namespace {

ResolvedLoad Of(int64_t rate, int64_t delay, int64_t headroom_milli) {
  return {rate, delay, Headroom{headroom_milli}, false};
}

TEST(RequiredQueue, IsRateTimesDelayTimesHeadroom) {
  const QueueNeed n = RequiredQueue(Of(20000, 50, 2000));
  EXPECT_EQ(n.queue, 2000);
  EXPECT_EQ(n.derivation, "20000/s × 50 ms × 2 = 2000");
}

TEST(RequiredQueue, RoundsUpAndSaysSo) {
  const QueueNeed n = RequiredQueue(Of(1000, 3, 1500));
  EXPECT_EQ(n.queue, 5);
  EXPECT_EQ(n.derivation, "1000/s × 3 ms × 1.5 = 4.5, rounded up to 5");
  const QueueNeed tiny = RequiredQueue(Of(7, 1, 1000));
  EXPECT_EQ(tiny.queue, 1);
  EXPECT_EQ(tiny.derivation, "7/s × 1 ms × 1 = 0.007, rounded up to 1");
  // 1001 x 1 x 1.001 / 1000 = 1.002001: three decimals shown, then an ellipsis.
  const QueueNeed cut = RequiredQueue(Of(1001, 1, 1001));
  EXPECT_EQ(cut.queue, 2);
  EXPECT_EQ(cut.derivation, "1001/s × 1 ms × 1.001 = 1.002…, rounded up to 2");
}

TEST(RequiredQueue, LargestInputsStayExact) {
  // 10^9/s x 3.6*10^6 ms x 1000 = 3.6*10^15 x 1000: no overflow.
  const QueueNeed n = RequiredQueue(Of(kMaxPeakRate, kMaxAcceptDelayMs, 1'000'000));
  EXPECT_EQ(n.queue, 3'600'000'000'000'000'000 / 1000);
}

TEST(Headroom, ParsesFactors) {
  std::string err;
  EXPECT_EQ(ParseHeadroom("2", &err)->milli, 2000);
  EXPECT_EQ(ParseHeadroom("2x", &err)->milli, 2000);
  EXPECT_EQ(ParseHeadroom("1.5", &err)->milli, 1500);
  EXPECT_EQ(ParseHeadroom(" 1.125X ", &err)->milli, 1125);
  EXPECT_EQ(ParseHeadroom("1", &err)->ToString(), "1");
  EXPECT_EQ(ParseHeadroom("1.250", &err)->ToString(), "1.25");
}

TEST(Headroom, RejectsBadFactors) {
  std::string err;
  EXPECT_FALSE(ParseHeadroom("0.5", &err));
  EXPECT_EQ(err, "--headroom: '0.5' is outside 1 to 1000");
  EXPECT_FALSE(ParseHeadroom("1.2345", &err));
  EXPECT_EQ(err, "--headroom: '1.2345' is not a factor such as 2, 1.5 or 1.25x (at most three decimals)");
  EXPECT_FALSE(ParseHeadroom("", &err));
  EXPECT_FALSE(ParseHeadroom("x", &err));
  EXPECT_FALSE(ParseHeadroom(".5", &err));
  EXPECT_FALSE(ParseHeadroom("1001", &err));
  EXPECT_FALSE(ParseHeadroom("99999999999999999999", &err));
}

TEST(ParsePositive, BoundsAndErrors) {
  std::string err;
  EXPECT_EQ(ParsePositive("20000", kMaxPeakRate, "--peak-rate", &err), 20000);
  EXPECT_FALSE(ParsePositive("0", kMaxPeakRate, "--peak-rate", &err));
  EXPECT_EQ(err, "--peak-rate: '0' must be between 1 and 1000000000");
  EXPECT_FALSE(ParsePositive("-5", kMaxPeakRate, "--peak-rate", &err));
  EXPECT_EQ(err, "--peak-rate: '-5' is not a whole number");
  EXPECT_FALSE(ParsePositive("1.5", kMaxPeakRate, "--peak-rate", &err));
  EXPECT_FALSE(ParsePositive("99999999999999999999999", kMaxPeakRate, "--peak-rate", &err));
  EXPECT_EQ(err, "--peak-rate: '99999999999999999999999' must be between 1 and 1000000000");
}

TEST(ParsePortLoad, ReadsEachSetting) {
  uint32_t port = 0;
  Load l;
  std::string err;
  ASSERT_TRUE(ParsePortLoad("443:peak-rate=20000,accept-delay=50", &port, &l, &err)) << err;
  EXPECT_EQ(port, 443u);
  EXPECT_EQ(l.peak_rate, 20000);
  EXPECT_EQ(l.accept_delay_ms, 50);
  EXPECT_FALSE(l.headroom);
  ASSERT_TRUE(ParsePortLoad("8080:accept-delay=200, headroom=1.5", &port, &l, &err)) << err;
  EXPECT_EQ(port, 8080u);
  EXPECT_FALSE(l.peak_rate);
  EXPECT_EQ(l.accept_delay_ms, 200);
  EXPECT_EQ(l.headroom->milli, 1500);
}

TEST(ParsePortLoad, RejectsMalformedValues) {
  uint32_t port = 0;
  Load l;
  std::string err;
  EXPECT_FALSE(ParsePortLoad("443", &port, &l, &err));
  EXPECT_EQ(err, "--port: '443' is not PORT:peak-rate=N,accept-delay=MS");
  EXPECT_FALSE(ParsePortLoad("70000:peak-rate=1", &port, &l, &err));
  EXPECT_EQ(err, "--port: '70000' is not a port (1 to 65535)");
  EXPECT_FALSE(ParsePortLoad("443:", &port, &l, &err));
  EXPECT_FALSE(ParsePortLoad("443:rate=5", &port, &l, &err));
  EXPECT_EQ(err, "--port: unknown setting 'rate=5' (expected peak-rate=N, accept-delay=MS or headroom=F)");
  EXPECT_FALSE(ParsePortLoad("443:peak-rate", &port, &l, &err));
  EXPECT_FALSE(ParsePortLoad("443:peak-rate=0", &port, &l, &err));
  EXPECT_EQ(err, "--port 443 peak-rate: '0' must be between 1 and 1000000000");
  EXPECT_FALSE(ParsePortLoad("443:headroom=0.9", &port, &l, &err));
  EXPECT_EQ(err, "--port 443 headroom: '0.9' is outside 1 to 1000");
}

TEST(LoadSpec, PortValuesFallBackToGlobalOnes) {
  LoadSpec spec;
  spec.global = {20000, 50, Headroom{1500}};
  spec.ports[443] = {40000, std::nullopt, std::nullopt};
  spec.ports[9000] = {std::nullopt, 100, Headroom{3000}};
  const auto p443 = spec.For(443);
  ASSERT_TRUE(p443);
  EXPECT_EQ(p443->peak_rate, 40000);
  EXPECT_EQ(p443->accept_delay_ms, 50);
  EXPECT_EQ(p443->headroom.milli, 1500);
  EXPECT_TRUE(p443->per_port);
  const auto p9000 = spec.For(9000);
  EXPECT_EQ(p9000->peak_rate, 20000);
  EXPECT_EQ(p9000->accept_delay_ms, 100);
  EXPECT_EQ(p9000->headroom.milli, 3000);
  const auto p80 = spec.For(80);
  EXPECT_FALSE(p80->per_port);
  EXPECT_EQ(RequiredQueue(*p80).queue, 1500);
  EXPECT_EQ(spec.Describe(),
            "20000/s, accept delay 50 ms, headroom 1.5; port 443: 40000/s; port 9000: accept delay 100 ms, "
            "headroom 3");
}

TEST(LoadSpec, NoLoadWithoutRateOrDelay) {
  LoadSpec spec;
  spec.ports[443] = {40000, std::nullopt, std::nullopt};
  EXPECT_FALSE(spec.For(443));  // no delay anywhere
  EXPECT_FALSE(spec.For(80));
  spec.global.accept_delay_ms = 10;
  EXPECT_TRUE(spec.For(443));
  EXPECT_FALSE(spec.For(80));  // no rate for port 80
  EXPECT_EQ(spec.Describe(), "accept delay 10 ms, headroom 2; port 443: 40000/s");
}

}  // namespace
}  // namespace synlint::tune
