// SPDX-License-Identifier: MIT
// Issue #23's "done means", driven through the built binary: a repository whose .synlint.yaml host
// has a provisioning script (`shell:`) that runs `sysctl -w net.core.somaxconn=4096` and an nginx
// listen with backlog=8192 gets SL201 with the script line as the somaxconn side, and SL401 (the
// setting is lost at the next boot) with its fix; `parse --as shell` lists what a script writes.
#include <gtest/gtest.h>

#include <sys/stat.h>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

class ScriptsCheck : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* d : {"", "/provision", "/nginx"}) ASSERT_EQ(mkdir((repo() + d).c_str(), 0755), 0) << d;
    ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml",
                          "kernel: \"6.1\"\n"
                          "hosts:\n"
                          "  web:\n"
                          "    shell: [provision/setup.sh]\n"
                          "    nginx: [nginx/nginx.conf]\n"));
    ASSERT_TRUE(WriteFile(repo() + "/provision/setup.sh",
                          "#!/bin/sh\n"
                          "set -e\n"
                          "sysctl -w net.core.somaxconn=4096\n"
                          "systemctl restart nginx\n"));
    ASSERT_TRUE(WriteFile(repo() + "/nginx/nginx.conf",
                          "events {\n}\nhttp {\n  server {\n    listen 80 backlog=8192;\n  }\n}\n"));
  }
  std::string repo() const { return dir_.path() + "/repo"; }
  CommandResult Synlint(const std::string& args) { return RunShell(Quote(SYNLINT_BIN) + " " + args, repo()); }
  TempDir dir_;
};

TEST_F(ScriptsCheck, ScriptLineIsTheSomaxconnSideAndTheSettingIsLostAtReboot) {
  const CommandResult r = Synlint("check --format gcc");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("nginx/nginx.conf:5:15: warning: nginx 80 asks for backlog=8192 but 'net.core.somaxconn' is "
                       "4096 (provision/setup.sh:3)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("provision/setup.sh:3:11: warning: 'net.core.somaxconn = 4096' is set only by this script, "
                       "run by hand; no sysctl file sets it, so at the next boot it is back to the kernel default "
                       "4096"),
            std::string::npos)
      << r.out;
}

TEST_F(ScriptsCheck, JsonCarriesTheRelatedScriptLineAndTheFix) {
  const CommandResult r = Synlint("check --format json");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  // SL201's related location is the script's write; SL401 has a fix that moves the setting.
  EXPECT_NE(r.out.find("\"related\": [\n        {\n          \"file\": \"provision/setup.sh\",\n          \"line\": 3,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("move 'net.core.somaxconn = 4096' to etc/sysctl.d/90-synlint.conf and delete it from the "
                       "script"),
            std::string::npos)
      << r.out;
}

TEST_F(ScriptsCheck, ShowListsTheScriptWriteWithItsPhase) {
  // In repository mode every path shown is the repository path (issue #20).
  const CommandResult r = Synlint("show");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("net.core.somaxconn = 4096  provision/setup.sh:3  (script, by hand, until the next boot)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("scripts that may set kernel settings:\n  provision/setup.sh  (by hand, until the next "
                       "boot)\n    line 3: net.core.somaxconn = 4096\n"),
            std::string::npos)
      << r.out;
}

TEST_F(ScriptsCheck, ParseAsShellListsWritesAndWhatIsNotEvaluated) {
  ASSERT_TRUE(WriteFile(repo() + "/provision/more.sh",
                        "sysctl -w net.ipv4.tcp_syncookies=1 net.core.netdev_max_backlog=$(nproc)\n"
                        "echo 1 > /proc/sys/net/ipv4/tcp_syncookies\n"
                        "sysctl --system\n"));
  const CommandResult r = Synlint("parse provision/more.sh --as shell");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out,
            "provision/more.sh:1:11: sysctl net.ipv4.tcp_syncookies = 1\n"
            "provision/more.sh:2:10: proc-sys net.ipv4.tcp_syncookies = 1\n"
            "provision/more.sh:3:1: load --system\n"
            "provision/more.sh:1:37: not evaluated: sysctl argument 'net.core.netdev_max_backlog=$(nproc)': command "
            "substitution\n");
}

}  // namespace
}  // namespace synlint::testing
