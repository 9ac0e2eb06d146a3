// SPDX-License-Identifier: MIT
// `synlint audit --all-netns` (issue #21): a child process of the test makes
// a network namespace of its own with a loopback listener; the real binary,
// run from the test's namespace, lists that namespace with the listener and
// the command that audits it. Read only outside the child's namespace.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <string>

#include "tests/integration/integration_util.h"
#include "tests/model/live_netns.h"

namespace synlint::testing {
namespace {

/// A child in a new network namespace listening on 127.0.0.1:8080 with
/// backlog 7; killed with the test.
class NetnsChild {
 public:
  NetnsChild() {
    int fds[2];
    if (pipe(fds) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      close(fds[0]);
      char ok = 'n';
      if (EnterNewNetns().empty()) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(8080);
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd >= 0 && bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0 && listen(fd, 7) == 0) ok = 'y';
      }
      if (write(fds[1], &ok, 1) != 1) _exit(1);
      for (int i = 0; i < 600; ++i) sleep(1);  // bounded: at most 10 minutes
      _exit(0);
    }
    close(fds[1]);
    char ok = 'n';
    if (pid_ > 0 && read(fds[0], &ok, 1) == 1) ready_ = ok == 'y';
    close(fds[0]);
  }
  ~NetnsChild() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  pid_t pid() const { return pid_; }
  bool ready() const { return ready_; }

 private:
  pid_t pid_ = -1;
  bool ready_ = false;
};

TEST(AllNetns, ListsAChildsNamespaceWithItsListener) {
  NetnsChild child;
  if (!child.ready()) GTEST_SKIP() << "cannot make a network namespace here (unshare -n needs root)";
  const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " audit --all-netns --format json");
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node d = YAML::Load(r.out);
  YAML::Node found;
  for (const YAML::Node& ns : d["netns"]) {
    for (const YAML::Node& p : ns["pids"])
      if (p.as<int>() == child.pid()) found = ns;
  }
  ASSERT_TRUE(found.IsDefined()) << "the child's namespace is not listed: " << r.out;
  EXPECT_FALSE(found["current"].as<bool>());
  ASSERT_EQ(found["listeners"].size(), 1u) << r.out;
  EXPECT_EQ(found["listeners"][0]["endpoint"].as<std::string>(), "127.0.0.1:8080");
  EXPECT_EQ(found["listeners"][0]["accept_queue_limit"].as<int>(), 7);
  EXPECT_EQ(found["listeners"][0]["accept_queue_now"].as<int>(), 0);

  const CommandResult text = RunShell(Quote(SYNLINT_BIN) + " audit --all-netns");
  ASSERT_EQ(text.exit_code, 0) << Describe(text);
  EXPECT_NE(text.out.find("    127.0.0.1:8080  accept queue 7, 0 waiting\n"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("audit it: synlint audit --pid " + std::to_string(child.pid()) + " --root DIR"),
            std::string::npos)
      << text.out;
}

TEST(AllNetns, TakesNoOtherNamespaceOptions) {
  const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " audit --all-netns --pid 1");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("--all-netns lists every namespace"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace synlint::testing
