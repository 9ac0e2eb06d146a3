// SPDX-License-Identifier: MIT
// Helpers for the integration tests, which drive the built synlint binary and
// the real tools (git, patch, diff, nginx, apache2ctl, systemd-analyze)
// through /bin/sh, on copies of the fixture hosts in temporary directories.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace synlint::testing {

/// What one shell command did.
struct CommandResult {
  int exit_code = -1;  // -1 when the command did not exit normally
  std::string out;     // its standard output
  std::string err;     // its standard error
};

/// Runs `command` with /bin/sh, in `dir` when it is not empty, capturing
/// both streams. Git never looks for a repository above `dir`.
CommandResult RunShell(const std::string& command, const std::string& dir = "");

/// `s` quoted for /bin/sh.
std::string Quote(const std::string& s);

/// "exit N\nstdout:\n...\nstderr:\n..." for failure messages.
std::string Describe(const CommandResult& r);

/// A fresh directory under $TMPDIR (or /tmp), removed with its contents when
/// the test passed; kept, and its path printed, when the test failed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

/// A host fixture: an /etc-shaped tree, and the synlint options its
/// `NAME.fixture` file asks for (`# FIXTURE: kernel=6.1 systemd=249`).
struct FixtureHost {
  std::string name;                // "demo", "hosts_server_nginx_backlog"
  std::string tree;                // absolute path of the tree
  std::vector<std::string> flags;  // {"--kernel", "6.1", ...}
  std::string problem;             // an option with no synlint flag, or ""
};

/// Names the fixture in GoogleTest's messages by its tree.
void PrintTo(const FixtureHost& host, std::ostream* os);

/// fixtures/demo, every tree under fixtures/hosts and fixtures/servers
/// (not the `.fixed` results), sorted by name.
std::vector<FixtureHost> FindFixtureHosts();

/// The fixture host called `name` ("hosts_server_nginx_backlog"); a test
/// failure when there is none.
FixtureHost FixtureHostNamed(const std::string& name);

/// The shell command that runs synlint's `check` on `root` with the
/// fixture's options and `args` (already quoted where needed).
std::string SynlintCheck(const FixtureHost& host, const std::string& root, const std::string& args);

/// Copies `from` to `to` with `cp -a`; false with a test failure otherwise.
bool CopyTree(const std::string& from, const std::string& to);

/// One line per file, directory and symlink below `root`, sorted:
/// "PATH TYPE MODE" and, for a symlink, " -> TARGET". Compared as strings,
/// two listings show any difference in type, permission bits or link target.
std::string ListTree(const std::string& root);

/// The whole file, or "" when it cannot be read.
std::string ReadFile(const std::string& path);
/// Writes `text` to `path`; false when it cannot.
bool WriteFile(const std::string& path, const std::string& text);

}  // namespace synlint::testing
