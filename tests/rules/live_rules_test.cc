// SPDX-License-Identifier: MIT
// SL302, SL303 and SL306 on a constructed LiveState: the logic of the live
// rules where no network namespace can be made. The real kernel drives the
// same rules in tests/cli/audit_netns_test.cc.
#include <gtest/gtest.h>

#include <sys/socket.h>

#include "linter/engine/fixer.h"

namespace synlint {
namespace {

LiveListener Listening(const std::string& address, uint32_t port, int64_t limit) {
  LiveListener l;
  l.family = address.find(':') != std::string::npos ? AF_INET6 : AF_INET;
  l.address = address;
  l.port = port;
  l.accept_queue_limit = limit;
  return l;
}

class LiveRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_.AddFile("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_synack_retries = 3\n");
    fs_.AddFile("etc/nginx/nginx.conf",
                "events { }\nhttp {\n  server { listen 127.0.0.1:8080 backlog=511; }\n"
                "  server { listen 8081; }\n}\n");
    live_.kernel_release = "6.1.0-25-amd64";
    live_.sysctl["net.core.somaxconn"] = "1024";
    live_.sysctl["net.ipv4.tcp_synack_retries"] = "3";
  }

  std::vector<Finding> Audit(const std::string& rule) {
    HostOptions o;
    o.kernel = KernelVersion{6, 1};
    o.attach_live = [this](const Host&) { return &live_; };
    std::vector<Finding> out;
    for (Finding& f : Lint(fs_, o, FixOptions{}, [&](Finding& f) { return f.rule == rule; }).findings)
      out.push_back(f);
    return out;
  }

  MemoryFileSystem fs_;
  LiveState live_;
};

TEST_F(LiveRulesTest, ListenerOpenedBeforeSomaxconnWasRaisedIsStale) {
  LiveListener l = Listening("127.0.0.1", 8080, 128);
  l.pid = 812;
  l.comm = "nginx";
  l.unit = "nginx.service";
  live_.listeners = {l, Listening("0.0.0.0", 8081, 511)};
  const auto f = Audit("SL302");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "etc/nginx/nginx.conf");
  EXPECT_EQ(f[0].location.start.line, 3u);
  EXPECT_EQ(f[0].message,
            "nginx 127.0.0.1:8080 is listening on 127.0.0.1:8080 (pid 812 'nginx', nginx.service) with "
            "accept-queue limit 128, but reopened now it gets 511: min(backlog=511, somaxconn 1024) = 511 "
            "with the running 'net.core.somaxconn'; the socket was opened when 'net.core.somaxconn' was 128 "
            "(or the backlog that low); reopen it with 'systemctl restart nginx': a reload calls listen() "
            "again only when 'backlog=' changed; the new 'net.core.somaxconn' reaches nginx's sockets only "
            "on restart");
  ASSERT_EQ(f[0].related.size(), 1u);
  EXPECT_EQ(f[0].related[0].file, "etc/sysctl.d/60-net.conf");
}

TEST_F(LiveRulesTest, ListenersWithTheLimitTheyWouldGetNowAreNotStale) {
  // 8081: nginx's default backlog 511 under somaxconn 1024.
  live_.listeners = {Listening("127.0.0.1", 8080, 511), Listening("0.0.0.0", 8081, 511)};
  EXPECT_TRUE(Audit("SL302").empty());
}

TEST_F(LiveRulesTest, TheRunningSomaxconnDecidesNotTheFiles) {
  // The files say 1024 but the kernel runs with 128: a socket opened now
  // gets 128, which is what it has; SL303 reports the drift, not SL302.
  live_.sysctl["net.core.somaxconn"] = "128";
  live_.listeners = {Listening("127.0.0.1", 8080, 128)};
  EXPECT_TRUE(Audit("SL302").empty());
  ASSERT_EQ(Audit("SL303").size(), 1u);
}

TEST_F(LiveRulesTest, ALimitAboveTheBacklogMeansTheBacklogChanged) {
  live_.listeners = {Listening("127.0.0.1", 8080, 1024)};
  const auto f = Audit("SL302");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("opened with a larger backlog than the configuration sets now"), std::string::npos)
      << f[0].message;
  EXPECT_NE(f[0].message.find("'systemctl reload nginx'"), std::string::npos) << f[0].message;
}

TEST_F(LiveRulesTest, AnAcceptNoSocketUnitIsReopenedWithItsServiceStopped) {
  fs_.AddFile("etc/systemd/system/web.socket", "[Socket]\nListenStream=127.0.0.1:9000\nBacklog=2048\n");
  fs_.AddFile("etc/systemd/system/web.service", "[Service]\nExecStart=/usr/bin/web\n");
  live_.listeners = {Listening("127.0.0.1", 9000, 128)};
  const auto f = Audit("SL302");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("min(Backlog=2048, somaxconn 1024) = 1024"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("'systemctl stop web.service web.socket && systemctl start web.socket web.service'"),
            std::string::npos)
      << f[0].message;
}

TEST_F(LiveRulesTest, RunningValueThatDiffersFromTheFilesNamesBoth) {
  live_.sysctl["net.ipv4.tcp_synack_retries"] = "5";
  const auto f = Audit("SL303");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "etc/sysctl.d/60-net.conf");
  EXPECT_EQ(f[0].location.start.line, 2u);
  EXPECT_EQ(f[0].message,
            "'net.ipv4.tcp_synack_retries' is 5 in the running kernel, but the sysctl files set 3 "
            "(etc/sysctl.d/60-net.conf:2); the files' 3 returns at the next boot or 'systemctl restart "
            "systemd-sysctl', while 5 stays until then: it was written after boot ('sysctl -w', a service's "
            "ExecStartPre=, a container runtime or a tuning daemon), or the loader did not apply the files "
            "(not run in a container, or its write failed); make the files say 5 to keep it");
}

TEST_F(LiveRulesTest, ValuesAreComparedAsTheKernelReadsThem) {
  fs_.AddFile("etc/sysctl.d/70-range.conf", "net.ipv4.ip_local_port_range = 1025   0xffff\n");
  live_.sysctl["net.ipv4.ip_local_port_range"] = "1025\t65535";
  live_.sysctl["net.core.somaxconn"] = "0x400";  // as a file could write it; equal to 1024
  EXPECT_TRUE(Audit("SL303").empty());
}

TEST_F(LiveRulesTest, KeysTheFilesDoNotSetAreComparedWithAnExactDefaultOnly) {
  live_.sysctl["net.ipv4.tcp_syncookies"] = "2";        // default 1: drift
  live_.sysctl["net.ipv4.tcp_max_syn_backlog"] = "512";  // the machine computes it: never judged
  const auto f = Audit("SL303");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "proc/sys/net/ipv4/tcp_syncookies");
  EXPECT_NE(f[0].message.find("no sysctl file sets it and the Linux 6.1 default is 1"), std::string::npos)
      << f[0].message;
}

TEST_F(LiveRulesTest, InAnotherNamespaceTheLoaderNeverWritesNamespacedKeys) {
  live_.other_netns = true;
  live_.sysctl["net.core.somaxconn"] = "4096";
  const auto f = Audit("SL303");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_NE(f[0].message.find("(this network namespace)"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("the sysctl loader runs in the host's namespace, so this namespace keeps 4096"),
            std::string::npos)
      << f[0].message;
}

TEST_F(LiveRulesTest, AListenerNoConfigurationExplainsIsReportedWithItsOwner) {
  LiveListener ssh = Listening("::", 22, 128);
  ssh.pid = 501;
  ssh.comm = "sshd";
  ssh.unit = "ssh.service";
  ssh.syn_recv_now = 2;
  live_.listeners = {ssh, Listening("127.0.0.1", 8080, 511), Listening("0.0.0.0", 8081, 511),
                     Listening("127.0.0.2", 8080, 10)};
  const auto f = Audit("SL306");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].location.file, "proc/net/tcp");
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_NE(f[0].message.find("127.0.0.2:8080 is listening (owner unknown) with accept-queue limit 10"),
            std::string::npos)
      << f[0].message;
  EXPECT_EQ(f[1].location.file, "proc/net/tcp6");
  EXPECT_NE(f[1].message.find("[::]:22 is listening (pid 501 'sshd', ssh.service) with accept-queue limit 128, "
                              "0 waiting to be accepted, 2 in SYN_RECV"),
            std::string::npos)
      << f[1].message;
}

TEST_F(LiveRulesTest, WithoutLiveStateTheLiveRulesAreSilent) {
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  const auto run = Lint(fs_, o, FixOptions{}, [](Finding& f) { return f.rule.starts_with("SL30"); });
  EXPECT_TRUE(run.findings.empty());
}

}  // namespace
}  // namespace synlint
