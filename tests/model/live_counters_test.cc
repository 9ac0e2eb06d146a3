// SPDX-License-Identifier: MIT
#include "model/live_counters.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

const std::string kData = std::string(SYNLINT_SOURCE_DIR) + "/tests/model/data/";

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += s + "\n";
  return out;
}

// Recorded in a fresh namespace (Linux 6.18): listener backlog 4 with
// TCP_DEFER_ACCEPT, tcp_syncookies 1, 10 connects: 5 fit the SYN queue, 5 got cookies.
TEST(LiveCounters, ReadsTheKeptCountersOfARecordedNamespace) {
  std::vector<std::string> problems;
  const LiveCounterMap m = ReadLiveCounters(kData + "proc-net-6.18-cookies", &problems);
  EXPECT_EQ(Join(problems), "");
  EXPECT_EQ(m, (LiveCounterMap{{"Tcp.AttemptFails", 0},
                               {"Tcp.PassiveOpens", 5},
                               {"TcpExt.ListenDrops", 0},
                               {"TcpExt.ListenOverflows", 0},
                               {"TcpExt.SyncookiesFailed", 0},
                               {"TcpExt.SyncookiesRecv", 5},
                               {"TcpExt.SyncookiesSent", 5},
                               {"TcpExt.TCPReqQFullDoCookies", 5},
                               {"TcpExt.TCPReqQFullDrop", 0}}));
  const ListenPathReading r = ReadListenPath(m, 1);
  EXPECT_EQ(r.accept_queue_overflows, 0);
  EXPECT_EQ(r.syn_queue_overflows, 5);
  EXPECT_EQ(r.cookies_sent, 5);
  EXPECT_EQ(Join(r.notes), "");
}

// Same burst without TCP_DEFER_ACCEPT and tcp_syncookies 2: every SYN counted
// in TCPReqQFullDoCookies (10) though the SYN queue never filled; the accept
// queue (backlog 4 holds 5) overflowed 5 times.
TEST(LiveCounters, SyncookiesTwoIsNoSynQueueSignal) {
  std::vector<std::string> problems;
  const LiveCounterMap m = ReadLiveCounters(kData + "proc-net-6.18-syncookies2", &problems);
  EXPECT_EQ(Join(problems), "");
  EXPECT_EQ(m.at("TcpExt.TCPReqQFullDoCookies"), 10);
  const ListenPathReading r = ReadListenPath(m, 2);
  EXPECT_EQ(r.accept_queue_overflows, 5);
  EXPECT_EQ(r.syn_queue_overflows, std::nullopt);
  EXPECT_EQ(r.other_listen_drops, 0);
  EXPECT_EQ(Join(r.notes),
            "with tcp_syncookies = 2 every SYN counts in TCPReqQFullDoCookies (10), so it says nothing about a "
            "full SYN queue\n");
  // Unknown syncookies: the same counter cannot be read either way.
  EXPECT_EQ(ReadListenPath(m, std::nullopt).syn_queue_overflows, std::nullopt);
}

TEST(LiveCounters, MissingFilesAndBadLinesAreProblems) {
  std::vector<std::string> problems;
  const LiveCounterMap m = ReadLiveCounters(kData + "no-such-dir", &problems);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(Join(problems), kData + "no-such-dir/netstat: No such file or directory\n" + kData +
                                "no-such-dir/snmp: No such file or directory\n");
}

TEST(LiveCounters, RatesFromTwoSamples) {
  const LiveCounterMap before = {{"TcpExt.ListenOverflows", 10}, {"TcpExt.ListenDrops", 12}, {"Tcp.PassiveOpens", 5}};
  const LiveCounterMap after = {{"TcpExt.ListenOverflows", 30}, {"TcpExt.ListenDrops", 40}, {"Tcp.PassiveOpens", 1},
                                {"TcpExt.TCPReqQFullDrop", 3}};
  const CounterRates rates = ComputeRates(before, after, 4.0);
  EXPECT_EQ(rates.Delta("TcpExt.ListenOverflows"), 20);
  EXPECT_DOUBLE_EQ(rates.by_key.at("TcpExt.ListenOverflows").per_second, 5.0);
  EXPECT_EQ(rates.Delta("TcpExt.ListenDrops"), 28);
  EXPECT_TRUE(rates.by_key.at("Tcp.PassiveOpens").reset);
  EXPECT_EQ(rates.Delta("Tcp.PassiveOpens"), std::nullopt);
  EXPECT_EQ(rates.Delta("TcpExt.TCPReqQFullDrop"), std::nullopt);  // not in the first sample
  const ListenPathReading r = ReadListenPath(rates, 1);
  EXPECT_EQ(r.accept_queue_overflows, 20);
  EXPECT_EQ(r.other_listen_drops, 8);
  EXPECT_EQ(r.syn_queue_overflows, 0);
  EXPECT_EQ(Join(r.notes), "Tcp.PassiveOpens went down between the samples (a reset): its change is unknown\n");
}

TEST(LiveCounters, SynQueueOverflowsWithAndWithoutCookies) {
  EXPECT_EQ(ReadListenPath({{"TcpExt.TCPReqQFullDrop", 7}, {"TcpExt.ListenDrops", 7}}, 0).syn_queue_overflows, 7);
  EXPECT_EQ(ReadListenPath({{"TcpExt.TCPReqQFullDoCookies", 4}}, 1).syn_queue_overflows, 4);
  // Without the running value, drops still prove a full queue; cookies do not.
  EXPECT_EQ(ReadListenPath({{"TcpExt.TCPReqQFullDrop", 2}}, std::nullopt).syn_queue_overflows, 2);
  // The SYN-queue drops are in ListenDrops, not "other" drops.
  EXPECT_EQ(ReadListenPath({{"TcpExt.TCPReqQFullDrop", 7}, {"TcpExt.ListenDrops", 9}}, 0).other_listen_drops, 2);
}

TEST(LiveCounters, DropsBelowOverflowsIsSaidNotHidden) {
  const ListenPathReading r = ReadListenPath({{"TcpExt.ListenOverflows", 5}, {"TcpExt.ListenDrops", 3}}, 1);
  EXPECT_EQ(r.other_listen_drops, 0);
  EXPECT_EQ(Join(r.notes),
            "ListenDrops (3) is below ListenOverflows (5): the kernel counts every overflow in both, so these come "
            "from different moments or namespaces\n");
}

TEST(LiveCounters, KeysAreTheDocumentedOnes) {
  EXPECT_EQ(LiveCounterKeys().size(), 9u);
  EXPECT_EQ(LiveCounterKeys().front(), "TcpExt.ListenOverflows");
}

}  // namespace
}  // namespace synlint
