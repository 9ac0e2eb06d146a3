// SPDX-License-Identifier: MIT
// The counters and the flood message against the running kernel: each test
// enters a network namespace of its own (unshare(CLONE_NEWNET); gtest runs
// each test in its own process under ctest), overflows a loopback listener's
// queues with a bounded burst and checks what ReadLiveCounters() and
// FindSynFloodLines() see. The numbers are the kernel's (Linux >= 4.10 and
// the `>` of 3479c7549fb1: a queue of limit N holds N + 1); docs/live-counters.md
// has the table these reproduce.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "model/live_counters.h"
#include "parsers/live/kernel_log.h"
#include "tests/model/live_netns.h"

namespace synlint {
namespace {

using testing::ConnectBurst;
using testing::LoopbackListener;

constexpr int kBacklog = 4;   // each queue holds kBacklog + 1
constexpr int kConnects = 10;  // so 5 overflow

class LiveNetns : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = testing::EnterNewNetns();
    if (!why.empty()) GTEST_SKIP() << "cannot make a network namespace here (" << why << ")";
  }
  void SetSyncookies(int mode) {
    ASSERT_TRUE(testing::WriteProcSys("net/ipv4/tcp_syncookies", std::to_string(mode)));
  }
  static LiveCounterMap Read() {
    std::vector<std::string> problems;
    LiveCounterMap m = ReadLiveCounters("/proc/net", &problems);
    EXPECT_TRUE(problems.empty()) << problems.front();
    return m;
  }
  // Reads until `key` rose by `want` from `before` or 900 ms passed (SYNs are
  // retransmitted after 1 s, which would count again), then the deltas.
  static CounterRates Burst(const LiveCounterMap& before, std::string_view key, int64_t want) {
    const auto start = std::chrono::steady_clock::now();
    LiveCounterMap after = Read();
    while (after[std::string(key)] - before.at(std::string(key)) < want &&
           std::chrono::steady_clock::now() - start < std::chrono::milliseconds(900)) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      after = Read();
    }
    return ComputeRates(before, after, 1.0);
  }
};

TEST_F(LiveNetns, NewNamespaceStartsAtZero) {
  const LiveCounterMap m = Read();
  ASSERT_EQ(m.size(), LiveCounterKeys().size());
  for (const auto& [key, value] : m) EXPECT_EQ(value, 0) << key;
}

TEST_F(LiveNetns, AcceptQueueOverflowDropsTheSynAndCountsInBoth) {
  SetSyncookies(1);
  LoopbackListener l(kBacklog, false, 0);
  ASSERT_GE(l.fd, 0);
  const LiveCounterMap before = Read();
  std::vector<int> clients = ConnectBurst(l, kConnects);
  const CounterRates r = Burst(before, counter::kListenOverflows, 5);
  testing::CloseAll(&clients);
  EXPECT_EQ(r.Delta(counter::kListenOverflows), 5);
  EXPECT_EQ(r.Delta(counter::kListenDrops), 5);
  EXPECT_EQ(r.Delta(counter::kPassiveOpens), 5);
  EXPECT_EQ(r.Delta(counter::kReqQFullDoCookies), 0);
  const ListenPathReading reading = ReadListenPath(r, 1);
  EXPECT_EQ(reading.accept_queue_overflows, 5);
  EXPECT_EQ(reading.syn_queue_overflows, 0);
  EXPECT_EQ(reading.other_listen_drops, 0);
}

TEST_F(LiveNetns, SynQueueOverflowWithCookies) {
  SetSyncookies(1);
  LoopbackListener l(kBacklog, false, 5);
  ASSERT_GE(l.fd, 0);
  const LiveCounterMap before = Read();
  std::vector<int> clients = ConnectBurst(l, kConnects);
  const CounterRates r = Burst(before, counter::kSyncookiesRecv, 5);
  testing::CloseAll(&clients);
  EXPECT_EQ(r.Delta(counter::kReqQFullDoCookies), 5);
  EXPECT_EQ(r.Delta(counter::kSyncookiesSent), 5);
  EXPECT_EQ(r.Delta(counter::kSyncookiesRecv), 5);
  EXPECT_EQ(r.Delta(counter::kListenOverflows), 0);
  EXPECT_EQ(r.Delta(counter::kListenDrops), 0);
  EXPECT_EQ(ReadListenPath(r, 1).syn_queue_overflows, 5);
}

TEST_F(LiveNetns, SynQueueOverflowWithoutCookiesDrops) {
  SetSyncookies(0);
  LoopbackListener l(kBacklog, true, 5);  // IPv6 this time
  ASSERT_GE(l.fd, 0);
  const LiveCounterMap before = Read();
  std::vector<int> clients = ConnectBurst(l, kConnects);
  const CounterRates r = Burst(before, counter::kReqQFullDrop, 5);
  testing::CloseAll(&clients);
  EXPECT_EQ(r.Delta(counter::kReqQFullDrop), 5);
  EXPECT_EQ(r.Delta(counter::kListenDrops), 5);
  EXPECT_EQ(r.Delta(counter::kListenOverflows), 0);
  EXPECT_EQ(r.Delta(counter::kSyncookiesSent), 0);
  const ListenPathReading reading = ReadListenPath(r, 0);
  EXPECT_EQ(reading.syn_queue_overflows, 5);
  EXPECT_EQ(reading.other_listen_drops, 0);
}

TEST_F(LiveNetns, SyncookiesTwoCountsEverySynAsDoCookies) {
  SetSyncookies(2);
  LoopbackListener l(kBacklog, false, 0);
  ASSERT_GE(l.fd, 0);
  const LiveCounterMap before = Read();
  std::vector<int> clients = ConnectBurst(l, kConnects);
  const CounterRates r = Burst(before, counter::kListenOverflows, 5);
  testing::CloseAll(&clients);
  EXPECT_EQ(r.Delta(counter::kReqQFullDoCookies), kConnects);  // every SYN, the SYN queue never full
  EXPECT_EQ(r.Delta(counter::kListenOverflows), 5);
  EXPECT_EQ(r.Delta(counter::kSyncookiesSent), 5);  // the SYNs the accept-queue check let through
  const ListenPathReading reading = ReadListenPath(r, 2);
  EXPECT_EQ(reading.syn_queue_overflows, std::nullopt);
  EXPECT_EQ(reading.accept_queue_overflows, 5);
}

// The kernel's own line, read back from /dev/kmsg (the log is the host's:
// not required, and rate limited by net_info_ratelimited(), so a missing
// line skips; a line that is there must parse exactly).
TEST_F(LiveNetns, FloodLineInTheKernelLogNamesTheListener) {
  SetSyncookies(0);
  const int kmsg = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (kmsg < 0) GTEST_SKIP() << "cannot read /dev/kmsg: " << std::strerror(errno);
  lseek(kmsg, 0, SEEK_END);
  LoopbackListener l(kBacklog, false, 5);
  ASSERT_GE(l.fd, 0);
  const LiveCounterMap before = Read();
  std::vector<int> clients = ConnectBurst(l, kConnects);
  Burst(before, counter::kReqQFullDrop, 5);
  testing::CloseAll(&clients);
  std::string text;
  char record[8192];
  for (int i = 0; i < 10000; ++i) {  // bounded: records written since the seek
    const ssize_t n = read(kmsg, record, sizeof record);
    if (n < 0 && errno == EPIPE) continue;  // overwritten records
    if (n <= 0) break;
    text.append(record, static_cast<size_t>(n));
  }
  close(kmsg);
  const live::FloodScan scan = live::FindSynFloodLines(text);
  const live::FloodLine* ours = nullptr;
  for (const live::FloodLine& f : scan.lines)
    if (f.port == l.port) ours = &f;
  if (ours == nullptr) GTEST_SKIP() << "no flood line for port " << l.port << " (rate limited?) in:\n" << text;
  EXPECT_EQ(ours->action, live::FloodAction::kDroppingRequest);
  EXPECT_EQ(ours->proto, "request_sock_TCP");
  EXPECT_FALSE(ours->ipv6);
  // 6.2 and later print the address (d9282e48c608); older kernels do not.
  if (ours->wording == live::FloodWording::kWithAddress) EXPECT_EQ(ours->address, "127.0.0.1");
  else EXPECT_EQ(ours->wording, live::FloodWording::kCheckCounters);
}

}  // namespace
}  // namespace synlint
