// SPDX-License-Identifier: MIT
// SL304 and SL305 on a constructed LiveState: counters, rates and kernel-log
// lines as `synlint audit` reads them, where no network namespace can be
// made. The real kernel drives the same rules in
// tests/cli/audit_counters_netns_test.cc.
#include <gtest/gtest.h>

#include <sys/socket.h>

#include "linter/engine/fixer.h"
#include "model/live_counters.h"

namespace synlint {
namespace {

LiveListener Listening(const std::string& address, uint32_t port, int64_t limit, int64_t now = 0,
                       int64_t syn_recv = 0) {
  LiveListener l;
  l.family = address.find(':') != std::string::npos ? AF_INET6 : AF_INET;
  l.address = address;
  l.port = port;
  l.accept_queue_limit = limit;
  l.accept_queue_now = now;
  l.syn_recv_now = syn_recv;
  return l;
}

live::FloodLine Flood(uint32_t line, const std::string& address, uint32_t port, live::FloodAction action) {
  live::FloodLine f;
  f.line = line;
  f.address = address;
  f.ipv6 = address.find(':') != std::string::npos;
  f.port = port;
  f.action = action;
  f.wording = address.empty() ? live::FloodWording::kCheckCounters : live::FloodWording::kWithAddress;
  return f;
}

class LiveCounterRulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs_.AddFile("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\n");
    fs_.AddFile("etc/nginx/nginx.conf",
                "events { }\nhttp {\n  server { listen 127.0.0.1:8080 backlog=511; }\n"
                "  server { listen 8081; }\n}\n");
    live_.kernel_release = "6.1.0-25-amd64";
    live_.sysctl["net.core.somaxconn"] = "1024";
    live_.sysctl["net.ipv4.tcp_syncookies"] = "1";
    live_.sysctl["net.ipv4.tcp_max_syn_backlog"] = "2048";
    for (const std::string_view key : LiveCounterKeys()) live_.counters[std::string(key)] = 0;
  }

  void Watched(double seconds, const std::map<std::string, int64_t>& deltas) {
    live_.counter_seconds = seconds;
    for (const std::string_view key : LiveCounterKeys()) live_.counter_deltas[std::string(key)] = 0;
    for (const auto& [k, v] : deltas) {
      live_.counter_deltas[k] = v;
      live_.counters[k] += v;
    }
  }

  std::vector<Finding> Audit(const std::string& rule) {
    HostOptions o;
    o.kernel = KernelVersion{6, 1, 124};
    o.attach_live = [this](const Host&) { return &live_; };
    std::vector<Finding> out;
    for (Finding& f : Lint(fs_, o, FixOptions{}, [&](Finding& f) { return f.rule == rule; }).findings)
      out.push_back(f);
    return out;
  }

  MemoryFileSystem fs_;
  LiveState live_;
};

// ---- SL304 ----

TEST_F(LiveCounterRulesTest, RisingOverflowsTiedToTheFullListener) {
  Watched(5, {{"TcpExt.ListenOverflows", 40}, {"TcpExt.ListenDrops", 40}});
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 512), Listening("0.0.0.0", 8081, 511, 3)};
  live_.listeners[0].pid = 812;
  live_.listeners[0].comm = "nginx";
  const auto f = Audit("SL304");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].location.file, "etc/nginx/nginx.conf");
  EXPECT_EQ(f[0].location.start.line, 3u);
  EXPECT_EQ(f[0].message,
            "'TcpExt.ListenOverflows' rose by 40 in 5 s (8/s) and nginx 127.0.0.1:8080 on 127.0.0.1:8080 "
            "(pid 812 'nginx') is full now: its accept queue holds 512 connections for a limit of 511 (the "
            "kernel admits limit + 1, then drops each new SYN); the configuration gives min(backlog=511, "
            "somaxconn 1024) = 511 (etc/nginx/nginx.conf:3); the server does not accept() as fast as "
            "connections arrive: give it more workers, or raise the backlog and 'net.core.somaxconn' to "
            "absorb bursts (then reopen the socket)");
  ASSERT_EQ(f[0].related.size(), 1u);
  EXPECT_EQ(f[0].related[0].file, "etc/sysctl.d/60-net.conf");
}

TEST_F(LiveCounterRulesTest, OverflowsNotRisingAreSilent) {
  live_.counters["TcpExt.ListenOverflows"] = 1000;  // since boot
  Watched(5, {});
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 512)};
  EXPECT_TRUE(Audit("SL304").empty());
}

TEST_F(LiveCounterRulesTest, NoOverflowsAtAllIsSilent) {
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 511)};  // full, but nothing was dropped
  EXPECT_TRUE(Audit("SL304").empty());
}

TEST_F(LiveCounterRulesTest, TotalsWithoutRatesAreInfo) {
  live_.counters["TcpExt.ListenOverflows"] = 12;
  live_.counters["TcpExt.ListenDrops"] = 12;
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 2)};
  const auto f = Audit("SL304");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[0].location.file, "proc/net/netstat");
  EXPECT_EQ(f[0].message,
            "'TcpExt.ListenOverflows' is 12 in total (since boot, or since the network namespace was made; "
            "--watch SECONDS gives a rate), but no listener's accept queue was full when synlint looked; "
            "fullest now: 127.0.0.1:8080 2/511; overflows come in bursts shorter than the sampling, or from "
            "a listener that has closed");
}

TEST_F(LiveCounterRulesTest, RisingWithNoFullListenerNamesTheFullest) {
  Watched(2, {{"TcpExt.ListenOverflows", 3}, {"TcpExt.ListenDrops", 3}});
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 500), Listening("0.0.0.0", 8081, 511, 3),
                     Listening("0.0.0.0", 22, 128, 0)};
  const auto f = Audit("SL304");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].location.file, "proc/net/netstat");
  EXPECT_EQ(f[0].message,
            "'TcpExt.ListenOverflows' rose by 3 in 2 s (1.5/s), but no listener's accept queue was full when "
            "synlint looked; fullest now: 127.0.0.1:8080 500/511, 0.0.0.0:8081 3/511; overflows come in "
            "bursts shorter than the sampling, or from a listener that has closed");
}

TEST_F(LiveCounterRulesTest, UnexplainedFullListenerPointsAtProcNetTcp) {
  Watched(1, {{"TcpExt.ListenOverflows", 7}, {"TcpExt.ListenDrops", 7}});
  live_.listeners = {Listening("::", 9000, 16, 17)};
  const auto f = Audit("SL304");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.file, "proc/net/tcp6");
  EXPECT_EQ(f[0].message,
            "'TcpExt.ListenOverflows' rose by 7 in 1 s (7/s) and [::]:9000 is full now: its accept queue "
            "holds 17 connections for a limit of 16 (the kernel admits limit + 1, then drops each new SYN); "
            "no configuration synlint reads sets its backlog; the server does not accept() as fast as "
            "connections arrive: give it more workers, or raise the backlog and 'net.core.somaxconn' to "
            "absorb bursts (then reopen the socket)");
}

// ---- SL305 ----

TEST_F(LiveCounterRulesTest, FloodLineNamesTheListenerItsLimitAndTheChange) {
  live_.kernel_log = "var/log/kern.log";
  live_.flood_lines = {Flood(7, "127.0.0.1", 8080, live::FloodAction::kSendingCookies),
                       Flood(9, "127.0.0.1", 8080, live::FloodAction::kSendingCookies)};  // same socket: once
  live_.listeners = {Listening("127.0.0.1", 8080, 128, 0, 3)};
  const auto f = Audit("SL305");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].location.file, "etc/nginx/nginx.conf");
  EXPECT_EQ(f[0].location.start.line, 3u);
  EXPECT_EQ(f[0].message,
            "the kernel logged 'Possible SYN flooding on port 127.0.0.1:8080. Sending cookies.' "
            "(var/log/kern.log:7): the SYN queue of nginx 127.0.0.1:8080 on 127.0.0.1:8080 overflowed; its "
            "SYN queue holds 3 requests now; limit 128 = the accept-queue limit 128 (Linux >= 4.4: the SYN "
            "queue is full at sk_max_ack_backlog; one more from 6.1.125, 3479c7549fb1); the configuration gives min(backlog=511, somaxconn 1024) "
            "= 511 (etc/nginx/nginx.conf:3), but the socket runs with 128: it was opened before a change "
            "(SL302); the SYNs past the limit were answered with cookies (tcp_syncookies 1); the line is "
            "printed once per socket, so the counters' rates (--watch) tell whether it goes on; to change "
            "it, raise the backlog (backlog=511, etc/nginx/nginx.conf:3) and 'net.core.somaxconn', then "
            "reopen the socket; 'tcp_max_syn_backlog' does not size this queue on Linux >= 4.4");
  ASSERT_EQ(f[0].related.size(), 2u);
  EXPECT_EQ(f[0].related[0].file, "var/log/kern.log");
  EXPECT_EQ(f[0].related[0].start.line, 7u);
}

TEST_F(LiveCounterRulesTest, FloodLineBefore6_2MatchesByPort) {
  live_.kernel_log = "dmesg";
  live_.flood_lines = {Flood(1, "", 8081, live::FloodAction::kDroppingRequest)};
  live_.listeners = {Listening("0.0.0.0", 8081, 511)};
  const auto f = Audit("SL305");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].location.start.line, 4u);
  EXPECT_EQ(f[0].message,
            "the kernel logged 'Possible SYN flooding on port 8081. Dropping request.' (dmesg:1): the SYN "
            "queue of nginx 8081 on 0.0.0.0:8081 overflowed; its SYN queue holds 0 requests now; limit 511 = "
            "the accept-queue limit 511 (Linux >= 4.4: the SYN queue is full at sk_max_ack_backlog; one more from 6.1.125, 3479c7549fb1); the "
            "configuration gives min(default backlog 511, somaxconn 1024) = 511 (nginx's default backlog on "
            "Linux (NGX_LISTEN_BACKLOG 511), etc/nginx/nginx.conf:4); the SYNs past the limit were dropped "
            "(tcp_syncookies 0): clients retried or gave up; the line is printed once per socket, so the "
            "counters' rates (--watch) tell whether it goes on; to change it, raise the backlog (default "
            "backlog 511, etc/nginx/nginx.conf:4) and 'net.core.somaxconn', then reopen the socket; "
            "'tcp_max_syn_backlog' does not size this queue on Linux >= 4.4");
}

TEST_F(LiveCounterRulesTest, FloodLineForAPortNothingHasIsInfo) {
  live_.kernel_log = "dmesg";
  live_.flood_lines = {Flood(3, "10.0.0.5", 5432, live::FloodAction::kSendingCookies)};
  const auto f = Audit("SL305");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[0].location.file, "dmesg");
  EXPECT_EQ(f[0].location.start.line, 3u);
  EXPECT_EQ(f[0].message,
            "the kernel logged 'Possible SYN flooding on port 10.0.0.5:5432. Sending cookies.' (dmesg:3): no "
            "socket listens there in this network namespace now and no configuration names it (a socket "
            "since closed, or one of another namespace: the kernel log is the host's); the SYNs past the "
            "limit were answered with cookies (tcp_syncookies 1); the line is printed once per socket, so "
            "the counters' rates (--watch) tell whether it goes on; to change it, raise the listen() backlog "
            "of the server and 'net.core.somaxconn', then reopen the socket; 'tcp_max_syn_backlog' does not "
            "size this queue on Linux >= 4.4");
}

TEST_F(LiveCounterRulesTest, RisingDoCookiesTiedToTheFullSynQueue) {
  Watched(1, {{"TcpExt.TCPReqQFullDoCookies", 5}, {"TcpExt.SyncookiesSent", 5}});
  live_.listeners = {Listening("127.0.0.1", 8080, 4, 0, 5)};
  const auto f = Audit("SL305");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning);
  EXPECT_EQ(f[0].location.start.line, 3u);
  EXPECT_EQ(f[0].message,
            "'TcpExt.TCPReqQFullDoCookies' rose by 5 in 1 s (5/s) (tcp_syncookies 1: SYNs past a full SYN "
            "queue get a cookie) and the SYN queue of nginx 127.0.0.1:8080 on 127.0.0.1:8080 is full now: "
            "its SYN queue holds 5 requests now; limit 4 = the accept-queue limit 4 (Linux >= 4.4: the SYN "
            "queue is full at sk_max_ack_backlog; one more from 6.1.125, 3479c7549fb1); the configuration gives min(backlog=511, somaxconn 1024) "
            "= 511 (etc/nginx/nginx.conf:3), but the socket runs with 4: it was opened before a change "
            "(SL302); to change it, raise the backlog (backlog=511, etc/nginx/nginx.conf:3) and "
            "'net.core.somaxconn', then reopen the socket; 'tcp_max_syn_backlog' does not size this queue on "
            "Linux >= 4.4");
}

TEST_F(LiveCounterRulesTest, SyncookiesTwoCountsEverySynAndIsSilent) {
  live_.sysctl["net.ipv4.tcp_syncookies"] = "2";
  Watched(1, {{"TcpExt.TCPReqQFullDoCookies", 5000}, {"TcpExt.SyncookiesSent", 5000}});
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 0, 0)};
  EXPECT_TRUE(Audit("SL305").empty());
}

TEST_F(LiveCounterRulesTest, DropTotalsWithoutCookiesAreInfo) {
  live_.sysctl["net.ipv4.tcp_syncookies"] = "0";
  live_.counters["TcpExt.TCPReqQFullDrop"] = 9;
  live_.counters["TcpExt.ListenDrops"] = 9;
  live_.listeners = {Listening("127.0.0.1", 8080, 511, 0, 2)};
  const auto f = Audit("SL305");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo);
  EXPECT_EQ(f[0].location.file, "proc/net/netstat");
  EXPECT_EQ(f[0].message,
            "'TcpExt.TCPReqQFullDrop' is 9 in total (since boot, or since the network namespace was made; "
            "--watch SECONDS gives a rate) (tcp_syncookies 0: SYNs past a full SYN queue are dropped), but "
            "no listener's SYN queue was full when synlint looked; the kernel log names the port ('Possible "
            "SYN flooding on port ...', --kernel-log FILE); to change it, raise the listen() backlog of the "
            "server and 'net.core.somaxconn', then reopen the socket; 'tcp_max_syn_backlog' does not size "
            "this queue on Linux >= 4.4");
}

TEST_F(LiveCounterRulesTest, NoLiveStateNoFindings) {
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  for (const Finding& f : Lint(fs_, o, FixOptions{}, [](Finding&) { return true; }).findings) {
    EXPECT_NE(f.rule, "SL304");
    EXPECT_NE(f.rule, "SL305");
  }
}

// The running kernel's overflow counters are evidence of connection pressure
// (model/connection_pressure.h): a default backlog capped by somaxconn, info
// on files alone, is a warning once the kernel counted overflows.
TEST(LiveCountersAsPressure, OverflowsMakeACappedDefaultBacklogAWarning) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", "events { }\nhttp {\n  server { listen 8081; }\n}\n");
  LiveState live;
  live.kernel_release = "4.19.0-25-amd64";
  live.sysctl["net.core.somaxconn"] = "128";
  live.sysctl["net.ipv4.tcp_syncookies"] = "1";
  for (const std::string_view key : LiveCounterKeys()) live.counters[std::string(key)] = 0;
  auto sl201 = [&](bool attach) {
    HostOptions o;
    o.kernel = KernelVersion{4, 19};
    if (attach) o.attach_live = [&](const Host&) { return &live; };
    std::vector<Finding> out;
    for (Finding& f : Lint(fs, o, FixOptions{}, [](Finding& f) { return f.rule == "SL201"; }).findings)
      out.push_back(f);
    return out;
  };
  std::vector<Finding> f = sl201(false);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo) << f[0].message;
  // Counters at zero are no evidence.
  f = sl201(true);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo) << f[0].message;
  live.counters["TcpExt.ListenOverflows"] = 7;
  live.counters["TcpExt.ListenDrops"] = 7;
  f = sl201(true);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning) << f[0].message;
  EXPECT_NE(f[0].message.find("the host shows connection pressure (7 accept-queue overflows since boot "
                              "(TcpExt.ListenOverflows)), and this cap is what limits the queue"),
            std::string::npos)
      << f[0].message;
  // Under --watch the deltas count, not the totals.
  live.counter_seconds = 2;
  for (const std::string_view key : LiveCounterKeys()) live.counter_deltas[std::string(key)] = 0;
  f = sl201(true);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kInfo) << f[0].message;
  live.counter_deltas["TcpExt.TCPReqQFullDoCookies"] = 3;
  live.counter_deltas["TcpExt.SyncookiesSent"] = 3;
  f = sl201(true);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kWarning) << f[0].message;
  EXPECT_NE(f[0].message.find("3 SYN-queue overflows in 2 s"), std::string::npos) << f[0].message;
}

}  // namespace
}  // namespace synlint
