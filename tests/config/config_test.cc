// SPDX-License-Identifier: MIT
#include "linter/config/config.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_repo.h"

namespace synlint {
namespace {

namespace fs = std::filesystem;
using testing_util::KnownRules;
using testing_util::TestRepo;
using Lines = std::vector<std::string>;

const std::string kRepo = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/config/repo";

std::vector<std::string> Matches(const std::vector<ConfigPath>& list) {
  std::vector<std::string> out;
  for (const ConfigPath& p : list) {
    out.push_back(p.pattern + "@" + std::to_string(p.line) + ":" + std::to_string(p.column) + " =");
    for (const std::string& m : p.matches) out.back() += " " + m;
  }
  return out;
}

TEST(Config, LoadsTheFixtureRepository) {
  Config c;
  std::vector<ConfigError> errors;
  ASSERT_TRUE(LoadConfig(kRepo + "/.synlint.yaml", KnownRules(), &c, &errors));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(kRepo, c.base_dir);
  ASSERT_TRUE(c.kernel);
  EXPECT_EQ("5.15", c.kernel->ToString());
  EXPECT_EQ(sysctl::Loader::kSystemd, c.sysctl_loader);
  EXPECT_EQ(252, c.systemd_version);
  ASSERT_EQ(3u, c.hosts.size());
  EXPECT_EQ("web", c.hosts[0].name);
  EXPECT_EQ(6, c.hosts[0].line);
  EXPECT_EQ(3, c.hosts[0].column);
  EXPECT_EQ("hosts/web", c.hosts[0].root);
  EXPECT_EQ(kRepo + "/hosts/web", c.hosts[0].root_dir);
  EXPECT_EQ("legacy", c.hosts[1].name);
  const HostConfig& edge = c.hosts[2];
  EXPECT_FALSE(edge.is_root());
  EXPECT_EQ(Lines({"roles/edge/files/sysctl.conf@11:14 = roles/edge/files/sysctl.conf",
                   "roles/edge/files/sysctl.d/*.conf*@11:44 = roles/edge/files/sysctl.d/10-edge.conf "
                   "roles/edge/files/sysctl.d/20-edge.conf.j2"}),
            Matches(edge.sysctl));
  EXPECT_EQ(Lines({"roles/edge/templates/nginx.conf.j2@12:13 = roles/edge/templates/nginx.conf.j2",
                   "roles/edge/files/extra-nginx.conf@12:49 = roles/edge/files/extra-nginx.conf"}),
            Matches(edge.nginx));
  EXPECT_TRUE(edge.apache.empty());
  EXPECT_EQ(
      Lines({"roles/edge/files/web.socket@13:15 = roles/edge/files/web.socket",
             "roles/edge/files/web.socket.d/*.conf@13:44 = roles/edge/files/web.socket.d/10-backlog.conf"}),
      Matches(edge.systemd));
  EXPECT_EQ(Lines({"SL"}), c.rules.select);
  EXPECT_EQ(Lines({"SL105"}), c.rules.ignore);
  EXPECT_EQ((std::map<std::string, Severity>{{"SL206", Severity::kWarning}}), c.rules.severity);
  ASSERT_EQ(2u, c.rules.per_file_ignores.size());
  EXPECT_EQ("hosts/legacy/**", c.rules.per_file_ignores[0].first);
  EXPECT_EQ(Lines({"SL108"}), c.rules.per_file_ignores[0].second);
  EXPECT_EQ("*.j2", c.rules.per_file_ignores[1].first);
  EXPECT_EQ(Lines({"SL1"}), c.rules.per_file_ignores[1].second);
  EXPECT_EQ("warning", c.fail_on);
  EXPECT_FALSE(c.no_inline_suppressions);
  EXPECT_EQ(&c.hosts[2], c.FindHost("edge"));
  EXPECT_EQ(nullptr, c.FindHost("nope"));
}

TEST(Config, EmptyFileIsValid) {
  TestRepo repo;
  Config c;
  EXPECT_EQ(Lines{}, repo.Load("# nothing yet\n", &c));
  EXPECT_FALSE(c.kernel);
  EXPECT_TRUE(c.hosts.empty());
  EXPECT_EQ(repo.dir(), c.base_dir);
}

TEST(Config, UnquotedKernelAndBooleans) {
  TestRepo repo;
  Config c;
  EXPECT_EQ(Lines{}, repo.Load("kernel: 5.10\nno-inline-suppressions: true\nsysctl-loader: procps\n", &c));
  EXPECT_EQ("5.10", c.kernel->ToString());
  EXPECT_TRUE(c.no_inline_suppressions);
  EXPECT_EQ(sysctl::Loader::kProcps, c.sysctl_loader);
}

TEST(Config, UnknownKeysAnywhere) {
  TestRepo repo;
  EXPECT_EQ(
      Lines({"1:1: unknown key 'kernal' (did you mean 'kernel'?)",
             "4:5: unknown key 'roots' in host 'web' (did you mean 'root'?)",
             "3:3: host 'web' has neither 'root' nor file lists",
             "6:3: unknown key 'selct' in 'rules' (did you mean 'select'?)", "8:1: unknown key 'extra'"}),
      repo.Load("kernal: \"5.15\"\n"
                "hosts:\n"
                "  web:\n"
                "    roots: hosts/web\n"
                "rules:\n"
                "  selct: [SL1]\n"
                "  severity: {SL104: info}\n"
                "extra: 1\n"));
}

TEST(Config, BadValues) {
  TestRepo repo;
  EXPECT_EQ(Lines({"1:9: bad kernel version 'five'; expected MAJOR.MINOR such as '6.1'",
                   "2:16: bad sysctl loader 'sysv'; expected 'systemd' or 'procps'",
                   "3:18: bad systemd version 'v252'; expected a number such as 252",
                   "4:10: bad fail-on level 'fatal'; expected 'error', 'warning', 'info' or 'never'",
                   "5:25: 'no-inline-suppressions' must be true or false, not 'maybe'"}),
            repo.Load("kernel: five\n"
                      "sysctl-loader: sysv\n"
                      "systemd-version: v252\n"
                      "fail-on: fatal\n"
                      "no-inline-suppressions: maybe\n"));
}

TEST(Config, WrongTypes) {
  TestRepo repo;
  EXPECT_EQ(
      Lines({"1:9: 'kernel' must be a kernel version such as '6.1', not a list",
             "2:8: 'hosts' must be a mapping, not a list", "4:11: 'select' must be a list, not a string",
             "5:13: 'severity' must be a mapping, not a list", "7:13: 'a/**' must be a list, not a string",
             "8:1: 'fail-on' must be a level such as 'warning', not empty"}),
      repo.Load("kernel: [5, 15]\n"
                "hosts: [web]\n"
                "rules:\n"
                "  select: SL1\n"
                "  severity: [SL104]\n"
                "  per-file-ignores:\n"
                "    \"a/**\": SL104\n"
                "fail-on:\n"));
}

TEST(Config, RuleIdsMustMatchKnownRules) {
  TestRepo repo;
  Config c;
  EXPECT_EQ(
      Lines({"2:12: 'SL9' matches no rule", "2:17: 'XY1' is not a rule ID or prefix such as 'SL104' or 'SL1'",
             "3:12: 'SL999' matches no rule",
             "4:21: bad severity 'fatal' for 'SL206'; expected 'error', 'warning' or 'info'",
             "4:28: 'SL998' matches no rule",
             "5:31: 'SL1O5' is not a rule ID or prefix such as 'SL104' or 'SL1'"}),
      repo.Load("rules:\n"
                "  select: [SL9, XY1, SL10]\n"
                "  ignore: [SL999]\n"
                "  severity: {SL206: fatal, SL998: info, SL1: error}\n"
                "  per-file-ignores: {\"x/**\": [SL1O5]}\n",
                &c));
  EXPECT_EQ(Lines({"SL10"}), c.rules.select);
  EXPECT_EQ((std::map<std::string, Severity>{{"SL1", Severity::kError}}), c.rules.severity);
}

TEST(Config, HostProblems) {
  TestRepo repo;
  repo.Write("hosts/web/etc/sysctl.conf", "");
  repo.Write("hosts/file", "");
  repo.Write("roles/a/sysctl.conf", "");
  repo.Write("roles/a/nginx/nginx.conf", "");
  repo.Write("roles/a/nginx/other.conf", "");
  EXPECT_EQ(
      Lines({"3:11: root 'hosts/nope' does not exist", "5:11: root 'hosts/file' is not a directory",
             "6:3: host 'both' has both 'root' and file lists; use one of them",
             "9:3: host 'none' has neither 'root' nor file lists", "11:30: 'roles/b/*.conf' matches no file",
             "11:46: '../outside.conf' leads outside the config file's directory",
             "11:63: '/etc/sysctl.conf' must be relative to the config file's directory",
             "12:13: the first 'nginx' entry must name the main file, but 'roles/a/nginx/*.conf' matches 2 "
             "files",
             "13:13: 'apache' must be a list, not a string", "14:14: 'systemd' lists no files"}),
      repo.Load("hosts:\n"
                "  missing:\n"
                "    root: hosts/nope\n"
                "  notdir:\n"
                "    root: hosts/file\n"
                "  both:\n"
                "    root: hosts/web\n"
                "    sysctl: [roles/a/sysctl.conf]\n"
                "  none: {}\n"
                "  lists:\n"
                "    sysctl: [roles/a/*.conf, roles/b/*.conf, ../outside.conf, /etc/sysctl.conf]\n"
                "    nginx: [roles/a/nginx/*.conf]\n"
                "    apache: roles/a/apache2.conf\n"
                "    systemd: []\n"));
}

TEST(Config, DuplicateKeys) {
  TestRepo repo;
  Config c;
  EXPECT_EQ(Lines({"2:1: duplicate key 'kernel'"}), repo.Load("kernel: \"6.1\"\nkernel: \"5.15\"\n", &c));
  EXPECT_EQ("6.1", c.kernel->ToString());
}

TEST(Config, YamlSyntaxError) {
  TestRepo repo;
  EXPECT_EQ(Lines({"2:1: invalid yaml: end of sequence flow not found"}), repo.Load("kernel: [6.1\n"));
  EXPECT_EQ(Lines({"1:1: the config must be a mapping, not a list"}), repo.Load("- kernel\n- rules\n"));
}

TEST(Config, PerFileIgnoresMustMatchAHostFile) {
  TestRepo repo;
  repo.Write("hosts/web/etc/sysctl.conf", "");
  EXPECT_EQ(Lines({"6:5: 'hosts/legacy/**' matches no file of any host"}),
            repo.Load("hosts:\n"
                      "  web: {root: hosts/web}\n"
                      "rules:\n"
                      "  per-file-ignores:\n"
                      "    \"hosts/web/**\": [SL104]\n"
                      "    \"hosts/legacy/**\": [SL108]\n"));
}

TEST(Config, UnreadableFile) {
  Config c;
  std::vector<ConfigError> errors;
  EXPECT_FALSE(LoadConfig("/nonexistent/.synlint.yaml", KnownRules(), &c, &errors));
  ASSERT_EQ(1u, errors.size());
  EXPECT_EQ("/nonexistent/.synlint.yaml:0:0: cannot read the config file", errors[0].ToString());
}

TEST(FindConfig, SearchesUpward) {
  EXPECT_EQ(kRepo + "/.synlint.yaml", FindConfig(kRepo + "/roles/edge/templates/sites"));
  EXPECT_EQ(kRepo + "/.synlint.yaml", FindConfig(kRepo));
  TestRepo repo;
  repo.Write("a/b/c/file", "");
  EXPECT_EQ(std::nullopt, FindConfig(repo.dir() + "/a/b/c"));
  repo.Write("a/.synlint.yaml", "");
  EXPECT_EQ(repo.dir() + "/a/.synlint.yaml", FindConfig(repo.dir() + "/a/b/c"));
  repo.Write("a/b/.synlint.yaml", "");
  EXPECT_EQ(repo.dir() + "/a/b/.synlint.yaml", FindConfig(repo.dir() + "/a/b/c"));
}

TEST(HostsForFiles, MapsChangedFilesToHosts) {
  Config c;
  std::vector<ConfigError> errors;
  ASSERT_TRUE(LoadConfig(kRepo + "/.synlint.yaml", KnownRules(), &c, &errors));
  EXPECT_EQ(Lines({"web"}), HostsForFiles(c, {kRepo + "/hosts/web/etc/sysctl.conf"}));
  EXPECT_EQ(Lines({"edge"}), HostsForFiles(c, {kRepo + "/roles/edge/templates/snippets/keepalive.conf"}));
  EXPECT_EQ(Lines({"legacy", "edge"}), HostsForFiles(c, {kRepo + "/roles/edge/files/sysctl.d/10-edge.conf",
                                                         kRepo + "/hosts/legacy/etc/sysctl.conf"}));
  EXPECT_EQ(Lines{}, HostsForFiles(c, {kRepo + "/.synlint.yaml", kRepo + "/roles/edge/files/other.conf"}));
  const std::string relative =
      fs::relative(kRepo + "/roles/edge/files/web.socket", fs::current_path()).string();
  EXPECT_EQ(Lines({"edge"}), HostsForFiles(c, {relative}));
  EXPECT_TRUE(HostContainsFile(c, c.hosts[0], kRepo + "/hosts/web/./etc/../etc/sysctl.conf"));
  EXPECT_FALSE(HostContainsFile(c, c.hosts[0], kRepo + "/hosts/webfoo/etc/sysctl.conf"));
}

}  // namespace
}  // namespace synlint
