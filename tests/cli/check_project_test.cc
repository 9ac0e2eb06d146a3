// SPDX-License-Identifier: MIT
// `synlint check` in a repository described by .synlint.yaml (a copy of
// fixtures/config/repo): hosts, repository paths in reports and diffs,
// files from pre-commit, suppressions, per-file-ignores, severities,
// templates and config errors. Drives the built binary.
#include <gtest/gtest.h>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

const std::string kRepo = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/config/repo";

const std::string kWebSl103 =
    "hosts/web/etc/sysctl.conf:1:1: warning: etc/sysctl.conf is not read by systemd-sysctl (since "
    "systemd v207) and no sysctl.d/99-sysctl.conf link points to it; its 1 setting(s) apply only "
    "when 'sysctl --system' or 'sysctl -p' runs [SL103]\n";
const std::string kLegacySl103 =
    "hosts/legacy/etc/sysctl.conf:1:1: warning: etc/sysctl.conf is not read by systemd-sysctl (since "
    "systemd v207) and no sysctl.d/99-sysctl.conf link points to it; its 1 setting(s) apply only "
    "when 'sysctl --system' or 'sysctl -p' runs [SL103]\n";
const std::string kEdgeSl103 =
    "roles/edge/files/sysctl.conf:2:1: warning: etc/sysctl.conf is not read by systemd-sysctl (since "
    "systemd v207) and no sysctl.d/99-sysctl.conf link points to it; its 1 setting(s) apply only "
    "when 'sysctl --system' or 'sysctl -p' runs [SL103]\n";

class CheckProject : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(CopyTree(kRepo, repo())); }
  std::string repo() const { return dir_.path() + "/repo"; }
  CommandResult Synlint(const std::string& args) {
    return RunShell(Quote(SYNLINT_BIN) + " check " + args, repo());
  }
  void Append(const std::string& file, const std::string& text) {
    ASSERT_TRUE(WriteFile(repo() + "/" + file, ReadFile(repo() + "/" + file) + text));
  }
  TempDir dir_;
};

TEST_F(CheckProject, EveryHostWithRepositoryPaths) {
  // The config's fail-on: warning makes warnings fail; the SL103 'note' about
  // the two loaders is judged on a template placeholder and is not reported.
  const CommandResult r = Synlint("--format gcc");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out, kWebSl103 + kLegacySl103 + kEdgeSl103);
  EXPECT_EQ(r.out.find("XXXX"), std::string::npos);
}

TEST_F(CheckProject, FilesLimitTheReportNotTheHost) {
  CommandResult r = Synlint("--format gcc hosts/web/etc/sysctl.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out, kWebSl103);
  // The edge host is loaded whole for the socket file, but its only finding
  // is in another file.
  r = Synlint("--format gcc roles/edge/files/web.socket");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "");
  // A file no host owns whose format cannot be told is named, not silently dropped.
  ASSERT_TRUE(WriteFile(repo() + "/notes.conf", "x\n"));
  r = Synlint("--format gcc notes.conf");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.err.find("'notes.conf' belongs to no host in '" + repo() +
                       "/.synlint.yaml' and is not checked: 'notes.conf': cannot tell whether it is a sysctl, "
                       "nginx, Apache or systemd file; say which with --as"),
            std::string::npos)
      << Describe(r);
  // A change to the config concerns every host.
  r = Synlint("--format gcc .synlint.yaml");
  EXPECT_EQ(r.out, kWebSl103 + kLegacySl103 + kEdgeSl103);
}

TEST_F(CheckProject, AFileNoHostOwnsGetsTheSingleFileRules) {
  // A misspelt key in a file outside every host fails the hook: pre-commit
  // shows it. The rules comparing a listener with the kernel's sysctls
  // (SL201 here) need the file's host and do not run; SL203 judges the file.
  ASSERT_EQ(RunShell("mkdir -p roles/db/sysctl.d roles/db/nginx", repo()).exit_code, 0);
  ASSERT_TRUE(WriteFile(repo() + "/roles/db/sysctl.d/10-db.conf", "net.ipv4.tcp_sny_retries = 3\n"));
  ASSERT_TRUE(WriteFile(repo() + "/roles/db/nginx/nginx.conf",
                        "http { server { listen 80 backlog=100000; listen 80 backlog=200000; } }\n"));
  CommandResult r = Synlint("--format gcc roles/db/sysctl.d/10-db.conf roles/db/nginx/nginx.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("roles/db/sysctl.d/10-db.conf:1:1: error: "), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("[SL203]"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("[SL201]"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("[SL204]"), std::string::npos) << Describe(r);
  // The same file linted alone (no config) gets every rule.
  r = Synlint("--no-config --format gcc roles/db/nginx/nginx.conf");
  EXPECT_NE(r.out.find("[SL201]"), std::string::npos) << Describe(r);
  // stdin in a repository is such a file too.
  r = RunShell(Quote(SYNLINT_BIN) + " check --format gcc - --stdin-filename roles/db/nginx/nginx.conf < " +
                   Quote("roles/db/nginx/nginx.conf"),
               repo());
  EXPECT_NE(r.out.find("roles/db/nginx/nginx.conf:1:"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.out.find("[SL201]"), std::string::npos) << Describe(r);
}

TEST_F(CheckProject, ChangedSinceForAListOfFilesHost) {
  // The edge host is a list of files: its files at REV are read from git.
  ASSERT_EQ(RunShell("git init -q && git add -A && git -c user.email=t@example.org -c user.name=t commit -qm "
                     "init",
                     repo())
                .exit_code,
            0);
  CommandResult r = Synlint("--format gcc --host edge --select SL301 --changed-since HEAD");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "");
  ASSERT_TRUE(WriteFile(repo() + "/roles/edge/files/web.socket.d/10-backlog.conf", "[Socket]\nBacklog=2048\n"));
  r = Synlint("--format gcc --host edge --select SL301 --changed-since HEAD");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("roles/edge/files/web.socket.d/10-backlog.conf:2:"), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("[SL301]"), std::string::npos) << Describe(r);
  EXPECT_EQ(r.err.find("not a tree in git"), std::string::npos) << Describe(r);
}

TEST_F(CheckProject, HostOptionAndRootOverride) {
  CommandResult r = Synlint("--format gcc --host legacy");
  EXPECT_EQ(r.out, kLegacySl103);
  r = Synlint("--format gcc --host nosuch");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "synlint: error: --host: no host 'nosuch' in '" + repo() + "/.synlint.yaml'\n");
  // --root checks that tree alone, with root-relative paths.
  r = Synlint("--format gcc --root hosts/web");
  EXPECT_EQ(r.out, kWebSl103.substr(std::string("hosts/web/").size()));
}

TEST_F(CheckProject, InlineSuppressionsAndTheirRefusal) {
  ASSERT_TRUE(WriteFile(repo() + "/hosts/web/etc/sysctl.conf",
                        "# synlint: disable=SL103 reason=\"applied by our own sysctl -p unit\"\n"
                        "net.core.somaxconn = 4096\n"));
  CommandResult r = Synlint("--host web");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("no findings (1 suppressed)"), std::string::npos) << r.out;
  r = Synlint("--host web --format gcc --no-inline-suppressions");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out,
            "hosts/web/etc/sysctl.conf:1:1: warning: inline suppressions are not allowed here "
            "(--no-inline-suppressions) [SL003]\n" +
                kWebSl103.substr(0, kWebSl103.find(":1:1:")) + ":2:1:" +
                kWebSl103.substr(kWebSl103.find(":1:1:") + 5));
}

TEST_F(CheckProject, ConfigSelectsSeveritiesAndPerFileIgnores) {
  std::string yaml = ReadFile(repo() + "/.synlint.yaml");
  const std::string from = "severity: {SL206: warning}";
  const std::string ignores = "per-file-ignores: {\"hosts/legacy/**\": [SL108], \"*.j2\": [SL1]}";
  ASSERT_NE(yaml.find(from), std::string::npos);
  ASSERT_NE(yaml.find(ignores), std::string::npos);
  yaml.replace(yaml.find(from), from.size(), "severity: {SL1: info, SL103: error}");
  yaml.replace(yaml.find(ignores), ignores.size(), "per-file-ignores: {\"hosts/legacy/**\": [SL1]}");
  ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml", yaml));
  const CommandResult r = Synlint("--format gcc");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  auto as_error = [](std::string line) { return line.replace(line.find("warning:"), 8, "error:"); };
  EXPECT_EQ(r.out, as_error(kWebSl103) + as_error(kEdgeSl103));
}

TEST_F(CheckProject, DiffUsesRepositoryPathsAndKeepsTemplates) {
  Append("hosts/web/etc/sysctl.d/10-net.conf", "net.ipv4.tcp_syn_retries = 2\n");
  // The template's SL1 findings are ignored by the config's per-file-ignores;
  // with the config ignoring nothing, the fix lands in the .j2 file and keeps
  // its template text.
  std::string yaml = ReadFile(repo() + "/.synlint.yaml");
  const std::string ignores = ", \"*.j2\": [SL1]";
  ASSERT_NE(yaml.find(ignores), std::string::npos);
  yaml.erase(yaml.find(ignores), ignores.size());
  ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml", yaml));
  Append("roles/edge/files/sysctl.d/20-edge.conf.j2", "net.ipv4.tcp_syn_retries = 3\n");
  const CommandResult r = Synlint("--diff --unsafe-fixes");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out,
            "--- a/hosts/web/etc/sysctl.d/10-net.conf\n"
            "+++ b/hosts/web/etc/sysctl.d/10-net.conf\n"
            "@@ -1,2 +1,3 @@\n"
            " net.ipv4.tcp_syncookies = 1\n"
            "-net.ipv4.tcp_syn_retries = 2\n"
            "+# synlint SL104: tcp_syn_retries only affects outgoing connect(); restored the kernel "
            "default (was 2)\n"
            "+net.ipv4.tcp_syn_retries = 6\n"
            "--- a/roles/edge/files/sysctl.d/20-edge.conf.j2\n"
            "+++ b/roles/edge/files/sysctl.d/20-edge.conf.j2\n"
            "@@ -2,4 +2,5 @@\n"
            " {% if edge_retries %}\n"
            " net.ipv4.tcp_synack_retries = {{ edge_retries }}\n"
            " {% endif %}\n"
            "-net.ipv4.tcp_syn_retries = 3\n"
            "+# synlint SL104: tcp_syn_retries only affects outgoing connect(); restored the kernel "
            "default (was 3)\n"
            "+net.ipv4.tcp_syn_retries = 6\n");
  ASSERT_TRUE(WriteFile(dir_.path() + "/fix.diff", r.out));
  const CommandResult init = RunShell("git init -q . && git apply --check ../fix.diff", repo());
  EXPECT_EQ(init.exit_code, 0) << Describe(init);
  const CommandResult fix = Synlint("--fix --unsafe-fixes --format gcc");
  EXPECT_EQ(fix.exit_code, 1) << Describe(fix);
  EXPECT_EQ(ReadFile(repo() + "/roles/edge/files/sysctl.d/20-edge.conf.j2"),
            "net.core.somaxconn = {{ edge_somaxconn }}\n"
            "{% if edge_retries %}\n"
            "net.ipv4.tcp_synack_retries = {{ edge_retries }}\n"
            "{% endif %}\n"
            "# synlint SL104: tcp_syn_retries only affects outgoing connect(); restored the kernel "
            "default (was 3)\n"
            "net.ipv4.tcp_syn_retries = 6\n");
  const CommandResult again = Synlint("--diff --unsafe-fixes");
  EXPECT_EQ(again.out, "") << Describe(again);
}

// A message that names another place names it as the locations do: by
// its repository path, not by where the host tree puts it (issue #20, point 12).
TEST_F(CheckProject, MessagesNameFilesByRepositoryPath) {
  Append("roles/edge/files/sysctl.d/10-edge.conf", "net.ipv4.tcp_syncookies = 2\n");
  Append("hosts/web/etc/sysctl.d/10-net.conf", "net.ipv4.tcp_syncookies = 2\n");
  const CommandResult r = Synlint("--format gcc");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("roles/edge/files/sysctl.d/10-edge.conf:1:1: warning: 'net.ipv4.tcp_syncookies = 1' has "
                       "no effect; roles/edge/files/sysctl.d/10-edge.conf:2 sets '2' later"),
            std::string::npos)
      << Describe(r);
  EXPECT_NE(r.out.find("hosts/web/etc/sysctl.d/10-net.conf:1:1: warning: 'net.ipv4.tcp_syncookies = 1' has "
                       "no effect; hosts/web/etc/sysctl.d/10-net.conf:2 sets '2' later"),
            std::string::npos)
      << Describe(r);
  EXPECT_EQ(r.out.find(" etc/sysctl.d/"), std::string::npos) << Describe(r);
  // --root: root-relative paths everywhere, messages too.
  const CommandResult root = Synlint("--format gcc --root hosts/web");
  EXPECT_NE(root.out.find("etc/sysctl.d/10-net.conf:1:1: warning: 'net.ipv4.tcp_syncookies = 1' has no "
                          "effect; etc/sysctl.d/10-net.conf:2 sets '2' later"),
            std::string::npos)
      << Describe(root);
}

TEST_F(CheckProject, ConfigErrorsNameLineAndColumn) {
  ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml",
                        "kernel: 5.15\nrules:\n  bogus: 1\nhosts:\n  a: {root: nope}\n"));
  const CommandResult r = Synlint("");
  EXPECT_EQ(r.exit_code, 2);
  const std::string path = repo() + "/.synlint.yaml";
  EXPECT_EQ(r.err, "synlint: error: " + path + ":3:3: unknown key 'bogus' in 'rules'\n" +
                       "synlint: error: " + path + ":5:13: root 'nope' does not exist\n" +
                       "synlint: error: '" + path + "' is not a valid synlint config (2 problems)\n");
  const CommandResult ignored = Synlint("--no-config --root hosts/web --format gcc");
  EXPECT_EQ(ignored.exit_code, 1) << Describe(ignored);
}

TEST_F(CheckProject, ShowAndExplainPickAHostOfTheConfig) {
  auto run = [&](const std::string& args) { return RunShell(Quote(SYNLINT_BIN) + " " + args, repo()); };
  CommandResult r = run("show");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "synlint: error: '" + repo() +
                       "/.synlint.yaml' describes several hosts (web, legacy, edge); pick one with "
                       "--host, or give --root\n");
  r = run("show --host web");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "root: hosts/web/");
  EXPECT_NE(r.out.find("kernel: 5.15 (--kernel)"), std::string::npos) << r.out;  // from the config
  r = run("explain 8080 --host edge");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "web.socket listening on 8080 (declared at roles/edge/files/web.socket:2), Linux 5.15 "
            "(--kernel)");
  // show names the templates whose placeholders it cannot know.
  r = run("show --host edge");
  EXPECT_NE(r.err.find("roles/edge/templates/nginx.conf.j2"), std::string::npos) << Describe(r);
}

TEST_F(CheckProject, FilesWithoutAConfigAreLintedAlone) {
  // Never this machine's '/': the file itself, its paths as given.
  ASSERT_TRUE(WriteFile(repo() + "/hosts/web/etc/sysctl.d/20-typo.conf", "net.ipv4.tcp_sny_retries = 3\n"));
  CommandResult r = Synlint("--no-config --format gcc hosts/web/etc/sysctl.d/20-typo.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out.find("hosts/web/etc/sysctl.d/20-typo.conf:1:1: error: "), 0u) << Describe(r);
  EXPECT_EQ(r.out.find("10-net.conf"), std::string::npos) << Describe(r);
  ASSERT_EQ(RunShell("rm hosts/web/etc/sysctl.d/20-typo.conf", repo()).exit_code, 0);
  // With --root, a file inside it limits the report to that file.
  r = Synlint("--no-config --root hosts/web --format gcc hosts/web/etc/sysctl.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out, kWebSl103.substr(std::string("hosts/web/").size()));
  // ... and a relative name that is not below the current directory's root
  // path may be given from the root.
  r = Synlint("--no-config --root hosts/web --format gcc etc/sysctl.conf");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out, kWebSl103.substr(std::string("hosts/web/").size()));
  r = Synlint("--no-config --root hosts/web hosts/legacy/etc/sysctl.conf");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "synlint: error: 'hosts/legacy/etc/sysctl.conf' is not inside the root 'hosts/web'; "
                   "without --root a file is linted alone\n");
}

}  // namespace
}  // namespace synlint::testing
