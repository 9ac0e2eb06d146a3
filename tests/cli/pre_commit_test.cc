// SPDX-License-Identifier: MIT
// The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit
// (`pre-commit try-repo` on this source tree) in a git repository made from
// fixtures/config/repo: it passes the staged files, and synlint reports the
// findings in them only.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

TEST(PreCommit, HookReportsFindingsInStagedFilesOnly) {
  if (RunShell("command -v pre-commit").exit_code != 0)
    GTEST_SKIP() << "pre-commit is not installed (tools/setup.sh --test installs it)";
  if (!std::filesystem::exists(std::string(SYNLINT_SOURCE_DIR) + "/.git"))
    GTEST_SKIP() << "the source tree is not a git checkout; pre-commit try-repo needs one";
  TempDir dir;
  const std::string repo = dir.path() + "/repo";
  ASSERT_TRUE(CopyTree(std::string(SYNLINT_SOURCE_DIR) + "/fixtures/config/repo", repo));
  const std::string bin_dir = std::filesystem::path(SYNLINT_BIN).parent_path().string();
  const std::string env = "PATH=" + Quote(bin_dir) + ":\"$PATH\" PRE_COMMIT_HOME=" +
                          Quote(dir.path() + "/cache") + " HOME=" + Quote(dir.path());
  CommandResult r = RunShell(
      "git init -q . && git add -A && git -c user.name=t -c user.email=t@example.invalid commit -qm init "
      "&& printf 'net.ipv4.tcp_syn_retries = 2\\n' >> hosts/web/etc/sysctl.d/10-net.conf && git add -A",
      repo);
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  r = RunShell(env + " pre-commit try-repo " + Quote(SYNLINT_SOURCE_DIR) + " synlint --color never", repo);
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("synlint....."), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("hosts/web/etc/sysctl.d/10-net.conf:2:28: warning: 'net.ipv4.tcp_syn_retries' is 2"),
            std::string::npos)
      << Describe(r);
  // hosts/web/etc/sysctl.conf has an SL103 finding but was not staged.
  EXPECT_EQ(r.out.find("hosts/web/etc/sysctl.conf:"), std::string::npos) << Describe(r);

  // Fixed and staged: the hook passes.
  r = RunShell(
      "printf '# cookies only when the SYN queue overflows\\nnet.ipv4.tcp_syncookies = 1\\n' "
      "> hosts/web/etc/sysctl.d/10-net.conf && git add -A",
      repo);
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  r = RunShell(env + " pre-commit try-repo " + Quote(SYNLINT_SOURCE_DIR) + " synlint --color never", repo);
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("Passed"), std::string::npos) << Describe(r);
}

}  // namespace
}  // namespace synlint::testing
