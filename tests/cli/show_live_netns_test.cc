// SPDX-License-Identifier: MIT
// `show --live` and `explain PORT --live` (issue #21): the running socket's
// figures beside the model, read from the real kernel in a network namespace
// of the test's own (loopback only; nothing outside it is touched).
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "tests/integration/integration_util.h"
#include "tests/model/live_netns.h"

namespace synlint::testing {
namespace {

const std::string kFixture = std::string(SYNLINT_SOURCE_DIR) + "/tests/cli/audit_fixtures/web";

class ShowLiveNetns : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string why = EnterNewNetns();
    if (!why.empty()) GTEST_SKIP() << "cannot make a network namespace here (" << why << ")";
    // The fixture's nginx listens on 127.0.0.1:8080 with backlog=511; this
    // socket asks for 4, as if opened before the files changed.
    fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(fd_, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(8080);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    ASSERT_EQ(listen(fd_, 4), 0);
    for (int i = 0; i < 2; ++i) {  // two connections wait in the accept queue
      const int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
      ASSERT_EQ(connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
      clients_.push_back(c);
    }
  }
  void TearDown() override {
    for (int c : clients_) close(c);
    if (fd_ >= 0) close(fd_);
  }
  CommandResult Run(const std::string& args) {
    return RunShell(Quote(SYNLINT_BIN) + " " + args + " --root " + Quote(kFixture));
  }
  int fd_ = -1;
  std::vector<int> clients_;
};

TEST_F(ShowLiveNetns, ShowLiveAddsTheRunningSocketBesideTheModel) {
  const CommandResult r = Run("show --live");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("kernel: "), std::string::npos);
  EXPECT_NE(r.out.find("(running kernel)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("running kernel: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  net.core.somaxconn running 4096\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    running 127.0.0.1:8080: accept queue 4, 2 waiting, 0 in SYN_RECV; pid "),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("      the files give 511, the socket runs with 4: it was opened before a change"),
            std::string::npos)
      << r.out;
  // Without --live, nothing of the running kernel.
  const CommandResult plain = Run("show");
  ASSERT_EQ(plain.exit_code, 0) << Describe(plain);
  EXPECT_EQ(plain.out.find("running"), std::string::npos) << plain.out;
}

TEST_F(ShowLiveNetns, ShowLiveJsonHasEachListenersRunningSocketAndTheLiveObject) {
  const CommandResult r = Run("show --live --format json");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node d = YAML::Load(r.out);
  const YAML::Node running = d["listeners"][0]["running"];
  ASSERT_TRUE(running.IsSequence()) << r.out;
  ASSERT_EQ(running.size(), 1u) << r.out;
  EXPECT_EQ(running[0]["endpoint"].as<std::string>(), "127.0.0.1:8080");
  EXPECT_EQ(running[0]["accept_queue_limit"].as<int>(), 4);
  EXPECT_EQ(running[0]["accept_queue_now"].as<int>(), 2);
  EXPECT_EQ(running[0]["pid"].as<int>(), getpid());
  EXPECT_EQ(d["live"]["sysctl"]["net.core.somaxconn"].as<std::string>(), "4096");
  EXPECT_EQ(d["live"]["counters"]["TcpExt.ListenOverflows"].as<int>(), 0);
}

TEST_F(ShowLiveNetns, ExplainPortLiveNamesTheRunningSocket) {
  const CommandResult r = Run("explain 8080 --live");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("  running 127.0.0.1:8080: accept queue 4, 2 waiting, 0 in SYN_RECV"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("running kernel: "), std::string::npos) << r.out;
  // Closed: the model stays, the running line says there is no socket.
  close(fd_);
  fd_ = -1;
  const CommandResult gone = Run("explain 8080 --live");
  ASSERT_EQ(gone.exit_code, 0) << Describe(gone);
  EXPECT_NE(gone.out.find("  running: no listening socket for it in this network namespace"), std::string::npos)
      << gone.out;
}

}  // namespace
}  // namespace synlint::testing
