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
  auto host = HostWith("net.ipv4.tcp_syncookies = 0\nnet.ipv4.tcp_max_syn_backlog = 1024\n", "6.1");
  const QueueLimits q = ComputeQueues(*host, 4096, "b");
  ASSERT_TRUE(q.syn_early_drop);
  EXPECT_EQ(*q.syn_early_drop, 768);
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
