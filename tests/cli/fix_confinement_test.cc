// SPDX-License-Identifier: MIT
// `check --fix` and `tune --fix` run as users run them, over roots whose
// symlinks lead to an outside canary directory: nothing outside changes, and
// an override file goes where discovery reads it (issue #19, defects 1 and 12).
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

class FixConfinement : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(root() + "/usr/lib/sysctl.d");
    fs::create_directories(root() + "/etc");
    fs::create_directories(canary() + "/sysctl.d");
    ASSERT_TRUE(WriteFile(root() + "/usr/lib/sysctl.d/50-vendor.conf", "net.ipv4.tcp_syn_retries = 3\n"));
    ASSERT_TRUE(WriteFile(canary() + "/sysctl.d/keep.conf", "canary\n"));
  }
  std::string root() const { return dir_.path() + "/root"; }
  std::string canary() const { return dir_.path() + "/canary"; }
  CommandResult Run(const std::string& args) const {
    return RunShell(Quote(SYNLINT_BIN) + " " + args + " --root " + Quote(root()) + " --kernel 6.1");
  }
  /// Runs every subcommand that writes, and checks the canary after each.
  void ExpectCanaryUntouched() const {
    const std::string before = ListTree(canary());
    for (const char* args : {"check --unsafe-fixes --fix", "check --unsafe-fixes --diff",
                             "tune --peak-rate 5000 --accept-delay 100 --fix"}) {
      const CommandResult r = Run(args);
      EXPECT_NE(r.exit_code, 2) << args << "\n" << Describe(r);
      EXPECT_EQ(ListTree(canary()), before) << args << "\n" << Describe(r);
      EXPECT_EQ(ReadFile(canary() + "/sysctl.d/keep.conf"), "canary\n");
      EXPECT_EQ(r.err.find("did not settle"), std::string::npos) << args << "\n" << Describe(r);
    }
  }
  TempDir dir_;
};

TEST_F(FixConfinement, SysctlDirSymlinkedToAnAbsoluteOutsideDirectory) {
  fs::create_directory_symlink(canary() + "/sysctl.d", root() + "/etc/sysctl.d");
  ExpectCanaryUntouched();
  const CommandResult r = Run("check --unsafe-fixes --fix");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);  // the finding stays, its fix has no place
  EXPECT_NE(r.out.find("not applied: 'etc/sysctl.d' is a symlink that leads to no directory inside the root"),
            std::string::npos)
      << Describe(r);
}

TEST_F(FixConfinement, EtcSymlinkedOutsideByARelativePath) {
  fs::remove(root() + "/etc");
  fs::create_directory_symlink("../canary", root() + "/etc");
  ExpectCanaryUntouched();
}

TEST_F(FixConfinement, EtcSymlinkedToAnAbsoluteOutsideDirectory) {
  fs::remove(root() + "/etc");
  fs::create_directory_symlink(canary(), root() + "/etc");
  ExpectCanaryUntouched();
}

// Defect 12: etc/sysctl.d is a legitimate symlink inside the root; the
// override is created in its target, read back, and the fixes settle.
TEST_F(FixConfinement, SysctlDirSymlinkedInsideTheRootSettles) {
  fs::create_directories(root() + "/srv/sysctl");
  fs::create_directory_symlink("../srv/sysctl", root() + "/etc/sysctl.d");
  const CommandResult diff = Run("check --unsafe-fixes --diff");
  EXPECT_EQ(diff.err.find("did not settle"), std::string::npos) << Describe(diff);
  EXPECT_NE(diff.out.find("+++ b/srv/sysctl/90-synlint.conf\n"), std::string::npos) << Describe(diff);
  size_t blocks = 0;
  for (size_t at = 0; (at = diff.out.find("+net.ipv4.tcp_syn_retries = 6", at)) != std::string::npos; ++at)
    ++blocks;
  EXPECT_EQ(blocks, 1u) << Describe(diff);

  const CommandResult fix = Run("check --unsafe-fixes --fix");
  EXPECT_EQ(fix.exit_code, 1) << Describe(fix);  // SL103: the vendor line is now overridden
  EXPECT_NE(fix.err.find("synlint: applied 1 fix(es) to 1 file(s)"), std::string::npos) << Describe(fix);
  EXPECT_NE(ReadFile(root() + "/srv/sysctl/90-synlint.conf").find("net.ipv4.tcp_syn_retries = 6\n"),
            std::string::npos);
  EXPECT_TRUE(fs::is_symlink(root() + "/etc/sysctl.d"));
  const CommandResult again = Run("check --unsafe-fixes --diff");
  EXPECT_EQ(again.out, "") << Describe(again);
}

}  // namespace
}  // namespace synlint::testing
