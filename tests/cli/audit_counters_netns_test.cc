// SPDX-License-Identifier: MIT
// `synlint audit`'s counters, `--watch` and `--kernel-log` against the real
// kernel (SL304, SL305): each test moves this process into a new network
// namespace (unshare -n), brings up lo, opens a loopback listener on
// 127.0.0.1:8080 with backlog 4 that never accepts (the fixture
// tests/cli/audit_fixtures/web configures nginx there with backlog=511),
// makes a bounded burst of 10 non-blocking connects, and runs the real binary
// in that namespace. Nothing outside the test's own namespace is touched.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/integration/integration_util.h"
#include "tests/model/live_netns.h"

extern char** environ;

namespace synlint::testing {
namespace {

const std::string kFixture = std::string(SYNLINT_SOURCE_DIR) + "/tests/cli/audit_fixtures/web";
constexpr int kBacklog = 4;    // the accept queue holds 5
constexpr int kConnects = 10;  // so 5 overflow

/// A loopback listener on 127.0.0.1:8080, where the fixture's nginx listens.
struct Listener8080 {
  int fd = -1;
  explicit Listener8080(int defer_accept) {
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (defer_accept > 0) setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &defer_accept, sizeof defer_accept);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(8080);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || listen(fd, kBacklog) != 0) {
      close(fd);
      fd = -1;
    }
  }
  ~Listener8080() {
    if (fd >= 0) close(fd);
  }
  std::vector<int> Burst() const {
    std::vector<int> clients;
    for (int i = 0; i < kConnects; ++i) {
      const int c = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_port = htons(8080);
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a);
      clients.push_back(c);
    }
    return clients;
  }
};

class AuditCountersNetns : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = EnterNewNetns();
    if (!why.empty()) GTEST_SKIP() << "cannot make a network namespace here (" << why << ")";
  }

  CommandResult Audit(const std::string& args) {
    return RunShell(Quote(SYNLINT_BIN) + " audit --root " + Quote(kFixture) + " " + args);
  }

  /// Starts `synlint audit ARGS` in the background (this namespace), its
  /// stdout to a file; Wait() returns it.
  void Start(const std::vector<std::string>& args) {
    out_path_ = dir_.path() + "/out";
    std::vector<std::string> argv = {SYNLINT_BIN, "audit", "--root", kFixture};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (std::string& a : argv) cargv.push_back(a.data());
    cargv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, (out_path_ + ".err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ASSERT_EQ(posix_spawn(&pid_, SYNLINT_BIN, &actions, nullptr, cargv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
  }
  /// Waits (at most 30 s) for the background audit; its stdout.
  std::string Wait() {
    int status = 0;
    for (int i = 0; i < 3000 && waitpid(pid_, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    std::ifstream in(out_path_);
    std::stringstream s;
    s << in.rdbuf();
    std::ifstream err(out_path_ + ".err");
    std::stringstream e;
    e << err.rdbuf();
    err_ = e.str();
    return s.str();
  }

  static std::vector<YAML::Node> Findings(const YAML::Node& report, const std::string& rule) {
    std::vector<YAML::Node> out;
    for (const auto& f : report["findings"])
      if (f["rule"].as<std::string>() == rule) out.push_back(f);
    return out;
  }

  TempDir dir_;
  std::string out_path_;
  std::string err_;
  pid_t pid_ = -1;
};

// Totals without --watch: the overflows are known, their rate is not: info,
// tied to the listener whose accept queue is full now.
TEST_F(AuditCountersNetns, TotalsWithoutWatchAreInfoTiedToTheFullListener) {
  Listener8080 l(0);
  ASSERT_GE(l.fd, 0);
  std::vector<int> clients = l.Burst();
  const CommandResult r = Audit("--format json");
  CloseAll(&clients);
  const YAML::Node report = YAML::Load(r.out);
  EXPECT_EQ(report["live"]["counters"]["TcpExt.ListenOverflows"].as<int>(), 5) << Describe(r);
  EXPECT_EQ(report["live"]["counters"]["TcpExt.ListenDrops"].as<int>(), 5);
  EXPECT_FALSE(report["live"]["rates"].IsDefined() && report["live"]["rates"].size() > 0);
  const std::vector<YAML::Node> f = Findings(report, "SL304");
  ASSERT_EQ(f.size(), 1u) << r.out;
  EXPECT_EQ(f[0]["severity"].as<std::string>(), "info");
  EXPECT_EQ(f[0]["file"].as<std::string>(), "etc/nginx/nginx.conf");
  EXPECT_EQ(f[0]["line"].as<int>(), 3);
  EXPECT_NE(f[0]["message"].as<std::string>().find("'TcpExt.ListenOverflows' is 5 in total"), std::string::npos)
      << f[0]["message"];
  EXPECT_NE(f[0]["message"].as<std::string>().find("its accept queue holds 5 connections for a limit of 4"),
            std::string::npos)
      << f[0]["message"];
  EXPECT_TRUE(Findings(report, "SL305").empty()) << r.out;
}

// --watch: a burst between the two samples is a rising counter: a warning.
TEST_F(AuditCountersNetns, WatchSeesListenOverflowsRiseAndNamesTheListener) {
  Listener8080 l(0);
  ASSERT_GE(l.fd, 0);
  Start({"--watch", "1.5", "--format", "json"});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  std::vector<int> clients = l.Burst();
  const std::string out = Wait();
  CloseAll(&clients);
  const YAML::Node report = YAML::Load(out);
  ASSERT_TRUE(report["live"]["rates"].IsDefined()) << out << err_;
  const YAML::Node rates = report["live"]["rates"];
  EXPECT_GE(rates["seconds"].as<double>(), 1.5);
  // 5 at the burst; a client's SYN is sent again after 1 s, and dropped again.
  EXPECT_GE(rates["increase"]["TcpExt.ListenOverflows"].as<int>(), 5) << out;
  EXPECT_EQ(rates["increase"]["TcpExt.ListenOverflows"].as<int>(), rates["increase"]["TcpExt.ListenDrops"].as<int>());
  const std::vector<YAML::Node> f = Findings(report, "SL304");
  ASSERT_EQ(f.size(), 1u) << out;
  EXPECT_EQ(f[0]["severity"].as<std::string>(), "warning");
  EXPECT_EQ(f[0]["file"].as<std::string>(), "etc/nginx/nginx.conf");
  EXPECT_NE(f[0]["message"].as<std::string>().find("'TcpExt.ListenOverflows' rose by "), std::string::npos) << f[0]["message"];
  EXPECT_NE(f[0]["message"].as<std::string>().find("min(backlog=511, somaxconn 1024) = 511"), std::string::npos)
      << f[0]["message"];
}

// --watch with nothing happening: silent.
TEST_F(AuditCountersNetns, WatchWithoutOverflowsIsSilent) {
  Listener8080 l(0);
  ASSERT_GE(l.fd, 0);
  const CommandResult r = Audit("--watch 0.3 --format json");
  const YAML::Node report = YAML::Load(r.out);
  EXPECT_EQ(report["live"]["rates"]["increase"]["TcpExt.ListenOverflows"].as<int>(), 0) << Describe(r);
  EXPECT_TRUE(Findings(report, "SL304").empty()) << r.out;
  EXPECT_TRUE(Findings(report, "SL305").empty()) << r.out;
}

// A SYN-queue overflow (TCP_DEFER_ACCEPT keeps the requests in the SYN
// queue), syncookies 1: TCPReqQFullDoCookies rises; the listener's SYN_RECV
// count is at its limit.
TEST_F(AuditCountersNetns, WatchSeesTheSynQueueOverflow) {
  ASSERT_TRUE(WriteProcSys("net/ipv4/tcp_syncookies", "1"));
  Listener8080 l(30);
  ASSERT_GE(l.fd, 0);
  Start({"--watch", "1", "--format", "json"});
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  std::vector<int> clients = l.Burst();
  const std::string out = Wait();
  CloseAll(&clients);
  const YAML::Node report = YAML::Load(out);
  EXPECT_EQ(report["live"]["rates"]["increase"]["TcpExt.TCPReqQFullDoCookies"].as<int>(), 5) << out << err_;
  const std::vector<YAML::Node> f = Findings(report, "SL305");
  ASSERT_EQ(f.size(), 1u) << out;
  EXPECT_EQ(f[0]["severity"].as<std::string>(), "warning");
  EXPECT_EQ(f[0]["file"].as<std::string>(), "etc/nginx/nginx.conf");
  const std::string m = f[0]["message"].as<std::string>();
  EXPECT_NE(m.find("'TcpExt.TCPReqQFullDoCookies' rose by 5"), std::string::npos) << m;
  EXPECT_NE(m.find("its SYN queue holds 5 requests now; limit 5"), std::string::npos) << m;
  EXPECT_TRUE(Findings(report, "SL304").empty()) << out;
}

// The kernel's own line, in a log file given with --kernel-log.
TEST_F(AuditCountersNetns, KernelLogLineNamesTheListenerAndItsSynQueue) {
  Listener8080 l(0);
  ASSERT_GE(l.fd, 0);
  const std::string log = dir_.path() + "/kern.log";
  std::ofstream(log) << "Dec  7 22:00:00 web kernel: [ 1.0] Linux version 6.18\n"
                        "Dec  7 22:01:00 web kernel: [61.5] TCP: request_sock_TCP: Possible SYN flooding on port "
                        "127.0.0.1:8080. Sending cookies.\n";
  const CommandResult r = Audit("--kernel-log " + Quote(log) + " --format json");
  const YAML::Node report = YAML::Load(r.out);
  const std::vector<YAML::Node> f = Findings(report, "SL305");
  ASSERT_EQ(f.size(), 1u) << Describe(r);
  EXPECT_EQ(f[0]["severity"].as<std::string>(), "warning");
  EXPECT_EQ(f[0]["file"].as<std::string>(), "etc/nginx/nginx.conf");
  EXPECT_EQ(f[0]["line"].as<int>(), 3);
  const std::string m = f[0]["message"].as<std::string>();
  EXPECT_NE(m.find("'Possible SYN flooding on port 127.0.0.1:8080. Sending cookies.' (" + log + ":2)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("limit 5 = the accept-queue limit 4 + 1 = 5"), std::string::npos) << m;
  EXPECT_NE(m.find("raise the backlog (backlog=511, etc/nginx/nginx.conf:3)"), std::string::npos) << m;
}

TEST_F(AuditCountersNetns, KernelLogThatCannotBeReadIsAnError) {
  const CommandResult r = Audit("--kernel-log /nonexistent/kern.log");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("--kernel-log: /nonexistent/kern.log: No such file or directory"), std::string::npos)
      << Describe(r);
}

// On a terminal, --watch shows one line per listener every SECONDS
// (--watch-count bounds it here); `script` gives the binary a terminal.
TEST_F(AuditCountersNetns, WatchOnATerminalShowsEachListener) {
  if (RunShell("command -v script").exit_code != 0) GTEST_SKIP() << "no script(1) to make a terminal";
  Listener8080 l(0);
  ASSERT_GE(l.fd, 0);
  std::vector<int> clients = l.Burst();
  const std::string cmd = Quote(SYNLINT_BIN) + " audit --root " + Quote(kFixture) + " --watch 0.2 --watch-count 3";
  const CommandResult r = RunShell("script -qec " + Quote(cmd) + " /dev/null");
  CloseAll(&clients);
  EXPECT_NE(r.out.find("127.0.0.1:8080  accept queue 5/4 FULL, SYN_RECV 0"), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("  ListenOverflows "), std::string::npos) << Describe(r);
}

}  // namespace
}  // namespace synlint::testing
