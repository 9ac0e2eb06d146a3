// SPDX-License-Identifier: MIT
#include "linter/tune/plan.h"

#include <gtest/gtest.h>

#include <climits>

#include "tests/tune/tune_test_util.h"

namespace synlint::tune {
namespace {

std::string Range(int64_t lo, int64_t hi) {
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + ".." + std::to_string(hi);
}

std::string Dump(const QueueState& q) {
  std::string s = "{" + std::to_string(q.requested) + " '" + q.requested_label + "' accept " +
                  std::to_string(q.accept_queue) + " syn " + Range(q.syn_queue, q.syn_queue_max);
  if (q.syn_early_drop) s += " early " + Range(*q.syn_early_drop, q.syn_early_drop_max);
  return s + "}";
}

std::string Dump(const SysctlPlan& s) {
  return s.key + " " + std::to_string(s.current) + " -> " + std::to_string(s.proposed) + " (" +
         s.current_from + ")";
}

TEST(TunePlan, Linux61DefaultSomaxconnCoversTheNeed) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const TunePlan plan = PlanTuning(t.Load("6.1"), Everywhere(20000, 50));
  ASSERT_EQ(plan.listeners.size(), 1u);
  const ListenerPlan& l = plan.listeners[0];
  EXPECT_EQ(l.service + " " + l.address + " " + l.where, "nginx 80 etc/nginx/nginx.conf:4");
  EXPECT_EQ(l.need, 2000);
  EXPECT_EQ(l.target, 2000);
  EXPECT_EQ(Dump(l.current), "{511 'default backlog 511' accept 511 syn 511..512}");
  EXPECT_EQ(Dump(l.proposed), "{2000 'backlog=2000' accept 2000 syn 2000..2001}");
  EXPECT_EQ(l.reason, "20000/s × 50 ms × 2 = 2000");
  ASSERT_EQ(plan.backlogs.size(), 1u);
  EXPECT_EQ(plan.backlogs[0].setting, "'backlog=' of nginx 80");
  EXPECT_EQ(plan.backlogs[0].from, 511);
  EXPECT_EQ(plan.backlogs[0].to, 2000);
  ASSERT_EQ(plan.sysctls.size(), 3u);
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 4096 -> 4096 (Linux 6.1 default)");
  EXPECT_EQ(plan.sysctls[0].reason, "already covers the largest need, 2000 (nginx 80); tune never lowers it");
  EXPECT_EQ(Dump(plan.sysctls[1]),
            "net.ipv4.tcp_max_syn_backlog 128 -> 128 (Linux 6.1 default (max(128, ehash_entries / 128), "
            "128..4096 by the machine's memory; its floor 128 is used))");
  EXPECT_EQ(plan.sysctls[1].reason,
            "left as is: Linux >= 4.4 reads it only when tcp_syncookies = 0 (SYNs from unproven peers are "
            "dropped once it - it/4 + 1 are pending), and tune sets tcp_syncookies = 1");
  EXPECT_EQ(Dump(plan.sysctls[2]), "net.ipv4.tcp_syncookies 1 -> 1 (Linux 6.1 default)");
  EXPECT_TRUE(plan.warnings.empty());
  EXPECT_TRUE(plan.HasChanges());
}

TEST(TunePlan, Linux419RaisesSomaxconnFromTheOldDefault) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const TunePlan plan = PlanTuning(t.Load("4.19"), Everywhere(20000, 50));
  const ListenerPlan& l = plan.listeners.at(0);
  EXPECT_EQ(Dump(l.current), "{511 'default backlog 511' accept 128 syn 128}");
  EXPECT_EQ(Dump(l.proposed), "{2000 'backlog=2000' accept 2000 syn 2000}");
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 128 -> 2000 (Linux 4.19 default)");
  EXPECT_EQ(plan.sysctls[0].reason,
            "listen() caps every backlog at somaxconn; raised to the largest need, 2000 (nginx 80)");
  // >= 4.4 with syncookies on: tcp_max_syn_backlog is not read.
  EXPECT_FALSE(plan.sysctls[1].Changes());
}

TEST(TunePlan, Linux310SizesTheSynTableWithTcpMaxSynBacklog) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const TunePlan plan = PlanTuning(t.Load("3.10"), Everywhere(20000, 50));
  const ListenerPlan& l = plan.listeners.at(0);
  // Now: min(511, 128) = 128; SYN table roundup_pow_of_two(min(128, 128) + 1) = 256.
  EXPECT_EQ(Dump(l.current), "{511 'default backlog 511' accept 128 syn 256}");
  // Proposed: somaxconn 2000, tcp_max_syn_backlog 2000: roundup_pow_of_two(2001) = 2048.
  EXPECT_EQ(Dump(l.proposed), "{2000 'backlog=2000' accept 2000 syn 2048}");
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 128 -> 2000 (Linux 3.10 default)");
  EXPECT_EQ(Dump(plan.sysctls[1]),
            "net.ipv4.tcp_max_syn_backlog 128 -> 2000 (Linux 3.10 default (max(128, ehash_entries / 256), "
            "128..2048 by the machine's memory; its floor 128 is used))");
  EXPECT_EQ(plan.sysctls[1].reason,
            "raised to the largest accept queue (2000) so it does not cap the SYN table below it; Linux 3.10 "
            "(< 4.4) sizes each SYN table once, at the first listen(), as roundup_pow_of_two(min(backlog, "
            "somaxconn, tcp_max_syn_backlog) + 1)");
}

TEST(TunePlan, Linux310KeepsALargerTcpMaxSynBacklog) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("etc/sysctl.d/60-net.conf", "net.ipv4.tcp_max_syn_backlog = 8192\n");
  const TunePlan plan = PlanTuning(t.Load("3.10"), Everywhere(20000, 50));
  EXPECT_EQ(Dump(plan.sysctls[1]), "net.ipv4.tcp_max_syn_backlog 8192 -> 8192 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(Dump(plan.listeners.at(0).proposed), "{2000 'backlog=2000' accept 2000 syn 2048}");
}

TEST(TunePlan, Linux310CapsAt65535AndWarns) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const LoadSpec load = Everywhere(1'000'000, 100);  // 200000
  const TunePlan plan = PlanTuning(t.Load("3.10"), load);
  const ListenerPlan& l = plan.listeners.at(0);
  EXPECT_EQ(l.need, 200000);
  EXPECT_EQ(l.target, 65535);
  EXPECT_EQ(l.reason, "1000000/s × 100 ms × 2 = 200000; capped at 65535");
  EXPECT_EQ(Dump(l.proposed), "{65535 'backlog=65535' accept 65535 syn 65536}");
  EXPECT_EQ(plan.sysctls[0].proposed, 65535);
  EXPECT_EQ(plan.sysctls[1].proposed, 65535);
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_EQ(plan.warnings[0],
            "port 80 needs an accept queue of 200000 but Linux 3.10 keeps the backlog in 16 bits (u16 before "
            "4.1), so 65535 is the most it can hold; this load cannot be met on this kernel");

  TestHost modern;
  modern.File("etc/nginx/nginx.conf", kNginxPort80);
  const TunePlan p419 = PlanTuning(modern.Load("4.19"), load);
  EXPECT_EQ(Dump(p419.listeners.at(0).proposed), "{200000 'backlog=200000' accept 200000 syn 200000}");
  EXPECT_EQ(p419.sysctls[0].proposed, 200000);
  EXPECT_TRUE(p419.warnings.empty());
}

TEST(TunePlan, Linux310LowersASomaxconnThatWraps) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 100000\n");
  const TunePlan plan = PlanTuning(t.Load("3.10"), Everywhere(20000, 50));
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 100000 -> 65535 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(
      plan.sysctls[0].reason,
      "lowered to 65535: Linux 3.10 keeps the backlog in 16 bits (u16 before 4.1), so 65535 is the most it "
      "can hold, and a larger somaxconn lets a backlog of 65536 or more wrap (65536 becomes 0)");
}

TEST(TunePlan, NeverLowersABacklogOrSomaxconn) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", "http { server { listen 80 backlog=8192; } }\n")
      .File("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 65535\n");
  const TunePlan plan = PlanTuning(t.Load("6.1"), Everywhere(20000, 50));
  EXPECT_TRUE(plan.backlogs.empty());
  const ListenerPlan& l = plan.listeners.at(0);
  EXPECT_EQ(Dump(l.current), "{8192 'backlog=8192' accept 8192 syn 8192..8193}");
  EXPECT_FALSE(l.Changes());
  EXPECT_EQ(l.reason,
            "20000/s × 50 ms × 2 = 2000; backlog=8192 already asks for at least that (tune never "
            "lowers a backlog)");
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 65535 -> 65535 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(plan.sysctls[0].reason, "already covers the largest need, 2000 (nginx 80); tune never lowers it");
  EXPECT_FALSE(plan.HasChanges());
}

TEST(TunePlan, PerPortOverridesAndHeadroom) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", "http { server { listen 80; listen 443 ssl; listen 8443; } }\n");
  LoadSpec load = Everywhere(10000, 100, 1500);             // 1500
  load.ports[443] = {30000, std::nullopt, Headroom{1250}};  // 30000 x 100 ms x 1.25 = 3750
  load.ports[8443] = {std::nullopt, 400, std::nullopt};     // 10000 x 400 ms x 1.5 = 6000
  const TunePlan plan = PlanTuning(t.Load("6.1"), load);
  ASSERT_EQ(plan.listeners.size(), 3u);
  EXPECT_EQ(plan.listeners[0].reason, "10000/s × 100 ms × 1.5 = 1500");
  EXPECT_EQ(plan.listeners[1].reason, "30000/s × 100 ms × 1.25 = 3750");
  EXPECT_EQ(plan.listeners[2].reason, "10000/s × 400 ms × 1.5 = 6000");
  EXPECT_EQ(Dump(plan.listeners[0].proposed), "{1500 'backlog=1500' accept 1500 syn 1500..1501}");
  EXPECT_EQ(Dump(plan.listeners[1].proposed), "{3750 'backlog=3750' accept 3750 syn 3750..3751}");
  EXPECT_EQ(Dump(plan.listeners[2].proposed), "{6000 'backlog=6000' accept 6000 syn 6000..6001}");
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 4096 -> 6000 (Linux 6.1 default)");
  EXPECT_EQ(plan.sysctls[0].reason,
            "listen() caps every backlog at somaxconn; raised to the largest need, 6000 (nginx 8443)");
}

TEST(TunePlan, ListenersOfOneNginxSocketShareTheListenWithOptions) {
  TestHost t;
  t.File("etc/nginx/nginx.conf",
         "http {\n  server { listen 80; }\n  server { listen *:80 reuseport; }\n  server { listen [::]:80; "
         "}\n}\n");
  const TunePlan plan = PlanTuning(t.Load("6.1"), Everywhere(20000, 50));
  // One row per socket: `listen 80` shares the socket of `listen *:80 reuseport`.
  ASSERT_EQ(plan.listeners.size(), 2u);
  ASSERT_EQ(plan.backlogs.size(), 2u);   // 0.0.0.0:80 once, [::]:80 once
  EXPECT_EQ(plan.backlogs[0].view, 0u);  // the listen that already has options
  EXPECT_EQ(plan.backlogs[0].setting, "'backlog=' of nginx *:80");
  EXPECT_EQ(plan.backlogs[1].view, 1u);
  EXPECT_EQ(plan.listeners[0].setting, "'backlog=' of nginx *:80");
  EXPECT_EQ(Dump(plan.listeners[0].proposed), "{2000 'backlog=2000' accept 2000 syn 2000..2001}");
}

TEST(TunePlan, ApacheListenersShareOneListenBacklog) {
  TestHost t;
  t.File("etc/apache2/apache2.conf", "Listen 80\nListen 443\n");
  LoadSpec load = Everywhere(20000, 50);                  // 2000
  load.ports[443] = {60000, std::nullopt, std::nullopt};  // 6000
  const TunePlan plan = PlanTuning(t.Load("6.1"), load);
  ASSERT_EQ(plan.listeners.size(), 2u);
  ASSERT_EQ(plan.backlogs.size(), 1u);
  EXPECT_EQ(plan.backlogs[0].setting, "'ListenBacklog' of apache2");
  EXPECT_EQ(plan.backlogs[0].to, 6000);
  EXPECT_EQ(Dump(plan.listeners[0].proposed), "{6000 'ListenBacklog 6000' accept 6000 syn 6000..6001}");
  EXPECT_EQ(plan.listeners[0].reason,
            "20000/s × 50 ms × 2 = 2000; shares 'ListenBacklog' of apache2 with a listener that needs 6000");
  EXPECT_EQ(plan.listeners[1].reason, "60000/s × 50 ms × 2 = 6000");
}

TEST(TunePlan, SystemdSocketsFrom254OnlyNeedSomaxconn) {
  TestHost t;
  t.File("etc/systemd/system/app.socket", "[Socket]\nListenStream=9000\n");
  const LoadSpec load = Everywhere(50000, 100);  // 10000
  const TunePlan plan = PlanTuning(t.Load("6.1", 254), load);
  EXPECT_TRUE(plan.backlogs.empty());
  const ListenerPlan& l = plan.listeners.at(0);
  EXPECT_EQ(Dump(l.current), "{2147483647 'default Backlog=' accept 4096 syn 4096..4097}");
  EXPECT_EQ(Dump(l.proposed), "{2147483647 'default Backlog=' accept 10000 syn 10000..10001}");
  EXPECT_EQ(l.reason,
            "50000/s × 100 ms × 2 = 10000; app.socket asks for INT_MAX (systemd >= 254), so somaxconn "
            "decides");
  EXPECT_EQ(plan.sysctls[0].proposed, 10000);
  EXPECT_TRUE(plan.warnings.empty());

  // Before 254 the default is libc's SOMAXCONN (4096 with glibc >= 2.31): Backlog= must be set.
  const TunePlan old = PlanTuning(t.Load("6.1", 252), load);
  ASSERT_EQ(old.backlogs.size(), 1u);
  EXPECT_EQ(old.backlogs[0].setting, "'Backlog=' of app.socket");
  EXPECT_EQ(Dump(old.listeners.at(0).proposed), "{10000 'Backlog=10000' accept 10000 syn 10000..10001}");

  // Unknown version: assumed >= 254, and said so.
  const TunePlan unknown = PlanTuning(t.Load("6.1"), load);
  EXPECT_TRUE(unknown.backlogs.empty());
  ASSERT_EQ(unknown.warnings.size(), 1u);
  EXPECT_EQ(unknown.warnings[0],
            "systemd version unknown: assumed >= 254, where a socket unit without Backlog= asks for INT_MAX; "
            "pass --systemd-version for older ones");
}

TEST(TunePlan, SyncookiesBecomeOne) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("etc/sysctl.d/60-net.conf", "net.ipv4.tcp_syncookies = 0\n");
  const TunePlan off = PlanTuning(t.Load("6.1"), Everywhere(20000, 50));
  EXPECT_EQ(Dump(off.sysctls[2]), "net.ipv4.tcp_syncookies 0 -> 1 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(
      off.sysctls[2].reason,
      "0 drops SYNs once the SYN queue is full; 1 answers them with cookies only then, so a burst beyond "
      "the queue is not lost");
  // With cookies off, unproven peers are dropped once tcp_max_syn_backlog - it/4 + 1 are pending:
  // its default max(128, ehash_entries / 128) is 128..4096 by the machine's memory, so 97..3073.
  // The SYN queue holds 511, or 512 from 6.1.125 (3479c7549fb1): "6.1" says both.
  EXPECT_EQ(Dump(off.listeners.at(0).current), "{511 'default backlog 511' accept 511 syn 511..512 early 97..3073}");
  EXPECT_EQ(Dump(off.listeners.at(0).proposed), "{2000 'backlog=2000' accept 2000 syn 2000..2001}");

  TestHost always;
  always.File("etc/sysctl.d/60-net.conf", "net.ipv4.tcp_syncookies = 2\n");
  const TunePlan two = PlanTuning(always.Load("6.1"), Everywhere(20000, 50));
  EXPECT_EQ(Dump(two.sysctls[2]), "net.ipv4.tcp_syncookies 2 -> 1 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(
      two.sysctls[2].reason,
      "2 sends cookies for every SYN, even when the queue has room; 1 sends them only when the SYN queue "
      "overflows");
  ASSERT_EQ(two.warnings.size(), 1u);
  EXPECT_EQ(two.warnings[0], "no TCP listener found under the root; only kernel settings are proposed");
}

TEST(TunePlan, UndocumentedSyncookiesModeBecomesOne) {
  TestHost t;
  t.File("etc/sysctl.d/60-net.conf", "net.ipv4.tcp_syncookies = 3\n");
  const TunePlan plan = PlanTuning(t.Load("6.1"), Everywhere(20000, 50));
  EXPECT_EQ(Dump(plan.sysctls[2]), "net.ipv4.tcp_syncookies 3 -> 1 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(plan.sysctls[2].reason,
            "3 is not a documented mode (0, 1 or 2); 1 sends cookies only when the SYN queue overflows");
}

TEST(TunePlan, PortsWithoutLoadAreLeftAndReported) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", "http { server { listen 80; listen 8080; } }\n");
  LoadSpec load;
  load.ports[80] = {20000, 50, std::nullopt};
  load.ports[443] = {20000, 50, std::nullopt};
  const TunePlan plan = PlanTuning(t.Load("6.1"), load);
  ASSERT_EQ(plan.listeners.size(), 2u);
  EXPECT_TRUE(plan.listeners[0].sized);
  EXPECT_FALSE(plan.listeners[1].sized);
  EXPECT_FALSE(plan.listeners[1].Changes());
  EXPECT_EQ(plan.listeners[1].reason, "no load given for port 8080");
  ASSERT_EQ(plan.backlogs.size(), 1u);
  ASSERT_EQ(plan.warnings.size(), 2u);
  EXPECT_EQ(plan.warnings[0],
            "no load given for port 8080 (nginx 8080); its backlog is left as is (give --peak-rate and "
            "--accept-delay, or --port 8080:...)");
  EXPECT_EQ(plan.warnings[1], "--port 443: no TCP listener on port 443 under the root");
}

TEST(TunePlan, SomaxconnNeverBelowTheKernelDefault) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80).File("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 256\n");
  const TunePlan plan = PlanTuning(t.Load("6.1"), Everywhere(1000, 100));  // 200
  EXPECT_TRUE(plan.backlogs.empty());                                      // nginx's 511 covers 200
  EXPECT_EQ(Dump(plan.sysctls[0]), "net.core.somaxconn 256 -> 4096 (etc/sysctl.d/60-net.conf:1)");
  EXPECT_EQ(
      plan.sysctls[0].reason,
      "the Linux 6.1 default 4096 covers the largest need, 200 (nginx 80); tune never proposes less than "
      "the kernel default");
}

TEST(TunePlan, MaxBacklogPerKernel) {
  TestHost t;
  EXPECT_EQ(MaxBacklog(t.Load("3.10")), 65535);
  EXPECT_EQ(MaxBacklog(t.Load("4.0")), 65535);
  EXPECT_EQ(MaxBacklog(t.Load("4.1")), INT_MAX);
  EXPECT_EQ(MaxBacklog(t.Load("6.1")), INT_MAX);
}

}  // namespace
}  // namespace synlint::tune
