// SPDX-License-Identifier: MIT
// `synlint report` as users run it: the real binary writes per-host JSON
// reports with `check --format json` on fixture hosts (two hosts share one
// tree, so their findings must merge), beside Ansible failure records; then
// `synlint report` merges them in every format. SARIF goes through the same
// SARIF 2.1.0 schema validator as the output tests.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

class ReportCli : public ::testing::Test {
 protected:
  void SetUp() override {
    reports_ = dir_.path() + "/reports";
    fs::create_directories(reports_);
    // web01 and web02: the same host tree; db01: another one.
    WriteCheck("web01", "hosts_server_nginx_backlog");
    WriteCheck("web02", "hosts_server_nginx_backlog");
    WriteCheck("db01", "hosts_listen_nginx_4_19");
    ASSERT_TRUE(WriteFile(reports_ + "/down01.json",
                          R"({"unreachable": true, "changed": false, "msg": "Failed to connect to the host via ssh: timed out"})"));
  }
  void WriteCheck(const std::string& host, const std::string& fixture) {
    const FixtureHost f = FixtureHostNamed(fixture);
    const CommandResult r = RunShell(SynlintCheck(f, f.tree, "--format json --fail-on never -o " +
                                                             Quote(reports_ + "/" + host + ".json")));
    ASSERT_EQ(r.exit_code, 0) << Describe(r);
  }
  CommandResult Report(const std::string& args) {
    return RunShell(Quote(SYNLINT_BIN) + " report " + args);
  }
  TempDir dir_;
  std::string reports_;
};

TEST_F(ReportCli, GroupsEachFindingOnceWithTheHostsItIsOn) {
  const YAML::Node web = YAML::LoadFile(reports_ + "/web01.json");
  ASSERT_GT(web["findings"].size(), 0u) << "the fixture must have findings";
  const CommandResult r = Report(Quote(reports_));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);  // findings, and a host that did not report
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.rfind("4 hosts: 3 reported, 1 unreachable; 3 with findings: ", 0), 0u) << r.out;
  for (const auto& f : web["findings"]) {
    const std::string line = "  " + f["rule"].as<std::string>() + " " + f["severity"].as<std::string>() +
                             " on 2 hosts: " + f["message"].as<std::string>();
    EXPECT_NE(r.out.find(line), std::string::npos) << "missing: " << line << "\n" << r.out;
  }
  EXPECT_NE(r.out.find("\n    web01, web02\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  down01: unreachable: Failed to connect to the host via ssh: timed out\n"),
            std::string::npos) << r.out;
}

TEST_F(ReportCli, JsonListsGroupsHostsAndTotals) {
  const CommandResult r = Report("--format json --fail-on never " + Quote(reports_));
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const YAML::Node j = YAML::Load(r.out);
  EXPECT_EQ(j["summary"]["hosts"].as<int>(), 4);
  EXPECT_EQ(j["summary"]["reported"].as<int>(), 3);
  EXPECT_EQ(j["summary"]["unreachable"].as<int>(), 1);
  std::set<std::string> names;
  for (const auto& h : j["hosts"]) names.insert(h["host"].as<std::string>() + "=" + h["status"].as<std::string>());
  EXPECT_EQ(names, (std::set<std::string>{"db01=ok", "down01=unreachable", "web01=ok", "web02=ok"}));
  // Every finding of every host is in exactly one group, on that host.
  size_t placed = 0, expected = 0;
  for (const std::string host : {"web01", "web02", "db01"}) {
    const YAML::Node own = YAML::LoadFile(reports_ + "/" + host + ".json");
    std::set<std::string> distinct;
    for (const auto& f : own["findings"])
      distinct.insert(f["rule"].as<std::string>() + f["severity"].as<std::string>() + f["message"].as<std::string>());
    expected += distinct.size();
  }
  for (const auto& g : j["groups"]) {
    EXPECT_EQ(g["count"].as<size_t>(), g["hosts"].size());
    placed += g["hosts"].size();
  }
  EXPECT_EQ(placed, expected);
}

TEST_F(ReportCli, HostsThatShouldHaveReportedAreListedAsMissing) {
  ASSERT_TRUE(WriteFile(dir_.path() + "/hosts", "# the inventory\nweb01\nweb02\ndb01\ndown01\nlost01\n\n"));
  const CommandResult r = Report("--hosts " + Quote(dir_.path() + "/hosts") + " " + Quote(reports_));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("5 hosts: 3 reported, 1 unreachable, 1 missing;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  lost01: missing: no report file\n"), std::string::npos) << r.out;
}

TEST_F(ReportCli, ExitsCleanWhenNothingReachesFailOn) {
  const CommandResult r = Report(Quote(reports_ + "/web01.json") + " " + Quote(reports_ + "/web02.json") +
                                 " --fail-on never");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out.rfind("2 hosts: 2 reported; 2 with findings", 0), 0u) << r.out;
}

TEST_F(ReportCli, ABadReportIsAnErrorNamingTheFile) {
  ASSERT_TRUE(WriteFile(reports_ + "/bad01.json", "{\"findings\": [\n  {\"rule\": \"SL201\",\n"));
  CommandResult r = Report(Quote(reports_));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "synlint: error: " + reports_ + "/bad01.json: line 3, column 1: expected a string key\n");
  r = Report(Quote(dir_.path() + "/nothing.json"));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_EQ(r.err, "synlint: error: " + dir_.path() + "/nothing.json: cannot read: No such file or directory\n");
  fs::create_directories(dir_.path() + "/empty");
  r = Report(Quote(dir_.path() + "/empty"));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_EQ(r.err, "synlint: error: " + dir_.path() + "/empty: no *.json report in this directory\n");
  fs::create_directories(dir_.path() + "/again");
  fs::copy_file(reports_ + "/web01.json", dir_.path() + "/again/web01.json");
  fs::remove(reports_ + "/bad01.json");
  r = Report(Quote(reports_) + " " + Quote(dir_.path() + "/again"));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_EQ(r.err, "synlint: error: " + dir_.path() + "/again/web01.json: a second report for host 'web01' (the first is " +
                       reports_ + "/web01.json)\n");
}

// Where tools/install_sarif_validator.sh put the validator, or "".
std::string ValidatorDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SYNLINT_SARIF_VALIDATOR_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(SYNLINT_SOURCE_DIR) + "/build/tools/node");
  candidates.push_back(std::string(SYNLINT_BINARY_DIR) + "/tools/node");
  for (const std::string& dir : candidates)
    if (fs::exists(dir + "/sarif-schema-2.1.0.json") && fs::exists(dir + "/node_modules/ajv-draft-04")) return dir;
  return "";
}

TEST_F(ReportCli, SarifIsOneValidRunWithTheHostInEachLocation) {
  const std::string validator = ValidatorDir();
  ASSERT_FALSE(validator.empty()) << "the SARIF validator is not installed; run tools/install_sarif_validator.sh";
  const std::string out = dir_.path() + "/fleet.sarif";
  const CommandResult r = Report("--format sarif -o " + Quote(out) + " " + Quote(reports_));
  ASSERT_EQ(r.exit_code, 1) << Describe(r);
  const CommandResult v = RunShell("node " + Quote(std::string(SYNLINT_SOURCE_DIR) + "/tests/output/validate_sarif.js") +
                                   " " + Quote(validator) + " " + Quote(out));
  EXPECT_EQ(v.exit_code, 0) << Describe(v);
  const YAML::Node s = YAML::LoadFile(out);
  ASSERT_EQ(s["runs"].size(), 1u);
  const YAML::Node run = s["runs"][0];
  ASSERT_GT(run["results"].size(), 0u);
  std::set<std::string> hosts;
  for (const auto& res : run["results"])
    for (const auto& loc : res["locations"]) hosts.insert(loc["properties"]["host"].as<std::string>());
  EXPECT_EQ(hosts, (std::set<std::string>{"db01", "web01", "web02"}));
  EXPECT_FALSE(run["invocations"][0]["executionSuccessful"].as<bool>());
  EXPECT_EQ(run["invocations"][0]["toolExecutionNotifications"][0]["properties"]["host"].as<std::string>(), "down01");
}

TEST_F(ReportCli, HtmlIsOnePageWithTheHostTable) {
  const std::string out = dir_.path() + "/fleet.html";
  const CommandResult r = Report("--format html -o " + Quote(out) + " " + Quote(reports_));
  ASSERT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_EQ(r.out, "");
  const std::string page = ReadFile(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("<table id=\"hosts\" class=\"sortable\">"), std::string::npos);
  for (const std::string host : {"web01", "web02", "db01", "down01"})
    EXPECT_NE(page.find("<td>" + host + "</td>"), std::string::npos) << host;
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_EQ(page.find("href="), std::string::npos);
  EXPECT_NE(page.find("</html>\n"), std::string::npos);
}

}  // namespace
}  // namespace synlint::testing
