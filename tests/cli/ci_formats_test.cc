// SPDX-License-Identifier: MIT
// The CI formats from the built binary in a repository described by
// .synlint.yaml (a copy of fixtures/config/repo), run from a subdirectory as
// a CI step may be: SARIF resolves every artifact to a file of the checkout
// as an uploader does, carries suppressed findings, rule docs, fingerprints
// that survive line moves and the invocation; JSON names the repository and
// each finding's host; GitLab's paths are repository paths. Reports are read
// with yaml-cpp (JSON is YAML).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <set>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace stdfs = std::filesystem;

const std::string kRepo = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/config/repo";

std::string PercentDecode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

/// Calls `visit` on every map under `node` that has key `key`.
void ForEachWithKey(const YAML::Node& node, const std::string& key, const std::function<void(const YAML::Node&)>& visit) {
  if (node.IsMap()) {
    if (node[key]) visit(node[key]);
    for (const auto& kv : node) ForEachWithKey(kv.second, key, visit);
  } else if (node.IsSequence()) {
    for (const auto& item : node) ForEachWithKey(item, key, visit);
  }
}

/// Where an uploader (GitHub's upload-sarif, a SARIF viewer) finds an
/// artifact: its uri resolved against its uriBaseId's originalUriBaseIds
/// entry, or itself when absolute. "" when it cannot be resolved.
std::string ResolveArtifact(const YAML::Node& run, const YAML::Node& artifact) {
  const std::string uri = artifact["uri"].as<std::string>();
  std::string base;
  if (artifact["uriBaseId"]) {
    const YAML::Node b = run["originalUriBaseIds"][artifact["uriBaseId"].as<std::string>()];
    if (!b) return "";
    base = b["uri"].as<std::string>();
  }
  const std::string full = base + uri;
  if (full.rfind("file://", 0) != 0) return "";
  return PercentDecode(full.substr(7));
}

class CiFormats : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(CopyTree(kRepo, repo()));
    // A suppression with a reason, so the run has a suppressed finding.
    ASSERT_TRUE(WriteFile(repo() + "/hosts/web/etc/sysctl.conf",
                          "# synlint: disable=SL103 reason=\"applied by our own sysctl -p unit\"\n"
                          "net.core.somaxconn = 4096\n"));
  }
  std::string repo() const { return dir_.path() + "/repo"; }
  /// `synlint check ARGS` in `cwd` (relative to the repository).
  CommandResult Synlint(const std::string& args, const std::string& cwd = ".") {
    return RunShell(Quote(SYNLINT_BIN) + " check " + args, repo() + "/" + cwd);
  }
  TempDir dir_;
};

TEST_F(CiFormats, SarifFromASubdirectoryResolvesIntoTheCheckout) {
  const CommandResult r = Synlint("--format sarif", "hosts");
  ASSERT_EQ(r.exit_code, 1) << Describe(r);  // the config's fail-on: warning
  const YAML::Node log = YAML::Load(r.out);
  const YAML::Node run = log["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"].as<std::string>(), "file://" + repo() + "/");
  size_t artifacts = 0;
  ForEachWithKey(run, "artifactLocation", [&](const YAML::Node& a) {
    ++artifacts;
    const std::string path = ResolveArtifact(run, a);
    EXPECT_EQ(path.rfind(repo() + "/", 0), 0u) << a["uri"].as<std::string>() << " -> " << path;
    EXPECT_TRUE(stdfs::is_regular_file(path)) << a["uri"].as<std::string>() << " -> " << path;
  });
  EXPECT_GE(artifacts, 3u);

  const YAML::Node inv = run["invocations"][0];
  EXPECT_TRUE(inv["executionSuccessful"].as<bool>());
  EXPECT_EQ(inv["exitCode"].as<int>(), 1);

  size_t suppressed = 0;
  for (const YAML::Node& res : run["results"]) {
    EXPECT_TRUE(res["partialFingerprints"]["synlint/v1"]) << YAML::Dump(res);
    if (!res["suppressions"]) continue;
    ++suppressed;
    EXPECT_EQ(res["ruleId"].as<std::string>(), "SL103");
    EXPECT_EQ(res["suppressions"][0]["kind"].as<std::string>(), "inSource");
    EXPECT_EQ(res["suppressions"][0]["justification"].as<std::string>(), "applied by our own sysctl -p unit");
    EXPECT_EQ(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as<std::string>(),
              "hosts/web/etc/sysctl.conf");
  }
  EXPECT_EQ(suppressed, 1u);
}

TEST_F(CiFormats, SarifMarksPerFileIgnoresAsExternalSuppressions) {
  std::string yaml = ReadFile(repo() + "/.synlint.yaml");
  const std::string from = "\"hosts/legacy/**\": [SL108]";
  ASSERT_NE(yaml.find(from), std::string::npos);
  yaml.replace(yaml.find(from), from.size(), "\"hosts/legacy/**\": [SL103]");
  ASSERT_TRUE(WriteFile(repo() + "/.synlint.yaml", yaml));
  const YAML::Node run = YAML::Load(Synlint("--format sarif").out)["runs"][0];
  std::set<std::string> kinds;
  for (const YAML::Node& res : run["results"]) {
    if (!res["suppressions"]) continue;
    const std::string kind = res["suppressions"][0]["kind"].as<std::string>();
    kinds.insert(kind);
    if (kind != "external") continue;
    EXPECT_EQ(res["suppressions"][0]["justification"].as<std::string>(), "per-file-ignores: hosts/legacy/**");
    EXPECT_EQ(res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as<std::string>(),
              "hosts/legacy/etc/sysctl.conf");
  }
  EXPECT_EQ(kinds, (std::set<std::string>{"inSource", "external"}));
}

TEST_F(CiFormats, SarifRulesLinkTheirDocsInTheRepository) {
  const CommandResult r = Synlint("--format sarif");
  const YAML::Node rules = YAML::Load(r.out)["runs"][0]["tool"]["driver"]["rules"];
  ASSERT_GT(rules.size(), 20u);
  for (const YAML::Node& rule : rules) {
    const std::string id = rule["id"].as<std::string>();
    ASSERT_TRUE(rule["helpUri"]) << id;
    // https://HOST/OWNER/REPO/blob/REF/PATH: PATH is the rule's doc in this checkout.
    const std::string uri = rule["helpUri"].as<std::string>();
    const size_t blob = uri.find("/blob/");
    ASSERT_NE(blob, std::string::npos) << uri;
    const std::string doc = uri.substr(uri.find('/', blob + 6) + 1);
    EXPECT_TRUE(stdfs::is_regular_file(std::string(SYNLINT_SOURCE_DIR) + "/" + doc)) << uri;
    EXPECT_NE(doc.find(id), std::string::npos) << uri;
    // help carries the doc itself, which starts with its ID.
    EXPECT_NE(rule["help"]["markdown"].as<std::string>().find(id), std::string::npos) << id;
  }
}

TEST_F(CiFormats, SarifFingerprintsSurviveLineMoves) {
  auto prints = [this](std::vector<int>* lines) {
    const YAML::Node run = YAML::Load(Synlint("--format sarif").out)["runs"][0];
    std::set<std::string> out;
    for (const YAML::Node& res : run["results"]) {
      out.insert(res["partialFingerprints"]["synlint/v1"].as<std::string>());
      if (res["locations"][0]["physicalLocation"]["region"])
        lines->push_back(res["locations"][0]["physicalLocation"]["region"]["startLine"].as<int>());
    }
    return out;
  };
  std::vector<int> before_lines, after_lines;
  const std::set<std::string> before = prints(&before_lines);
  for (const std::string file : {"hosts/legacy/etc/sysctl.conf", "roles/edge/files/sysctl.conf"})
    ASSERT_TRUE(WriteFile(repo() + "/" + file, "# a new first line\n\n" + ReadFile(repo() + "/" + file)));
  const std::set<std::string> after = prints(&after_lines);
  EXPECT_NE(before_lines, after_lines);  // the findings did move
  EXPECT_EQ(before, after);
  EXPECT_GE(before.size(), 3u);
}

TEST_F(CiFormats, SarifNotifiesAFileOfNoHost) {
  ASSERT_TRUE(WriteFile(repo() + "/notes.conf", "x\n"));
  const CommandResult r = Synlint("--format sarif notes.conf hosts/web/etc/sysctl.conf");
  const YAML::Node inv = YAML::Load(r.out)["runs"][0]["invocations"][0];
  EXPECT_EQ(inv["exitCode"].as<int>(), r.exit_code);
  ASSERT_TRUE(inv["toolExecutionNotifications"]) << r.out;
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"].as<std::string>(), "warning");
  EXPECT_NE(inv["toolExecutionNotifications"][0]["message"]["text"].as<std::string>().find(
                "'notes.conf' belongs to no host"),
            std::string::npos);
}

TEST_F(CiFormats, JsonNamesTheRepositoryAndEachFindingsHost) {
  const CommandResult r = Synlint("--format json", "hosts");
  const YAML::Node doc = YAML::Load(r.out);
  EXPECT_EQ(doc["schema_version"].as<int>(), 2);
  EXPECT_EQ(doc["root"].as<std::string>(), repo());
  std::set<std::string> hosts;
  for (const YAML::Node& f : doc["findings"]) {
    hosts.insert(f["host"].as<std::string>());
    // Paths stay as the text format shows them: relative to the current
    // directory below it, else absolute.
    const stdfs::path file = f["file"].as<std::string>();
    EXPECT_TRUE(stdfs::is_regular_file(file.is_absolute() ? file : stdfs::path(repo() + "/hosts") / file)) << file;
  }
  // web's one finding is suppressed; the others each have theirs.
  EXPECT_EQ(hosts, (std::set<std::string>{"legacy", "edge"})) << r.out;
  // --root runs have no hosts.
  const YAML::Node plain = YAML::Load(Synlint("--format json --root hosts/legacy").out);
  ASSERT_GT(plain["findings"].size(), 0u);
  for (const YAML::Node& f : plain["findings"]) EXPECT_TRUE(f["host"].IsNull());
}

TEST_F(CiFormats, GitlabPathsAreRepositoryPaths) {
  const CommandResult r = Synlint("--format gitlab", "hosts");
  const YAML::Node issues = YAML::Load(r.out);
  ASSERT_GE(issues.size(), 2u) << r.out;
  std::set<std::string> fingerprints;
  for (const YAML::Node& issue : issues) {
    const std::string path = issue["location"]["path"].as<std::string>();
    EXPECT_TRUE(stdfs::is_regular_file(repo() + "/" + path)) << path;
    EXPECT_TRUE(fingerprints.insert(issue["fingerprint"].as<std::string>()).second);
  }
}

}  // namespace
}  // namespace synlint::testing
