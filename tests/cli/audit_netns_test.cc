// SPDX-License-Identifier: MIT
// `synlint audit` against the real kernel: each test moves this process into
// a new network namespace (unshare -n), brings up lo, sets somaxconn there,
// opens real listening sockets with chosen backlogs, connects without
// accepting (a handful of connections, loopback only), and runs the real
// binary in that namespace on a fixture root (tests/cli/audit_fixtures/web:
// nginx listening on 127.0.0.1:8080 with backlog=511, a sysctl file with
// somaxconn 1024 and tcp_synack_retries 3). Nothing outside the test's own
// namespace is touched.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

const std::string kFixture = std::string(SYNLINT_SOURCE_DIR) + "/tests/cli/audit_fixtures/web";

void WriteProcSys(const std::string& key_path, const std::string& value) {
  std::ofstream out("/proc/sys/" + key_path);
  out << value;
  out.close();
  ASSERT_TRUE(out) << "cannot write /proc/sys/" << key_path;
}

/// A listening TCP socket on 127.0.0.1:`port`, closed with the test.
class Listener {
 public:
  Listener(uint16_t port, int backlog, bool defer_accept = false) {
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    EXPECT_GE(fd_, 0);
    const int one = 1, secs = 30;
    setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (defer_accept) {
      EXPECT_EQ(setsockopt(fd_, IPPROTO_TCP, TCP_DEFER_ACCEPT, &secs, sizeof secs), 0);
    }
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0) << std::strerror(errno);
    EXPECT_EQ(listen(fd_, backlog), 0) << std::strerror(errno);
  }
  ~Listener() {
    for (int c : clients_) close(c);
    close(fd_);
  }
  /// Connects `n` clients that are never accepted (and send nothing).
  void Connect(int n) {
    for (int i = 0; i < n; ++i) {
      const int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      sockaddr_in a{};
      a.sin_family = AF_INET;
      socklen_t len = sizeof a;
      getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
      EXPECT_EQ(connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a), 0) << std::strerror(errno);
      clients_.push_back(c);
    }
  }

 private:
  int fd_ = -1;
  std::vector<int> clients_;
};

class AuditNetnsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (unshare(CLONE_NEWNET) != 0) {
      if (errno == EPERM && geteuid() != 0) GTEST_SKIP() << "unshare(CLONE_NEWNET) needs root; not root";
      FAIL() << "unshare(CLONE_NEWNET): " << std::strerror(errno);
    }
    // ip link set lo up
    const int s = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    ifreq ifr{};
    std::strcpy(ifr.ifr_name, "lo");
    ASSERT_EQ(ioctl(s, SIOCGIFFLAGS, &ifr), 0);
    ifr.ifr_flags |= IFF_UP;
    ASSERT_EQ(ioctl(s, SIOCSIFFLAGS, &ifr), 0) << std::strerror(errno);
    close(s);
  }

  /// `synlint audit --root FIXTURE ARGS` in this namespace.
  CommandResult Audit(const std::string& args, const std::string& prefix = "") {
    return RunShell(prefix + Quote(SYNLINT_BIN) + " audit --root " + Quote(kFixture) + " " + args);
  }

  /// The JSON report's live listener on `port` (a null node when absent).
  static YAML::Node LiveListener(const YAML::Node& report, int port) {
    for (const auto& l : report["live"]["listeners"]) {
      if (l["port"].as<int>() == port) return l;
    }
    return YAML::Node();
  }

  /// The findings of `rule` in a JSON report.
  static std::vector<YAML::Node> Findings(const YAML::Node& report, const std::string& rule) {
    std::vector<YAML::Node> out;
    for (const auto& f : report["findings"]) {
      if (f["rule"].as<std::string>() == rule) out.push_back(f);
    }
    return out;
  }
};

// The "done means": somaxconn 128, a listener opened with backlog
// 511, then somaxconn 1024 in a sysctl file and applied.
TEST_F(AuditNetnsTest, ListenerOpenedBeforeSomaxconnWasRaisedIsStale) {
  WriteProcSys("net/core/somaxconn", "128");
  Listener nginx(8080, 511);
  const auto applied = RunShell("sysctl -w net.core.somaxconn=1024");
  ASSERT_EQ(applied.exit_code, 0) << Describe(applied);
  nginx.Connect(3);

  const auto r = Audit("--format json --fail-on never");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  const YAML::Node l = LiveListener(report, 8080);
  ASSERT_TRUE(l) << r.out;
  EXPECT_EQ(l["address"].as<std::string>(), "127.0.0.1");
  EXPECT_EQ(l["accept_queue_limit"].as<int>(), 128);  // what the kernel gave at listen()
  EXPECT_EQ(l["accept_queue_now"].as<int>(), 3);
  EXPECT_EQ(l["syn_recv_now"].as<int>(), 0);
  EXPECT_EQ(l["pid"].as<int>(), getpid());
  EXPECT_EQ(report["live"]["sysctl"]["net.core.somaxconn"].as<std::string>(), "1024");

  const auto stale = Findings(report, "SL302");
  ASSERT_EQ(stale.size(), 1u) << r.out;
  EXPECT_EQ(stale[0]["file"].as<std::string>(), "etc/nginx/nginx.conf");
  EXPECT_EQ(stale[0]["line"].as<int>(), 3);
  const std::string m = stale[0]["message"].as<std::string>();
  EXPECT_NE(m.find("nginx 127.0.0.1:8080 is listening on 127.0.0.1:8080 (pid " + std::to_string(getpid())),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("with accept-queue limit 128, but reopened now it gets 511: min(backlog=511, somaxconn "
                   "1024) = 511 with the running 'net.core.somaxconn'; the socket was opened when "
                   "'net.core.somaxconn' was 128"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("reopen it with 'systemctl restart nginx'"), std::string::npos) << m;
  // The file and the running value agree on somaxconn: no drift for it.
  for (const auto& f : Findings(report, "SL303"))
    EXPECT_EQ(f["message"].as<std::string>().find("'net.core.somaxconn'"), std::string::npos) << f["message"];

  // The text format says the same, with the running figures.
  const auto text = Audit("--fail-on never --select SL302");
  EXPECT_NE(text.out.find("etc/nginx/nginx.conf:3:"), std::string::npos) << Describe(text);
  EXPECT_NE(text.out.find("  127.0.0.1:8080  accept queue 3/128, SYN_RECV 0, pid " + std::to_string(getpid())),
            std::string::npos)
      << Describe(text);
}

TEST_F(AuditNetnsTest, ListenerOpenedUnderTheRunningSomaxconnIsNotStale) {
  WriteProcSys("net/core/somaxconn", "1024");
  Listener nginx(8080, 511);
  const auto r = Audit("--format json --fail-on never");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  EXPECT_EQ(LiveListener(report, 8080)["accept_queue_limit"].as<int>(), 511);
  EXPECT_TRUE(Findings(report, "SL302").empty()) << r.out;
  EXPECT_TRUE(Findings(report, "SL306").empty()) << r.out;
}

TEST_F(AuditNetnsTest, RunningValueThatDiffersFromTheFixtureFile) {
  // A new namespace starts at the kernel's tcp_synack_retries (5); the
  // fixture's file says 3.
  WriteProcSys("net/core/somaxconn", "1024");
  WriteProcSys("net/ipv4/tcp_synack_retries", "5");
  const auto r = Audit("--format json --fail-on never --select SL303");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  const YAML::Node* drift = nullptr;
  const auto found = Findings(report, "SL303");
  for (const auto& f : found) {
    if (f["message"].as<std::string>().find("'net.ipv4.tcp_synack_retries'") != std::string::npos) drift = &f;
  }
  ASSERT_NE(drift, nullptr) << r.out;
  EXPECT_EQ((*drift)["file"].as<std::string>(), "etc/sysctl.d/60-web.conf");
  EXPECT_EQ((*drift)["line"].as<int>(), 2);
  EXPECT_EQ((*drift)["message"].as<std::string>(),
            "'net.ipv4.tcp_synack_retries' is 5 in the running kernel (this network namespace), but the "
            "sysctl files set 3 (etc/sysctl.d/60-web.conf:2); the sysctl loader runs in the host's namespace, "
            "so this namespace keeps 5 until whoever created it writes another value");
  // Set it as the file says: the drift is gone.
  WriteProcSys("net/ipv4/tcp_synack_retries", "3");
  const YAML::Node after = YAML::Load(Audit("--format json --fail-on never --select SL303").out);
  for (const auto& f : Findings(after, "SL303"))
    EXPECT_EQ(f["message"].as<std::string>().find("tcp_synack_retries"), std::string::npos) << f["message"];
}

TEST_F(AuditNetnsTest, ListenerNoConfigurationExplainsIsReportedWithItsOwner) {
  Listener other(9000, 64);
  const auto r = Audit("--format json --fail-on never --select SL306");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  const auto found = Findings(report, "SL306");
  ASSERT_EQ(found.size(), 1u) << r.out;
  EXPECT_EQ(found[0]["severity"].as<std::string>(), "info");
  EXPECT_EQ(found[0]["file"].as<std::string>(), "proc/net/tcp");
  const std::string m = found[0]["message"].as<std::string>();
  EXPECT_NE(m.find("127.0.0.1:9000 is listening (pid " + std::to_string(getpid()) + " 'audit_netns_tes'"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("with accept-queue limit 64, 0 waiting to be accepted, 0 in SYN_RECV"), std::string::npos) << m;
}

TEST_F(AuditNetnsTest, SynRecvRequestsAreCountedPerListener) {
  // With TCP_DEFER_ACCEPT the final ACK without data leaves each request in
  // SYN_RECV (tcp_check_req()), so the clients below stay there.
  WriteProcSys("net/core/somaxconn", "4096");
  Listener deferred(8080, 511, /*defer_accept=*/true);
  deferred.Connect(4);
  const auto r = Audit("--format json --fail-on never");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node l = LiveListener(YAML::Load(r.out), 8080);
  ASSERT_TRUE(l) << r.out;
  EXPECT_EQ(l["syn_recv_now"].as<int>(), 4);
  EXPECT_EQ(l["accept_queue_now"].as<int>(), 0);
  EXPECT_EQ(l["accept_queue_limit"].as<int>(), 511);
}

TEST_F(AuditNetnsTest, PidAuditsAnotherProcessNamespace) {
  WriteProcSys("net/core/somaxconn", "128");
  Listener nginx(8080, 511);
  // synlint starts in a fresh empty namespace of its own and enters ours.
  const auto r = Audit("--format json --fail-on never --pid " + std::to_string(getpid()), "unshare -n ");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  ASSERT_TRUE(LiveListener(report, 8080)) << r.out;
  EXPECT_EQ(LiveListener(report, 8080)["accept_queue_limit"].as<int>(), 128);
  EXPECT_EQ(report["live"]["netns"].as<std::string>(), "of pid " + std::to_string(getpid()));
  EXPECT_EQ(report["live"]["sysctl"]["net.core.somaxconn"].as<std::string>(), "128");
  // The same through --netns and the namespace's file.
  const auto n = Audit("--format json --fail-on never --netns /proc/" + std::to_string(getpid()) + "/ns/net",
                       "unshare -n ");
  ASSERT_EQ(n.exit_code, 0) << Describe(n);
  EXPECT_EQ(LiveListener(YAML::Load(n.out), 8080)["accept_queue_limit"].as<int>(), 128);
}

TEST_F(AuditNetnsTest, BadNamespaceArgumentsAreClearErrors) {
  auto r = Audit("--netns /nonexistent/ns");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("synlint: error: --netns: cannot open network namespace '/nonexistent/ns': No such file"),
            std::string::npos)
      << Describe(r);
  r = Audit("--netns " + kFixture + "/etc/nginx/nginx.conf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("(not a network namespace)"), std::string::npos) << Describe(r);
  r = Audit("--netns /proc/1/ns/net --pid 1");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--netns and --pid name the namespace twice"), std::string::npos) << Describe(r);
}

TEST_F(AuditNetnsTest, AsAUserItSaysWhatItCouldNotSee) {
  Listener other(9000, 64);
  const std::string as_nobody = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  auto r = Audit("--format json --fail-on never", as_nobody);
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.err.find("synlint: warning: audit could not see everything: 1 listener(s) have no known owner: "),
            std::string::npos)
      << Describe(r);
  EXPECT_NE(r.err.find("Permission denied); as root synlint sees every process"), std::string::npos)
      << Describe(r);
  const YAML::Node report = YAML::Load(r.out);
  EXPECT_TRUE(LiveListener(report, 9000)["pid"].IsNull()) << r.out;
  EXPECT_EQ(report["live"]["unseen"].size(), 1u) << r.out;
  // Entering another namespace needs root.
  r = Audit("--pid 1", as_nobody);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("synlint: error: --pid: cannot open network namespace '/proc/1/ns/net': Permission "
                       "denied (entering another namespace needs root)"),
            std::string::npos)
      << Describe(r);
}

}  // namespace
}  // namespace synlint::testing
