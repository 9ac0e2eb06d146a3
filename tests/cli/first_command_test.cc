// SPDX-License-Identifier: MIT
// The first commands a user types (issue #22): a file linted as that file,
// a directory as a root, stdin with --stdin-filename, files of a repository
// that no host owns, and the options users expect from ShellCheck, hadolint
// and ruff (-V, -f, -q, --statistics, --exit-zero, FORCE_COLOR, --show-fixes,
// a baseline). Drives the built binary.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

const std::string kBin = Quote(SYNLINT_BIN);

// SL104 (warning, unsafe fix) and SL101 (error, no fix) on lines 2 and 3.
const std::string kSysctl =
    "# my settings\n"
    "net.ipv4.tcp_syn_retries = 3\n"
    "net.ipv4.tcp_sny_retries = 3\n";

class FirstCommand : public ::testing::Test {
 protected:
  CommandResult Run(const std::string& args, const std::string& env = "") {
    return RunShell(env + (env.empty() ? "" : " ") + kBin + " " + args, dir_.path());
  }
  void Write(const std::string& name, const std::string& text) {
    const size_t slash = name.rfind('/');
    if (slash != std::string::npos) {
      ASSERT_EQ(RunShell("mkdir -p " + Quote(name.substr(0, slash)), dir_.path()).exit_code, 0);
    }
    ASSERT_TRUE(WriteFile(dir_.path() + "/" + name, text));
  }
  std::string Read(const std::string& name) { return ReadFile(dir_.path() + "/" + name); }
  TempDir dir_;
};

TEST_F(FirstCommand, AFileIsLintedAsThatFile) {
  Write("my.conf", kSysctl);
  for (const std::string cmd : {"my.conf", "check my.conf"}) {
    const CommandResult r = Run(cmd + " --format gcc");
    EXPECT_EQ(r.exit_code, 1) << cmd << "\n" << Describe(r);
    EXPECT_NE(r.out.find("my.conf:2:28: warning: "), std::string::npos) << cmd << "\n" << Describe(r);
    EXPECT_NE(r.out.find("my.conf:3:1: error: "), std::string::npos) << cmd << "\n" << Describe(r);
    EXPECT_NE(r.out.find("[SL101]"), std::string::npos) << Describe(r);
  }
  // An absolute path is that file too, never this machine's '/'.
  const CommandResult r = Run("--format gcc " + Quote(dir_.path() + "/my.conf"));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("my.conf:3:1: error: "), std::string::npos) << Describe(r);
  const CommandResult text = Run("my.conf --fail-on never");
  EXPECT_EQ(text.exit_code, 0) << Describe(text);
  EXPECT_NE(text.out.find("1 file checked: 1 error, 1 warning"), std::string::npos) << Describe(text);
}

TEST_F(FirstCommand, SeveralFilesEachAlone) {
  Write("a/sysctl.d/10-a.conf", "net.ipv4.tcp_sny_retries = 3\n");
  Write("b/web.socket", "[Socket]\nListenStream=80\nBacklog=70000\n");
  const CommandResult r = Run("--format gcc --kernel 4.0 a/sysctl.d/10-a.conf b/web.socket");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("a/sysctl.d/10-a.conf:1:1: error: "), std::string::npos) << Describe(r);
  // The socket's backlog wraps on a 16-bit kernel (SL204, cross-file in one host).
  EXPECT_NE(r.out.find("b/web.socket:3:"), std::string::npos) << Describe(r);
}

TEST_F(FirstCommand, NginxIncludesResolveInsideTheFilesDirectory) {
  // Relative and /etc/nginx/... includes are found in the file's directory;
  // one leading above it is never read.
  Write("conf/nginx.conf",
        "events {}\nhttp {\n  include sites/*.conf;\n  include /etc/nginx/extra.conf;\n  include ../outside.conf;\n}\n");
  Write("conf/sites/a.conf", "server { listen 80 backlog=100; listen 80 backlog=200; }\n");
  Write("conf/extra.conf", "server { listen 81 backlog=100; listen 81 backlog=200; }\n");
  Write("outside.conf", "server { listen 82 backlog=100; listen 82 backlog=200; }\n");
  const CommandResult r = Run("--format gcc conf/nginx.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("conf/sites/a.conf:1:"), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("conf/extra.conf:1:"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("82"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("outside.conf:"), std::string::npos) << Describe(r);
}

TEST_F(FirstCommand, IncludesReachingOutOfTheDirectoryAreNotErrors) {
  // Debian's nginx.conf: modules-enabled/*.conf are links into /usr/share,
  // outside the directory a file linted alone reads. Not proven missing: info.
  // A file missing from a directory that is there stays an error.
  Write("nginx/nginx.conf",
        "include /etc/nginx/modules-enabled/*.conf;\nevents {}\nhttp {\n  include /usr/share/nginx/extra.conf;\n}\n");
  Write("nginx/modules-enabled/.keep", "");
  ASSERT_EQ(symlink("/usr/share/nginx/modules-available/mod-stream.conf",
                    (dir_.path() + "/nginx/modules-enabled/50-mod-stream.conf").c_str()),
            0);
  const CommandResult r = Run("--format gcc nginx/nginx.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);  // --fail-on info, the default
  EXPECT_EQ(Run("--format gcc --fail-on warning nginx/nginx.conf").exit_code, 0);
  EXPECT_EQ(r.out.find(": error: "), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("50-mod-stream.conf': not read: a symlink leading outside the directory of the file linted "
                       "alone (lint the whole host with --root / to follow it) [SL002]"),
            std::string::npos)
      << Describe(r);
  EXPECT_NE(r.out.find("'/usr/share/nginx/extra.conf': not read: a path outside the directory"), std::string::npos)
      << Describe(r);

  Write("nginx/nginx.conf", "events {}\nhttp {\n  include /etc/nginx/modules-enabled/missing.conf;\n}\n");
  const CommandResult missing = Run("--format gcc nginx/nginx.conf");
  EXPECT_EQ(missing.exit_code, 1) << Describe(missing);
  EXPECT_NE(missing.out.find("missing.conf': included file does not exist [SL002]"), std::string::npos)
      << Describe(missing);
}

TEST_F(FirstCommand, ADirectoryIsARoot) {
  const std::string demo = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/demo";
  const CommandResult as_root = Run("--format gcc --kernel 6.1 --root " + Quote(demo));
  const CommandResult as_dir = Run("--format gcc --kernel 6.1 " + Quote(demo));
  EXPECT_EQ(as_dir.exit_code, 1) << Describe(as_dir);
  EXPECT_EQ(as_root.exit_code, 1) << Describe(as_root);
  // The same findings; the directory's paths are shown from the current
  // directory (here absolute), in messages too.
  std::string shown = as_dir.out;
  for (size_t at = shown.find(demo + "/"); at != std::string::npos; at = shown.find(demo + "/", at))
    shown.erase(at, demo.size() + 1);
  EXPECT_EQ(shown, as_root.out);
  EXPECT_NE(as_dir.out.find(demo + "/etc/"), std::string::npos) << Describe(as_dir);
}

TEST_F(FirstCommand, FormatFromAsOrPathOrContent) {
  Write("notes.txt", "hello\n");
  CommandResult r = Run("notes.txt");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("'notes.txt': cannot tell whether it is a sysctl, nginx, Apache or systemd file; say "
                       "which with --as"),
            std::string::npos)
      << Describe(r);
  // Content: dotted keys are sysctl.
  Write("tuning", kSysctl);
  r = Run("--format gcc tuning");
  EXPECT_NE(r.out.find("tuning:3:1: error: "), std::string::npos) << Describe(r);
  // --as wins over the content (any case).
  Write("web.conf", "[Socket]\nListenStream=80\n");
  r = Run("--as SYSTEMD web.conf");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("named NAME.socket or NAME.service"), std::string::npos) << Describe(r);
  r = Run("--as nginx --format gcc tuning");
  EXPECT_NE(r.out.find("[SL001]"), std::string::npos) << Describe(r);
  r = Run("no-such.conf");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("'no-such.conf': no such file or directory"), std::string::npos) << Describe(r);
}

TEST_F(FirstCommand, StdinWithAFilename) {
  Write("in.conf", "net.core.somaxconn = 1024\nnet.core.somaxconn = 4096\n");
  CommandResult r = Run("check - --stdin-filename etc/sysctl.d/10-x.conf --format gcc < in.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("etc/sysctl.d/10-x.conf:1:1: warning: "), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("[SL103]"), std::string::npos) << Describe(r);
  // --diff names it.
  r = Run("- --stdin-filename etc/sysctl.d/10-x.conf --diff < in.conf");
  EXPECT_NE(r.out.find("--- a/etc/sysctl.d/10-x.conf\n+++ b/etc/sysctl.d/10-x.conf\n"), std::string::npos)
      << Describe(r);
  // --fix prints the fixed text to stdout, findings to stderr, and writes nothing.
  r = Run("- --stdin-filename etc/sysctl.d/10-x.conf --fix < in.conf");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "net.core.somaxconn = 4096\n") << Describe(r);
  EXPECT_NE(r.err.find("all fixed"), std::string::npos) << Describe(r);
  EXPECT_EQ(Read("in.conf"), "net.core.somaxconn = 1024\nnet.core.somaxconn = 4096\n");
  EXPECT_EQ(RunShell("test -e etc", dir_.path()).exit_code, 1);
  // Nothing to fix: the text comes back unchanged.
  Write("clean.conf", "net.core.somaxconn = 4096\n");
  r = Run("- --stdin-filename x.conf --fix --as sysctl < clean.conf");
  EXPECT_EQ(r.out, "net.core.somaxconn = 4096\n") << Describe(r);
  // The format comes from the name or the content; '-' alone is named '-'.
  r = Run("- --format gcc < in.conf");
  EXPECT_NE(r.out.find("-:1:1: warning: "), std::string::npos) << Describe(r);
  r = Run("--stdin-filename x.conf in.conf");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
}

TEST_F(FirstCommand, DiffAndFixTogetherAreRefused) {
  Write("my.conf", "net.core.somaxconn = 1024\nnet.core.somaxconn = 4096\n");
  const CommandResult r = Run("my.conf --diff --fix");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_EQ(r.err,
            "synlint: error: --diff and --fix exclude each other: --diff only shows the fixes and writes "
            "nothing; give --fix alone to apply them\n");
  EXPECT_EQ(Read("my.conf"), "net.core.somaxconn = 1024\nnet.core.somaxconn = 4096\n");
}

TEST_F(FirstCommand, FixedRunSaysSoAndShowsFixes) {
  Write("my.conf", "net.core.somaxconn = 1024\nnet.core.somaxconn = 4096\n");
  const CommandResult r = Run("my.conf --fix --show-fixes");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(Read("my.conf"), "net.core.somaxconn = 4096\n");
  EXPECT_NE(r.err.find("fixed: my.conf:1:1: [SL103] "), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("1 file checked: 1 fix applied, all fixed"), std::string::npos) << Describe(r);
}

TEST_F(FirstCommand, UsualOptions) {
  Write("my.conf", kSysctl);
  CommandResult r = Run("-V");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, RunShell(kBin + " --version").out);
  EXPECT_FALSE(r.out.empty());
  // -f and format names in any case.
  r = Run("-f JSON my.conf");
  EXPECT_EQ(r.out.substr(0, 1), "{") << Describe(r);
  r = Run("-f Gcc my.conf");
  EXPECT_EQ(r.out.find("my.conf:2:28: warning: "), 0u) << Describe(r);
  // -q: the findings, no summary.
  r = Run("-q my.conf");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("[SL104]"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("checked"), std::string::npos) << Describe(r);
  // --exit-zero: findings do not fail; errors still do.
  EXPECT_EQ(Run("--exit-zero my.conf").exit_code, 0);
  EXPECT_EQ(Run("--exit-zero no-such.conf").exit_code, 2);
  // --statistics: a count per rule.
  r = Run("--statistics my.conf");
  EXPECT_EQ(r.out, "1\tSL101\t    unknown-key\n1\tSL104\t[*] syn-retries-outbound-only\n"
                   "1 file checked: 2 findings\n")
      << Describe(r);
  r = Run("--statistics -f json my.conf");
  EXPECT_NE(r.out.find("\"rule\": \"SL101\""), std::string::npos) << Describe(r);
  EXPECT_EQ(Run("--statistics -f sarif my.conf").exit_code, 2);
}

TEST_F(FirstCommand, ColourFromTheEnvironment) {
  Write("my.conf", kSysctl);
  const std::string esc = "\x1b[";
  EXPECT_EQ(Run("my.conf").out.find(esc), std::string::npos);  // not a terminal
  EXPECT_NE(Run("my.conf", "FORCE_COLOR=1").out.find(esc), std::string::npos);
  EXPECT_NE(Run("my.conf", "CLICOLOR_FORCE=1").out.find(esc), std::string::npos);
  EXPECT_EQ(Run("my.conf", "CLICOLOR_FORCE=0").out.find(esc), std::string::npos);
  EXPECT_EQ(Run("my.conf", "FORCE_COLOR=1 NO_COLOR=1").out.find(esc), std::string::npos);
  EXPECT_EQ(Run("my.conf --color never", "FORCE_COLOR=1").out.find(esc), std::string::npos);
}

TEST_F(FirstCommand, BaselineHidesOnlyWhatWasThere) {
  Write("my.conf", kSysctl);
  CommandResult r = Run("my.conf --write-baseline base.txt");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.err.find("wrote 2 finding(s) to the baseline 'base.txt'"), std::string::npos) << Describe(r);
  EXPECT_NE(Read("base.txt").find(" SL104 my.conf:2 "), std::string::npos) << Read("base.txt");
  r = Run("my.conf --baseline base.txt");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("no findings (2 suppressed)"), std::string::npos) << Describe(r);
  // Lines moved down: still known. A new finding is reported, and its fix
  // applies while the known ones are neither reported nor fixed.
  Write("my.conf", "# new header\n\n" + kSysctl + "net.ipv4.tcp_syncookies = 0\n");
  r = Run("my.conf --baseline base.txt --format gcc");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out.find("[SL104]"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("[SL101]"), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("my.conf:6:"), std::string::npos) << Describe(r);
  r = Run("my.conf --baseline base.txt --fix --unsafe-fixes");
  EXPECT_EQ(Read("my.conf").find("tcp_syncookies = 0"), std::string::npos) << Read("my.conf");
  EXPECT_NE(Read("my.conf").find("net.ipv4.tcp_syn_retries = 3\n"), std::string::npos) << Read("my.conf");
  // An edited line is new.
  Write("my.conf", "net.ipv4.tcp_syn_retries = 4\n");
  EXPECT_EQ(Run("my.conf --baseline base.txt").exit_code, 1);
  // A bad baseline names its line.
  Write("bad.txt", "# ok\nnot a fingerprint\n");
  r = Run("my.conf --baseline bad.txt");
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("bad.txt:2: not a baseline entry"), std::string::npos) << Describe(r);
  EXPECT_EQ(Run("my.conf --baseline base.txt --write-baseline b2.txt").exit_code, 2);
}

}  // namespace
}  // namespace synlint::testing
