// SPDX-License-Identifier: MIT
#include "model/listen_model.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

std::unique_ptr<Host> HostWith(const std::string& sysctl, const std::string& kernel) {
  static MemoryFileSystem* fs = nullptr;
  delete fs;
  fs = new MemoryFileSystem;
  fs->AddFile("etc/sysctl.d/50-test.conf", sysctl);
  HostOptions o;
  o.kernel = KernelVersion::Parse(kernel);
  return LoadHost(*fs, o);
}

TEST(ListenModel, TheMotivatingCaseOnLinux34) {
  // kernel-facts.md §2: somaxconn 128, ListenBacklog 511, tcp_max_syn_backlog 65536
  // -> backlog 128, SYN table roundup_pow_of_two(129) = 256.
  auto host = HostWith("net.ipv4.tcp_max_syn_backlog = 65536\n", "3.4");
  const QueueLimits q = ComputeQueues(*host, 511, "ListenBacklog 511");
  EXPECT_EQ(q.somaxconn, 128);
  EXPECT_EQ(q.accept_limit, 128);
  EXPECT_EQ(q.syn_limit, 256);
  EXPECT_EQ(q.accept_why, "min(ListenBacklog 511, somaxconn 128) = 128");
}

TEST(ListenModel, PowerOfTwoExamplesBefore44) {
  // 128 -> 256, 511 -> 512, 512 -> 1024, 4096 -> 8192; floor 16.
  auto host = HostWith("net.core.somaxconn = 65535\nnet.ipv4.tcp_max_syn_backlog = 65536\n", "3.10");
  EXPECT_EQ(ComputeQueues(*host, 128, "b").syn_limit, 256);
  EXPECT_EQ(ComputeQueues(*host, 511, "b").syn_limit, 512);
  EXPECT_EQ(ComputeQueues(*host, 512, "b").syn_limit, 1024);
  EXPECT_EQ(ComputeQueues(*host, 4096, "b").syn_limit, 8192);
  EXPECT_EQ(ComputeQueues(*host, 1, "b").syn_limit, 16);
}

TEST(ListenModel, TcpMaxSynBacklogCapsTheTableBefore44) {
  auto host = HostWith("net.core.somaxconn = 4096\nnet.ipv4.tcp_max_syn_backlog = 1024\n", "4.3");
  EXPECT_EQ(ComputeQueues(*host, 4096, "b").syn_limit, 2048);
}

TEST(ListenModel, From44TheSynQueueIsTheBacklog) {
  auto host = HostWith("net.core.somaxconn = 512\n", "4.19");
  const QueueLimits q = ComputeQueues(*host, 5000, "ListenBacklog 5000");
  EXPECT_EQ(q.accept_limit, 512);
  EXPECT_EQ(q.syn_limit, 512);
  EXPECT_FALSE(q.syn_early_drop);
}

TEST(ListenModel, ThreeQuarterRuleWithoutCookies) {
  // tcp_conn_request() drops when max - qlen < max >> 2: 1024 - 1024/4 + 1 = 769 pend.
  auto host = HostWith("net.ipv4.tcp_syncookies = 0\nnet.ipv4.tcp_max_syn_backlog = 1024\n", "6.1");
  const QueueLimits q = ComputeQueues(*host, 4096, "b");
  ASSERT_TRUE(q.syn_early_drop);
  EXPECT_EQ(*q.syn_early_drop, 769);
  EXPECT_EQ(q.syn_early_drop_max, 769);
}

TEST(ListenModel, EarlyDropArithmetic) {
  // qlen pending admits another SYN while max - qlen >= max >> 2.
  for (const int64_t max : {0, 1, 3, 4, 5, 128, 1000, 1024, 4096}) {
    int64_t qlen = 0;
    while (max - qlen >= (max >> 2) && qlen < 100000) ++qlen;
    EXPECT_EQ(EarlyDropAt(max), qlen) << max;
  }
  EXPECT_EQ(EarlyDropAt(128), 97);
  EXPECT_EQ(EarlyDropAt(2048), 1537);
  for (const int64_t pending : {1, 2, 97, 98, 512, 769, 770, 4097}) {
    const int64_t n = MaxSynBacklogFor(pending);
    EXPECT_GE(EarlyDropAt(n), pending) << pending;
    if (n > 0) {
      EXPECT_LT(EarlyDropAt(n - 1), pending) << pending;
    }
  }
}

// 3479c7549fb1: the SYN queue holds sk_max_ack_backlog + 1 from 6.13 and the
// stable releases that got it; on 6.1 without its release both sides show.
TEST(ListenModel, SynQueueHoldsOneMoreFromTheStrictTest) {
  const struct {
    const char* kernel;
    int64_t min, max;
  } kCases[] = {{"6.1.124", 511, 511}, {"6.1.125", 512, 512}, {"6.1", 511, 512},
                {"6.12.9", 511, 511},  {"6.12.10", 512, 512}, {"6.12", 511, 512},
                {"5.4.289", 511, 511}, {"5.4.290", 512, 512}, {"5.10.233", 511, 511},
                {"5.10.234", 512, 512}, {"5.15.176", 511, 511}, {"5.15.177", 512, 512},
                {"6.6.71", 511, 511},  {"6.6.72", 512, 512},  {"6.5", 511, 511},
                {"5.14.0-362.el9", 511, 511}, {"6.13", 512, 512}, {"6.18.5", 512, 512}};
  for (const auto& c : kCases) {
    const QueueLimits q = ComputeQueues(*HostWith("", c.kernel), 511, "b");
    EXPECT_EQ(q.accept_limit, 511) << c.kernel;
    EXPECT_EQ(q.syn_limit, c.min) << c.kernel;
    EXPECT_EQ(q.syn_limit_max, c.max) << c.kernel;
  }
  const QueueLimits zero = ComputeQueues(*HostWith("", "6.1.125"), 0, "backlog 0");
  EXPECT_EQ(zero.syn_limit, 1);  // "allow a connection when sk_max_ack_backlog is zero"
  const QueueLimits ambiguous = ComputeQueues(*HostWith("", "6.1"), 511, "b");
  EXPECT_EQ(ambiguous.SynText(), "511..512");
  EXPECT_NE(ambiguous.syn_why.find("Linux 6.1 before 6.1.125 holds the accept-queue limit 511, from 6.1.125 one more (512"),
            std::string::npos)
      << ambiguous.syn_why;
}

// An unset tcp_max_syn_backlog is max(128, ehash_entries / 128) (/256 before
// 5.4): a range without the machine, exact with --tcp-ehash-entries.
TEST(ListenModel, MachineDependentMaxSynBacklog) {
  auto unknown = HostWith("net.ipv4.tcp_syncookies = 0\n", "6.1.125");
  QueueLimits q = ComputeQueues(*unknown, 4096, "b");
  EXPECT_EQ(*q.syn_early_drop, 97);
  EXPECT_EQ(q.syn_early_drop_max, 3073);
  EXPECT_NE(q.syn_why.find("max(128, ehash_entries / 128), 128..4096"), std::string::npos) << q.syn_why;

  auto before54 = HostWith("net.ipv4.tcp_syncookies = 0\n", "5.3");
  q = ComputeQueues(*before54, 4096, "b");
  EXPECT_EQ(q.syn_early_drop_max, EarlyDropAt(2048));

  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/50-test.conf", "net.ipv4.tcp_syncookies = 0\n");
  HostOptions o;
  o.tcp_ehash_entries = 262144;
  for (const auto& [kernel, want] : {std::pair{"5.3", 1024}, std::pair{"5.4", 2048}}) {
    o.kernel = KernelVersion::Parse(kernel);
    auto host = LoadHost(fs, o);
    q = ComputeQueues(*host, 4096, "b");
    EXPECT_EQ(*q.syn_early_drop, EarlyDropAt(want)) << kernel;
    EXPECT_EQ(q.syn_early_drop_max, EarlyDropAt(want)) << kernel;
  }
  o.tcp_ehash_entries = 4096;  // a small machine: the floor
  o.kernel = KernelVersion{6, 1, 125};
  EXPECT_EQ(*ComputeQueues(*LoadHost(fs, o), 4096, "b").syn_early_drop, 97);
}

TEST(ListenModel, MachineDependentMaxSynBacklogBefore44) {
  // The table is roundup_pow_of_two(min(backlog, somaxconn, tcp_max_syn_backlog) + 1).
  auto host = HostWith("net.core.somaxconn = 4096\n", "3.10");
  const QueueLimits q = ComputeQueues(*host, 4096, "b");
  EXPECT_EQ(q.syn_limit, 256);       // tcp_max_syn_backlog 128
  EXPECT_EQ(q.syn_limit_max, 4096);  // 2048 on a big machine (/256 before 5.4)
  const QueueLimits small = ComputeQueues(*host, 100, "b");
  EXPECT_TRUE(small.SynKnown());  // below 128 the default cannot matter
  EXPECT_EQ(small.syn_limit, 128);
}

TEST(ListenModel, LiveRootReadsTheComputedDefault) {
  MemoryFileSystem fs;
  fs.AddFile("proc/sys/net/ipv4/tcp_max_syn_backlog", "2048\n");
  fs.AddFile("etc/sysctl.d/50-test.conf", "net.ipv4.tcp_syncookies = 0\n");
  HostOptions o;
  o.running_kernel = "6.18.5-200.fc43.x86_64";
  auto host = LoadHost(fs, o);
  ASSERT_TRUE(host->live);
  EXPECT_EQ(host->kernel.ToString(), "6.18.5");
  const QueueLimits q = ComputeQueues(*host, 4096, "b");
  EXPECT_EQ(*q.syn_early_drop, 1537);
  EXPECT_EQ(q.syn_early_drop_max, 1537);
  // A file that sets the key wins over the live value.
  fs.AddFile("etc/sysctl.d/60-syn.conf", "net.ipv4.tcp_max_syn_backlog = 1024\n");
  EXPECT_EQ(*ComputeQueues(*LoadHost(fs, o), 4096, "b").syn_early_drop, 769);
}

TEST(ListenModel, DefaultSomaxconnDependsOnKernel) {
  EXPECT_EQ(ComputeQueues(*HostWith("", "5.3"), 511, "b").accept_limit, 128);
  EXPECT_EQ(ComputeQueues(*HostWith("", "5.4"), 511, "b").accept_limit, 511);
}

TEST(ListenModel, NegativeBacklogBecomesSomaxconn) {
  auto host = HostWith("net.core.somaxconn = 1000\n", "6.1");
  EXPECT_EQ(ComputeQueues(*host, -1, "b").accept_limit, 1000);
}

TEST(ListenModel, U16WrapBefore41) {
  auto host = HostWith("net.core.somaxconn = 65536\n", "3.10");
  const QueueLimits q = ComputeQueues(*host, 65536, "b");
  EXPECT_TRUE(q.wrapped);
  EXPECT_EQ(q.accept_limit, 0);
  auto modern = HostWith("net.core.somaxconn = 65536\n", "4.19");
  EXPECT_FALSE(ComputeQueues(*modern, 65536, "b").wrapped);
}

}  // namespace
}  // namespace synlint
