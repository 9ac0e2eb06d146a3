// SPDX-License-Identifier: MIT
// What synlint says about values the kernel version does not decide: the
// default of tcp_max_syn_backlog (computed at boot from the machine's TCP
// established hash), the SYN queue's +1 on a series that got 3479c7549fb1
// mid-way, and Unix sockets, which have no SYN queue (issue #20, points 2,
// 3 and 7). Run through the real binary, on fixture hosts and on this
// machine's own root.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

CommandResult Synlint(const std::string& fixture, const std::string& args) {
  const FixtureHost host = FixtureHostNamed(fixture);
  return RunShell(Quote(SYNLINT_BIN) + " " + args + " --root " + Quote(host.tree));
}

TEST(MachineDefaults, ShowGivesTheFormulaWhenNothingTellsTheMachine) {
  const CommandResult r = Synlint("hosts_listen_max_syn_default_unknown", "show");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("tcp_max_syn_backlog default: max(128, ehash_entries / 128), 128..4096 by the "
                       "machine's memory; computed at boot"),
            std::string::npos)
      << r.out;
  const CommandResult json = Synlint("hosts_listen_max_syn_default_unknown", "show --format json");
  ASSERT_EQ(json.exit_code, 0) << Describe(json);
  EXPECT_TRUE(std::regex_search(json.out, std::regex(R"re("tcp_max_syn_backlog_default":\s*\{\s*"min":\s*128,\s*"max":\s*4096,\s*"formula":\s*"max\(128, ehash_entries / 128\)")re")))
      << json.out;
}

TEST(MachineDefaults, EhashEntriesGiveTheExactDefault) {
  CommandResult r = Synlint("hosts_listen_max_syn_default_unknown", "show --tcp-ehash-entries 262144");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("tcp_max_syn_backlog default: 2048 (--tcp-ehash-entries 262144: max(128, "
                       "ehash_entries / 128))"),
            std::string::npos)
      << r.out;
  r = Synlint("hosts_listen_max_syn_default_unknown", "show --tcp-ehash-entries 262144 --kernel 5.3");
  EXPECT_NE(r.out.find("tcp_max_syn_backlog default: 1024 "), std::string::npos) << r.out;
  for (const char* bad : {"0", "1000", "-4", "4294967296"}) {
    r = Synlint("hosts_listen_max_syn_default_unknown", std::string("show --tcp-ehash-entries ") + bad);
    EXPECT_EQ(r.exit_code, 2) << bad << "\n" << Describe(r);
    EXPECT_NE(r.err.find("--tcp-ehash-entries"), std::string::npos) << r.err;
  }
}

// On this machine's own root the default is what /proc/sys says, when no
// sysctl file sets the key.
TEST(MachineDefaults, LiveRootReadsTheDefaultFromProcSys) {
  std::ifstream in("/proc/sys/net/ipv4/tcp_max_syn_backlog");
  long live = 0;
  if (!(in >> live)) GTEST_SKIP() << "no /proc/sys/net/ipv4/tcp_max_syn_backlog here";
  const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " show --format json");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  if (std::regex_search(r.out, std::regex(R"re("net\.ipv4\.tcp_max_syn_backlog":\s*\{"value")re")))
    GTEST_SKIP() << "a sysctl file on this machine sets tcp_max_syn_backlog";
  const std::string n = std::to_string(live);
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex(R"re("tcp_max_syn_backlog_default":\s*\{\s*"min":\s*)re" + n + R"re(,\s*"max":\s*)re" + n +
                        R"re(,\s*"formula":\s*null,\s*"origin":\s*"read from /proc/sys)re")))
      << r.out;
}

// SL202 is a warning only where the host shows the early drop bites; where
// the machine's memory decides (or the kernel's stable release), it is info.
TEST(MachineDefaults, Sl202SeverityFollowsWhatTheHostShows) {
  CommandResult r = Synlint("hosts_listen_max_syn_default_unknown", "check --select SL202 --kernel 6.1.125");
  EXPECT_NE(r.out.find("etc/nginx/nginx.conf:6:19: warning: "), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("etc/nginx/nginx.conf:10:9: info: "), std::string::npos) << Describe(r);
  r = Synlint("hosts_listen_max_syn_default_unknown",
              "check --select SL202 --kernel 6.1.125 --tcp-ehash-entries 262144");
  EXPECT_NE(r.out.find("etc/nginx/nginx.conf:6:19: warning: "), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("etc/nginx/nginx.conf:10:9:"), std::string::npos) << Describe(r);
  r = Synlint("hosts_listen_syn_queue_6_1", "check --select SL202 --kernel 6.1");
  EXPECT_NE(r.out.find(": info: "), std::string::npos) << Describe(r);
  r = Synlint("hosts_listen_syn_queue_6_1", "check --select SL202 --kernel 6.1.125");
  EXPECT_NE(r.out.find(": warning: "), std::string::npos) << Describe(r);
  r = Synlint("hosts_listen_syn_queue_6_1", "check --select SL202 --kernel 6.1.124");
  EXPECT_EQ(r.out.find("[SL202]"), std::string::npos) << Describe(r);
}

TEST(MachineDefaults, ExplainNamesBothSidesOfAMidSeriesChange) {
  CommandResult r = Synlint("hosts_listen_syn_queue_6_1", "explain 80");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("accept queue        769 = min(backlog=769, somaxconn 4096) = 769; it holds 770"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("SYN queue           769..770 = Linux 6.1 before 6.1.125 holds the "
                       "accept-queue limit 769, from 6.1.125 one more (770, 3479c7549fb1)"),
            std::string::npos)
      << r.out;
  r = Synlint("hosts_listen_syn_queue_6_1", "explain 80 --kernel 6.1.125");
  EXPECT_NE(r.out.find("SYN queue           770 = the accept-queue limit 769 + 1 = 770"), std::string::npos)
      << r.out;
  r = Synlint("hosts_listen_syn_queue_6_1", "explain 80 --kernel 6.1.124");
  EXPECT_NE(r.out.find("SYN queue           769 = the accept-queue limit 769 (Linux >= 4.4"), std::string::npos)
      << r.out;
}

TEST(MachineDefaults, UnixSocketsHaveNoSynQueue) {
  const CommandResult r = Synlint("hosts_listen_unix_sockets", "explain /run/acpid.socket");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("accept queue        4096 = min(default Backlog= (INT_MAX), somaxconn 4096) = 4096"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("SYN queue           none: a Unix socket"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("SYN_RECV"), std::string::npos) << r.out;
  const CommandResult json = Synlint("hosts_listen_unix_sockets", "show --format json");
  EXPECT_TRUE(std::regex_search(
      json.out, std::regex(R"re("address_text":\s*"/run/acpid.socket"[^}]*"syn_queue_limit":\s*null)re")))
      << json.out;
}

}  // namespace
}  // namespace synlint::testing
