// SPDX-License-Identifier: MIT
// Repositories confined like --root trees (issue #19, defect 2): whatever a
// `.synlint.yaml` names (roots, listed files, globs, the directory of a main
// file) is resolved inside the repository, symlinks included, and `--fix`
// writes only through the confined writer anchored at the repository's top.
// Each case runs every subcommand that reads or writes a repository host over
// a repository whose symlinks, `..` or absolute paths lead to an outside
// canary directory, and checks the canary is untouched and unread: its files
// hold text that would show in the output if they were read.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

/// WriteFile, creating the directories on the way.
bool Put(const std::string& path, const std::string& text) {
  fs::create_directories(fs::path(path).parent_path());
  return WriteFile(path, text);
}

class RepoConfinement : public ::testing::Test {
 protected:
  void SetUp() override {
    // The canary: an /etc-shaped tree and loose config files. Each file's
    // name or text is unique to it ("zz-canary-listed", port 8123), so a
    // read that reached it would show in a finding.
    ASSERT_TRUE(Put(canary() + "/etc/sysctl.d/zz-canary-listed.conf", "net.ipv4.tcp_syn_retries = 3\n"));
    ASSERT_TRUE(Put(canary() + "/usr/lib/sysctl.d/zz-canary-listed.conf", "net.ipv4.tcp_syn_retries = 3\n"));
    ASSERT_TRUE(Put(canary() + "/nginx/nginx.conf",
                          "events {}\nhttp { server { listen 8123 backlog=70000; } }\n"));
    ASSERT_TRUE(Put(canary() + "/nginx/conf.d/extra.conf", "server { listen 8123 backlog=70000; }\n"));
    fs::create_directories(repo());
  }
  std::string repo() const { return dir_.path() + "/repo"; }
  std::string canary() const { return dir_.path() + "/canary"; }
  void Config(const std::string& yaml) const { ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml", yaml)); }
  void Link(const std::string& target, const std::string& at) const {
    fs::create_directories(fs::path(repo() + "/" + at).parent_path());
    fs::create_symlink(target, repo() + "/" + at);
  }
  CommandResult Run(const std::string& args) const {
    return RunShell(Quote(SYNLINT_BIN) + " " + args + " --kernel 6.1", repo());
  }

  /// Runs every subcommand that reads or writes the repository's hosts and
  /// checks the canary after each: same tree, same text, never in the output.
  /// `refused`: the config is rejected (exit 2) with a message holding it.
  void ExpectCanaryUntouchedAndUnread(const std::string& refused = "") const {
    const std::string before = ListTree(canary());
    for (const char* args : {"check --unsafe-fixes --fix", "check --unsafe-fixes --diff", "check --format json",
                             "show"}) {
      const CommandResult r = Run(args);
      if (refused.empty()) {
        EXPECT_NE(r.exit_code, 2) << args << "\n" << Describe(r);
      } else {
        EXPECT_EQ(r.exit_code, 2) << args << "\n" << Describe(r);
        EXPECT_NE(r.err.find(refused), std::string::npos) << args << "\n" << Describe(r);
      }
      EXPECT_EQ(ListTree(canary()), before) << args << "\n" << Describe(r);
      EXPECT_EQ(ReadFile(canary() + "/etc/sysctl.d/zz-canary-listed.conf"), "net.ipv4.tcp_syn_retries = 3\n");
      EXPECT_EQ(ReadFile(canary() + "/nginx/nginx.conf"), "events {}\nhttp { server { listen 8123 backlog=70000; } }\n");
      // A refused config may name a symlink's target in its message; nothing else may.
      for (const std::string& text : refused.empty() ? std::vector<std::string>{r.out, r.err}
                                                     : std::vector<std::string>{r.out}) {
        EXPECT_EQ(text.find("zz-canary-listed"), std::string::npos) << args << "\n" << Describe(r);
        EXPECT_EQ(text.find("8123"), std::string::npos) << args << "\n" << Describe(r);
      }
      EXPECT_EQ(r.err.find("did not settle"), std::string::npos) << args << "\n" << Describe(r);
    }
  }
  TempDir dir_;
};

// ------------------------------------------------------------ the config file

TEST_F(RepoConfinement, AConfigFileSymlinkedOutsideIsNotRead) {
  ASSERT_TRUE(Put(canary() + "/config.yaml", "zz-canary-listed: 1\n"));
  Link("../canary/config.yaml", ".synlint.yaml");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml' is a symlink that leads outside its directory (the repository)");
  fs::remove(repo() + "/.synlint.yaml");
  Link(canary() + "/config.yaml", ".synlint.yaml");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml' is a symlink that leads outside its directory (the repository)");
}

// ------------------------------------------------------------ root: values

TEST_F(RepoConfinement, RootAboveTheRepositoryIsRefused) {
  Config("hosts:\n  h:\n    root: ..\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:11: root '..' leads outside the repository");
  Config("hosts:\n  h:\n    root: ../canary\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:11: root '../canary' leads outside the repository");
  Config("hosts:\n  h:\n    root: sub/../../canary\n");
  fs::create_directories(repo() + "/sub");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:11: root 'sub/../../canary' leads outside the repository");
}

TEST_F(RepoConfinement, AbsoluteRootIsRefused) {
  Config("hosts:\n  h:\n    root: " + canary() + "\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:11: root '" + canary() +
                                 "' must be relative to the config file's directory (the repository)");
}

TEST_F(RepoConfinement, RootSymlinkedOutsideByARelativePathIsRefused) {
  Link("../../canary", "hosts/web");
  Config("hosts:\n  h:\n    root: hosts/web\n");
  ExpectCanaryUntouchedAndUnread(
      ".synlint.yaml:3:11: root 'hosts/web' leads outside the repository (the config file's directory) through a "
      "symlink");
}

TEST_F(RepoConfinement, RootSymlinkedToAnAbsolutePathIsTakenInsideTheRepository) {
  Link(canary(), "hosts/web");
  Config("hosts:\n  h:\n    root: hosts/web\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:11: root 'hosts/web' does not exist inside the repository");
}

TEST_F(RepoConfinement, RootSymlinkedInsideTheRepositoryIsFollowed) {
  ASSERT_TRUE(Put(repo() + "/trees/web/usr/lib/sysctl.d/50-vendor.conf", "net.ipv4.tcp_syn_retries = 3\n"));
  fs::create_directories(repo() + "/trees/web/etc/sysctl.d");
  Link("/trees/web", "hosts/web");  // absolute: from the repository's top
  Config("hosts:\n  h:\n    root: hosts/web\n");
  ExpectCanaryUntouchedAndUnread();
  EXPECT_NE(ReadFile(repo() + "/trees/web/etc/sysctl.d/90-synlint.conf").find("net.ipv4.tcp_syn_retries = 6\n"),
            std::string::npos);
}

// ---------------------------------------------- symlinks inside a root host

TEST_F(RepoConfinement, RootHostWhoseSysctlDirLeadsOutside) {
  ASSERT_TRUE(Put(repo() + "/hosts/web/usr/lib/sysctl.d/50-vendor.conf", "net.ipv4.tcp_syn_retries = 3\n"));
  Link(canary() + "/etc/sysctl.d", "hosts/web/etc/sysctl.d");
  Config("hosts:\n  h:\n    root: hosts/web\n");
  ExpectCanaryUntouchedAndUnread();
  const CommandResult r = Run("check --unsafe-fixes --fix");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);  // the finding stays, its fix has no place
  EXPECT_NE(r.out.find("not applied: 'etc/sysctl.d' is a symlink that leads to no directory inside the root"),
            std::string::npos)
      << Describe(r);
}

TEST_F(RepoConfinement, RootHostWhoseEtcLeadsOutsideByARelativePath) {
  ASSERT_TRUE(Put(repo() + "/hosts/web/usr/lib/sysctl.d/50-vendor.conf", "net.ipv4.tcp_syn_retries = 3\n"));
  Link("../../../canary/etc", "hosts/web/etc");
  Config("hosts:\n  h:\n    root: hosts/web\n");
  ExpectCanaryUntouchedAndUnread();
}

// ------------------------------------------------------------- file lists

TEST_F(RepoConfinement, ListedFilesAboveTheRepositoryOrAbsoluteAreRefused) {
  Config("hosts:\n  h:\n    sysctl: [../canary/etc/sysctl.d/zz-canary-listed.conf]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:14: '../canary/etc/sysctl.d/zz-canary-listed.conf' leads outside "
                                 "the config file's directory");
  Config("hosts:\n  h:\n    sysctl: [" + canary() + "/etc/sysctl.d/*.conf]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:14: '" + canary() +
                                 "/etc/sysctl.d/*.conf' must be relative to the config file's directory");
}

TEST_F(RepoConfinement, ListedFileSymlinkedOutsideIsRefused) {
  Link("../../canary/etc/sysctl.d/zz-canary-listed.conf", "conf/a.conf");
  Config("hosts:\n  h:\n    sysctl: [conf/a.conf]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:14: 'conf/a.conf' names 'conf/a.conf', a symlink that leads "
                                 "outside the repository");
}

TEST_F(RepoConfinement, GlobMatchingASymlinkToAnAbsolutePathIsRefused) {
  ASSERT_TRUE(Put(repo() + "/conf/10-ok.conf", "net.core.somaxconn = 4096\n"));
  Link(canary() + "/etc/sysctl.d/zz-canary-listed.conf", "conf/20-out.conf");
  Config("hosts:\n  h:\n    sysctl: [\"conf/*.conf\"]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:14: 'conf/*.conf' matches 'conf/20-out.conf', a symlink to '" +
                                 canary() + "/etc/sysctl.d/zz-canary-listed.conf' that names no file inside the "
                                 "repository");
}

TEST_F(RepoConfinement, GlobBelowASymlinkedDirectoryIsRefused) {
  Link("../canary/etc/sysctl.d", "conf");
  Config("hosts:\n  h:\n    sysctl: [\"conf/*.conf\"]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:14: 'conf/*.conf' names 'conf', a symlink that leads outside the "
                                 "repository");
}

TEST_F(RepoConfinement, SymlinkedDirectoryInARecursiveGlobIsNotEntered) {
  ASSERT_TRUE(Put(repo() + "/conf/10-ok.conf", "net.core.somaxconn = 4096\n"));
  Link(canary() + "/etc/sysctl.d", "conf/sub");
  Link("../../canary/etc/sysctl.d", "conf/rel");
  Config("hosts:\n  h:\n    sysctl: [\"conf/**/*.conf\"]\n");
  ExpectCanaryUntouchedAndUnread();
}

TEST_F(RepoConfinement, NginxMainFileInADirectorySymlinkedOutsideIsRefused) {
  Link(canary() + "/nginx", "ngx");
  Config("hosts:\n  h:\n    nginx: [ngx/nginx.conf]\n");
  ExpectCanaryUntouchedAndUnread(".synlint.yaml:3:13: 'ngx/nginx.conf' names 'ngx/nginx.conf', a path through a "
                                 "symlink that names no file inside the repository");
}

TEST_F(RepoConfinement, SymlinksInsideAMappedNginxDirectoryStayInTheHost) {
  ASSERT_TRUE(Put(repo() + "/ngx/nginx.conf",
                        "events {}\nhttp {\n  include conf.d/*.conf;\n  include " + canary() +
                            "/nginx/conf.d/extra.conf;\n}\n"));
  Link(canary() + "/nginx/conf.d/extra.conf", "ngx/conf.d/abs.conf");
  Link("../../../canary/nginx/conf.d/extra.conf", "ngx/conf.d/rel.conf");
  Link("../../canary/nginx", "ngx/sites");
  Config("hosts:\n  h:\n    nginx: [ngx/nginx.conf]\n");
  ExpectCanaryUntouchedAndUnread();
}

// A sysctl list whose directory is a legitimate symlink inside the
// repository: the override file is made beside the listed files, read back,
// and the fixes settle.
TEST_F(RepoConfinement, ListedFilesBehindASymlinkInsideTheRepositoryAreFixedThere) {
  ASSERT_TRUE(Put(repo() + "/shared/sysctl.d/10-net.conf", "net.ipv4.tcp_syn_retries = 3\n"));
  Link("/shared/sysctl.d", "roles/edge/sysctl.d");  // absolute: from the repository's top
  Config("hosts:\n  h:\n    sysctl: [\"roles/edge/sysctl.d/*.conf\"]\n");
  ExpectCanaryUntouchedAndUnread();
  EXPECT_NE(ReadFile(repo() + "/shared/sysctl.d/10-net.conf").find("\nnet.ipv4.tcp_syn_retries = 6\n"),
            std::string::npos);
  const CommandResult again = Run("check --unsafe-fixes --diff");
  EXPECT_EQ(again.out, "") << Describe(again);
}

}  // namespace
}  // namespace synlint::testing
