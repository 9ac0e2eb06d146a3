// SPDX-License-Identifier: MIT
// Checks what synlint's fixes write with the servers' own configuration
// checkers: `nginx -t` and `apache2ctl -t` from Debian's packages, run in
// tests/integration/sandbox.sh (a private mount and network namespace in which
// the tree is /etc and the unpacked packages are /usr, so configurations keep
// their absolute Debian paths), and `systemd-analyze verify --root`.
//
// - ServerFixtureTest, one per fixtures/hosts/server_* (and fixtures/servers/*):
//   after `check --fix --unsafe-fixes`, every checker that applies to the tree
//   accepts it and prints nothing but its success line.
// - The SL203 proof: the unfixed configuration fails `nginx -t` with
//   "duplicate listen options" on the line synlint reports; the fixed one
//   passes.
// - Controls: breaking the exact text a fix wrote makes the checker complain,
//   so each checker is shown to read the file synlint edited.
// A checker that cannot run fails its test with a message naming
// tools/install_servers.sh; nothing is skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

const std::string kInstallHint =
    "run tools/install_servers.sh as root: it unpacks Debian's nginx and Apache into build/tools/servers "
    "and installs systemd when systemd-analyze is missing";
const std::string kSandbox = std::string(SYNLINT_SOURCE_DIR) + "/tests/integration/sandbox.sh";
const std::string kNginxOk =
    "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
    "nginx: configuration file /etc/nginx/nginx.conf test is successful\n";

// Where tools/install_servers.sh unpacked the packages, or "".
std::string ServersDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SYNLINT_SERVERS_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(SYNLINT_SOURCE_DIR) + "/build/tools/servers");
  candidates.push_back(std::string(SYNLINT_BINARY_DIR) + "/tools/servers");
  for (const std::string& c : candidates) {
    if (fs::exists(c + "/usr/sbin/nginx") && fs::exists(c + "/usr/sbin/apache2ctl")) return c;
  }
  return "";
}

// Why nginx and Apache cannot be run in the sandbox, or "".
std::string SandboxProblem() {
  if (geteuid() != 0)
    return "the nginx and Apache checks run in a mount namespace and need root; " + kInstallHint;
  if (ServersDir().empty())
    return "nginx and Apache are not unpacked in build/tools/servers (nor in $SYNLINT_SERVERS_DIR); " +
           kInstallHint;
  if (RunShell("command -v unshare").exit_code != 0)
    return "unshare (util-linux) is missing; " + kInstallHint;
  return "";
}

// Why systemd-analyze cannot be run, or "".
std::string VerifyProblem() {
  if (RunShell("command -v systemd-analyze").exit_code != 0)
    return "systemd-analyze is missing; " + kInstallHint;
  return "";
}

CommandResult InSandbox(const std::string& root, const std::string& command) {
  return RunShell("sh " + Quote(kSandbox) + " " + Quote(root) + " " + Quote(ServersDir()) + " " + command);
}

CommandResult NginxTest(const std::string& root) { return InSandbox(root, "/usr/sbin/nginx -t"); }
CommandResult ApacheTest(const std::string& root) { return InSandbox(root, "/usr/sbin/apache2ctl -t"); }

// The names of the socket units in the tree, sorted.
std::vector<std::string> SocketUnits(const std::string& root) {
  std::set<std::string> names;
  for (const char* dir :
       {"etc/systemd/system", "run/systemd/system", "usr/lib/systemd/system", "lib/systemd/system"}) {
    const fs::path d = fs::path(root) / dir;
    if (!fs::is_directory(d)) continue;
    for (const auto& e : fs::directory_iterator(d)) {
      std::error_code ec;
      if (e.path().extension() == ".socket" && !fs::is_directory(e.path(), ec))
        names.insert(e.path().filename());
    }
  }
  return {names.begin(), names.end()};
}

// systemd-analyze verify --root on a scratch copy of `root`. The units'
// default dependencies name the standard targets (sysinit.target,
// sockets.target, ...), which the fixtures do not carry; the copy gets the
// machine's, without replacing any file of the tree.
CommandResult VerifyUnits(const std::string& root, const std::vector<std::string>& units,
                          const std::string& scratch) {
  if (!CopyTree(root, scratch)) return {};
  std::string targets = "/usr/lib/systemd/system";
  if (!fs::exists(targets + "/sysinit.target")) targets = "/lib/systemd/system";
  const CommandResult copy = RunShell(
      "mkdir -p usr/lib/systemd/system && cp -n " + Quote(targets) + "/*.target usr/lib/systemd/system/",
      scratch);
  EXPECT_EQ(copy.exit_code, 0) << "cannot copy the machine's systemd targets\n" << Describe(copy);
  std::string cmd = "systemd-analyze verify --root=" + Quote(scratch);
  for (const std::string& u : units) cmd += " " + Quote(u);
  return RunShell(cmd);
}

// A `cp -a` copy of the fixture at DIR/NAME, fixed with `--fix
// --unsafe-fixes` when `fix`; "" with a test failure when that fails.
std::string CopyOf(const FixtureHost& host, const TempDir& tmp, const std::string& name, bool fix) {
  const std::string dest = tmp.path() + "/" + name;
  if (host.tree.empty() || !CopyTree(host.tree, dest)) return "";
  if (!fix) return dest;
  const CommandResult r = RunShell(SynlintCheck(host, dest, "--fix --unsafe-fixes"));
  EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
  return r.exit_code == 0 || r.exit_code == 1 ? dest : "";
}

// A `cp -a` copy of the fixture at DIR/NAME with `synlint tune --fix` for
// the load `load` applied: the backlogs a described load gives (check offers
// none: SL206 has no basis for a size); "" with a test failure when that fails.
std::string TunedCopyOf(const FixtureHost& host, const TempDir& tmp, const std::string& name,
                        const std::string& load) {
  const std::string dest = tmp.path() + "/" + name;
  if (host.tree.empty() || !CopyTree(host.tree, dest)) return "";
  std::string cmd = Quote(SYNLINT_BIN) + " tune --root " + Quote(dest);
  for (const std::string& f : host.flags) cmd += " " + Quote(f);
  const CommandResult r = RunShell(cmd + " " + load + " --fix");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  return r.exit_code == 0 ? dest : "";
}

// Replaces the one occurrence of `from` in the file; false with a failure
// when it is not there exactly once.
bool ReplaceOnce(const std::string& path, const std::string& from, const std::string& to) {
  std::string text = ReadFile(path);
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "'" << from << "' is not in " << path << ":\n" << text;
  if (at == std::string::npos) return false;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos) << "'" << from << "' is in " << path << " twice";
  text.replace(at, from.size(), to);
  return WriteFile(path, text);
}

std::vector<FixtureHost> ServerFixtures() {
  std::vector<FixtureHost> out;
  for (FixtureHost& h : FindFixtureHosts()) {
    if (h.name.rfind("hosts_server_", 0) == 0 || h.name.rfind("servers_", 0) == 0)
      out.push_back(std::move(h));
  }
  return out;
}

class ServerFixtureTest : public ::testing::TestWithParam<FixtureHost> {};

TEST_P(ServerFixtureTest, FixedTreePassesTheServersOwnChecks) {
  const FixtureHost& host = GetParam();
  TempDir tmp;
  const std::string fixed = CopyOf(host, tmp, "fixed", true);
  ASSERT_FALSE(fixed.empty());
  int checkers = 0;
  if (fs::exists(fixed + "/etc/nginx/nginx.conf")) {
    ++checkers;
    if (const std::string problem = SandboxProblem(); !problem.empty()) {
      ADD_FAILURE() << "cannot run nginx -t: " << problem;
    } else {
      const CommandResult r = NginxTest(fixed);
      EXPECT_EQ(r.exit_code, 0) << Describe(r);
      EXPECT_EQ(r.out + r.err, kNginxOk) << "nginx -t printed more than its success lines";
    }
  }
  if (fs::exists(fixed + "/etc/apache2/apache2.conf")) {
    ++checkers;
    if (const std::string problem = SandboxProblem(); !problem.empty()) {
      ADD_FAILURE() << "cannot run apache2ctl -t: " << problem;
    } else {
      const CommandResult r = ApacheTest(fixed);
      EXPECT_EQ(r.exit_code, 0) << Describe(r);
      EXPECT_EQ(r.out + r.err, "Syntax OK\n") << "apache2ctl -t printed more than 'Syntax OK'";
    }
  }
  if (const std::vector<std::string> units = SocketUnits(fixed); !units.empty()) {
    ++checkers;
    if (const std::string problem = VerifyProblem(); !problem.empty()) {
      ADD_FAILURE() << "cannot run systemd-analyze verify: " << problem;
    } else {
      // verify exits 0 on warnings about a unit or a drop-in: any output fails.
      const CommandResult r = VerifyUnits(fixed, units, tmp.path() + "/verify-root");
      EXPECT_EQ(r.exit_code, 0) << Describe(r);
      EXPECT_EQ(r.out + r.err, "") << "systemd-analyze verify complained";
    }
  }
  EXPECT_GT(checkers, 0) << host.tree << " has no nginx, Apache or socket unit for a real tool to check";
}

INSTANTIATE_TEST_SUITE_P(Servers, ServerFixtureTest, ::testing::ValuesIn(ServerFixtures()),
                         [](const ::testing::TestParamInfo<FixtureHost>& i) { return i.param.name; });

// SL203 is right: nginx refuses the unfixed configuration with "duplicate
// listen options" on the line synlint reports, and accepts the fixed one.
TEST(NginxCheckTest, DuplicateListenOptionsFailUntilFixed) {
  ASSERT_EQ(SandboxProblem(), "");
  const FixtureHost host = FixtureHostNamed("hosts_server_nginx_duplicate_listen");
  TempDir tmp;
  const std::string pristine = CopyOf(host, tmp, "pristine", false);
  const std::string fixed = CopyOf(host, tmp, "fixed", true);
  ASSERT_FALSE(pristine.empty());
  ASSERT_FALSE(fixed.empty());

  const CommandResult lint = RunShell(SynlintCheck(host, pristine, ""));
  EXPECT_EQ(lint.exit_code, 1) << Describe(lint);
  EXPECT_NE((lint.out + lint.err)
                .find("etc/nginx/sites-available/static.example.com:4:12: error: duplicate listen options "
                      "for 0.0.0.0:80"),
            std::string::npos)
      << Describe(lint);

  const CommandResult before = NginxTest(pristine);
  EXPECT_EQ(before.exit_code, 1) << Describe(before);
  EXPECT_NE(before.err.find("[emerg]"), std::string::npos) << Describe(before);
  EXPECT_NE(before.err.find("duplicate listen options for 0.0.0.0:80 in "
                            "/etc/nginx/sites-enabled/static.example.com:4\n"),
            std::string::npos)
      << Describe(before);
  EXPECT_NE(before.err.find("nginx: configuration file /etc/nginx/nginx.conf test failed\n"),
            std::string::npos)
      << Describe(before);

  const CommandResult after = NginxTest(fixed);
  EXPECT_EQ(after.exit_code, 0) << Describe(after);
  EXPECT_EQ(after.out + after.err, kNginxOk);
  EXPECT_NE(ReadFile(fixed + "/etc/nginx/sites-available/app.example.com")
                .find("\tlisten 80 backlog=4096 reuseport deferred;\n"),
            std::string::npos);
}

// nginx reads the `backlog=` synlint adds (`synlint tune`): the tuned tree
// passes nginx -t, and spoiling exactly that parameter makes it fail on that line.
TEST(NginxCheckTest, ReadsTheBacklogSynlintAdded) {
  ASSERT_EQ(SandboxProblem(), "");
  const FixtureHost host = FixtureHostNamed("hosts_server_proxy_somaxconn_raised");
  TempDir tmp;
  const std::string fixed = TunedCopyOf(host, tmp, "tuned", "--peak-rate 20000 --accept-delay 50");
  ASSERT_FALSE(fixed.empty());
  const CommandResult ok = NginxTest(fixed);
  EXPECT_EQ(ok.exit_code, 0) << Describe(ok);
  EXPECT_EQ(ok.out + ok.err, kNginxOk);
  const std::string site = fixed + "/etc/nginx/sites-available/www.example.net";
  ASSERT_TRUE(ReplaceOnce(site, "\tlisten 80 default_server backlog=2000;\n",
                          "\tlisten 80 default_server backlog=2000x;\n"));
  const CommandResult r = NginxTest(fixed);
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.err.find("invalid backlog \"backlog=2000x\" in /etc/nginx/sites-enabled/www.example.net:4\n"),
            std::string::npos)
      << Describe(r);
}

// Apache reads the `ListenBacklog` line synlint adds (`synlint tune`).
TEST(ApacheCheckTest, ReadsTheListenBacklogSynlintAdded) {
  ASSERT_EQ(SandboxProblem(), "");
  const FixtureHost host = FixtureHostNamed("hosts_server_proxy_somaxconn_raised");
  TempDir tmp;
  const std::string fixed = TunedCopyOf(host, tmp, "tuned", "--peak-rate 20000 --accept-delay 50");
  ASSERT_FALSE(fixed.empty());
  const CommandResult ok = ApacheTest(fixed);
  EXPECT_EQ(ok.exit_code, 0) << Describe(ok);
  EXPECT_EQ(ok.out + ok.err, "Syntax OK\n");
  ASSERT_TRUE(
      ReplaceOnce(fixed + "/etc/apache2/ports.conf", "\nListenBacklog 2000\n", "\nListenBacklog 2000 8\n"));
  const CommandResult r = ApacheTest(fixed);
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.err.find("/etc/apache2/ports.conf"), std::string::npos) << Describe(r);
  EXPECT_NE(r.err.find("ListenBacklog takes one argument"), std::string::npos) << Describe(r);
}

// systemd reads the Backlog= synlint writes (`synlint tune`), in the admin's
// unit and in the drop-in for the vendor unit; a bad value there is only a
// warning (exit 0), which is why ServerFixtureTest fails on any output.
TEST(SystemdCheckTest, ReadsTheBacklogInUnitAndDropIn) {
  ASSERT_EQ(VerifyProblem(), "");
  const FixtureHost host = FixtureHostNamed("hosts_server_systemd_sockets");
  TempDir tmp;
  const std::string fixed = TunedCopyOf(host, tmp, "tuned", "--peak-rate 81920 --accept-delay 100");
  ASSERT_FALSE(fixed.empty());
  const std::string unit = fixed + "/etc/systemd/system/metrics-proxy.socket";
  const std::string dropin = fixed + "/etc/systemd/system/queue-broker.socket.d/90-synlint.conf";
  EXPECT_NE(ReadFile(dropin).find("\n[Socket]\n"), std::string::npos) << ReadFile(dropin);
  ASSERT_TRUE(ReplaceOnce(unit, "\nBacklog=16384\n", "\nBacklog=16384k\n"));
  ASSERT_TRUE(ReplaceOnce(dropin, "\nBacklog=16384\n", "\nBacklog=lots\n"));
  const CommandResult r =
      VerifyUnits(fixed, {"metrics-proxy.socket", "queue-broker.socket"}, tmp.path() + "/verify-root");
  EXPECT_NE(r.err.find("/etc/systemd/system/metrics-proxy.socket:"), std::string::npos) << Describe(r);
  EXPECT_NE(r.err.find("16384k"), std::string::npos) << Describe(r);
  EXPECT_NE(r.err.find("/etc/systemd/system/queue-broker.socket.d/90-synlint.conf:3:"), std::string::npos)
      << Describe(r);
  EXPECT_NE(r.err.find("lots"), std::string::npos) << Describe(r);
}

}  // namespace
}  // namespace synlint::testing
