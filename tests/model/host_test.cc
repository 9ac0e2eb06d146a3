// SPDX-License-Identifier: MIT
#include "model/host.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(Host, SystemdIgnoresSysctlConfWithoutTheLink) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "net.core.somaxconn = 1024\n");
  fs.AddFile("usr/lib/systemd/systemd-sysctl", "");
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_EQ(host->loader, sysctl::Loader::kSystemd);
  EXPECT_EQ(host->loader_origin, "detected");
  EXPECT_EQ(host->sysctl().Winner("net.core.somaxconn"), nullptr);
  EXPECT_NE(host->sysctl(sysctl::Loader::kProcps).Winner("net.core.somaxconn"), nullptr);
}

TEST(Host, ProcpsAppliesSysctlConfLast) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "net.core.somaxconn = 1024\n");
  fs.AddFile("etc/sysctl.d/99-z.conf", "net.core.somaxconn = 2048\n");
  HostOptions o;
  o.loader = sysctl::Loader::kProcps;
  auto host = LoadHost(fs, o);
  EXPECT_EQ(*host->Value("net.core.somaxconn"), "1024");
  EXPECT_EQ(host->loader_origin, "--sysctl-loader");
}

TEST(Host, SameNameInEtcMasksVendorAndDevNullDisables) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/sysctl.d/50-a.conf", "vm.swappiness = 1\n");
  fs.AddFile("etc/sysctl.d/50-a.conf", "vm.swappiness = 2\n");
  fs.AddFile("usr/lib/sysctl.d/60-b.conf", "vm.swappiness = 3\n");
  fs.AddSymlink("etc/sysctl.d/60-b.conf", "/dev/null");
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_EQ(*host->Value("vm.swappiness"), "2");
  ASSERT_EQ(host->sysctl_discovery().masked.size(), 2u);
}

TEST(Host, FilesApplyInNameOrderAcrossDirectories) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/10-a.conf", "vm.swappiness = 10\n");
  fs.AddFile("usr/lib/sysctl.d/20-b.conf", "vm.swappiness = 20\n");
  fs.AddFile("run/sysctl.d/15-c.conf", "vm.swappiness = 15\n");
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_EQ(*host->Value("vm.swappiness"), "20");
}

TEST(Host, RejectedWriteLeavesThePreviousValue) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/10-a.conf", "net.ipv4.tcp_syn_retries = 4\n");
  fs.AddFile("etc/sysctl.d/20-b.conf", "net.ipv4.tcp_syn_retries = 500\n");
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_EQ(*host->Value("net.ipv4.tcp_syn_retries"), "4");
}

TEST(Host, GlobKeysApplyUnlessExcluded) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/10-a.conf",
             "net.ipv4.conf.*.rp_filter = 2\n-net.ipv4.conf.lo.rp_filter\n");
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_EQ(*host->Value("net.ipv4.conf.eth0.rp_filter"), "2");
  EXPECT_EQ(host->sysctl().Winner("net.ipv4.conf.lo.rp_filter"), nullptr);
}

TEST(Host, KernelComesFromOptionThenRunningThenDefault) {
  MemoryFileSystem fs;
  HostOptions o;
  o.running_kernel = "4.19.0-25-amd64";
  EXPECT_EQ(LoadHost(fs, o)->kernel, (KernelVersion{4, 19}));
  o.kernel = KernelVersion{5, 10};
  EXPECT_EQ(LoadHost(fs, o)->kernel_origin, "--kernel");
  EXPECT_EQ(LoadHost(fs, HostOptions{})->kernel, (KernelVersion{6, 1}));
}

// The stable release matters where a series got a change mid-way (6.1.125);
// distribution release names whose third number is an ABI name say nothing
// of it, Debian's `uname -v` does.
TEST(Host, KernelVersionsWithAndWithoutTheStableRelease) {
  struct Case {
    const char* text;
    const char* shown;  // "" when Parse refuses it
  };
  for (const Case& c : {Case{"6.1", "6.1"}, Case{"6.1.125", "6.1.125"}, Case{"6.1.0", "6.1.0"},
                        Case{"6.18.5-200.fc43.x86_64", "6.18.5"}, Case{"6.12.10-arch1-1", "6.12.10"},
                        Case{"4.19.0-25-amd64", "4.19"}, Case{"5.14.0-362.el9.x86_64", "5.14"},
                        Case{"5.15.0-91-generic", "5.15"}, Case{"6.1.", ""}, Case{"6.1.x", ""},
                        Case{"6", ""}, Case{"1.2", ""}, Case{"6.1a", ""}}) {
    const auto v = KernelVersion::Parse(c.text);
    EXPECT_EQ(v ? v->ToString() : "", c.shown) << c.text;
  }
  EXPECT_EQ(KernelVersion::ParseRunning("6.1.0-25-amd64",
                                        "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3 (2024-08-26)")->ToString(),
            "6.1.106");
  // Debian's backports name another series in `uname -v` only when it is this one.
  EXPECT_EQ(KernelVersion::ParseRunning("6.1.0-25-amd64", "#1 SMP Debian 6.12.9-1~bpo12+1")->ToString(), "6.1");
  EXPECT_EQ(KernelVersion::ParseRunning("6.18.5", "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3")->ToString(), "6.18.5");
  EXPECT_EQ((KernelVersion{6, 1, 124}), (KernelVersion{6, 1, 125}));  // versions compare by series
  EXPECT_LT((KernelVersion{6, 1, 300}), (KernelVersion{6, 2}));

  MemoryFileSystem fs;
  HostOptions o;
  o.running_kernel = "6.1.0-25-amd64";
  o.running_kernel_build = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.124-1 (2025-01-12)";
  auto host = LoadHost(fs, o);
  EXPECT_EQ(host->kernel.ToString(), "6.1.124");
  EXPECT_EQ(host->State(KernelChange::kReqskQueueFullStrict), ChangeState::kAbsent);
  o.running_kernel_build = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.128-1 (2025-02-07)";
  EXPECT_EQ(LoadHost(fs, o)->State(KernelChange::kReqskQueueFullStrict), ChangeState::kPresent);
  o.running_kernel_build = "#1 SMP PREEMPT_DYNAMIC";
  EXPECT_EQ(LoadHost(fs, o)->State(KernelChange::kReqskQueueFullStrict), ChangeState::kUnknown);
}

TEST(Host, HugeFileIsAProblemNotACrash) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/10-huge.conf", std::string(kMaxConfigFileSize + 1, 'a'));
  auto host = LoadHost(fs, HostOptions{});
  ASSERT_EQ(host->load_findings.size(), 1u);
  EXPECT_EQ(host->load_findings[0].rule, "SL002");
  EXPECT_NE(host->load_findings[0].message.find("too large"), std::string::npos);
}

TEST(Host, FiftyMegabyteFileParses) {
  MemoryFileSystem fs;
  std::string big;
  while (big.size() < (50u << 20)) big += "net.core.somaxconn = 4096\n";
  fs.AddFile("etc/sysctl.d/10-big.conf", big);
  auto host = LoadHost(fs, HostOptions{});
  EXPECT_TRUE(host->load_findings.empty());
  EXPECT_EQ(*host->Value("net.core.somaxconn"), "4096");
}

TEST(Host, BadUtf8IsReportedWithItsLine) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/10-a.conf", "# ok\nvm.swappiness = 1\xff\n");
  auto host = LoadHost(fs, HostOptions{});
  ASSERT_EQ(host->load_findings.size(), 1u);
  EXPECT_EQ(host->load_findings[0].rule, "SL001");
  EXPECT_EQ(host->load_findings[0].location.start.line, 2u);
  EXPECT_EQ(host->load_findings[0].location.start.column, 18u);
}

}  // namespace
}  // namespace synlint
