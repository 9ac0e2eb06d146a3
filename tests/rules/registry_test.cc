// SPDX-License-Identifier: MIT
#include "rules/registry.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <fstream>
#include <set>
#include <sstream>

namespace synlint {
namespace {

namespace fs = std::filesystem;

TEST(Registry, IdsAreUniqueSortedAndWellFormed) {
  std::string last;
  const std::regex id("SL[0-9]{3}");
  for (const Rule& r : AllRules()) {
    EXPECT_TRUE(std::regex_match(std::string(r.meta->id), id)) << r.meta->id;
    EXPECT_LT(last, std::string(r.meta->id)) << "registry not sorted or duplicate at " << r.meta->id;
    last = std::string(r.meta->id);
  }
}

TEST(Registry, EveryRuleHasADocWithTheStandardHeadings) {
  for (const Rule& r : AllRules()) {
    const std::string_view doc = RuleDoc(*r.meta);
    ASSERT_FALSE(doc.empty()) << r.meta->id << ": no doc at " << r.meta->doc_path;
    EXPECT_EQ(doc.substr(0, 3 + r.meta->id.size()), "# " + std::string(r.meta->id) + ":")
        << r.meta->id << " doc must start with '# ID: name'";
    for (const char* heading : {"## What it does", "## Why it matters", "## Example",
                                "## Use instead", "## Fix safety", "## References"}) {
      EXPECT_NE(doc.find(heading), std::string_view::npos) << r.meta->id << " doc lacks " << heading;
    }
  }
}

TEST(Registry, EveryDocBelongsToARegisteredRule) {
  for (const auto& e : fs::recursive_directory_iterator(fs::path(SYNLINT_SOURCE_DIR) / "rules")) {
    const std::string name = e.path().filename().string();
    if (!std::regex_match(name, std::regex("SL[0-9]{3}\\.md"))) continue;
    EXPECT_NE(FindRule(name.substr(0, 5)), nullptr) << e.path() << " documents no registered rule";
  }
}

bool IsLiveRule(const RuleMeta& m) { return std::string_view(m.doc_path).starts_with("rules/live/"); }

std::string ReadSource(const std::string& path) {
  std::ifstream in(fs::path(SYNLINT_SOURCE_DIR) / path);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// A live rule judges the running kernel, which no fixture file holds: its
// cases are unit tests on a constructed LiveState and tests in network
// namespaces on the real kernel (rules/README.md).
TEST(Registry, EveryLiveRuleHasUnitAndNamespaceTests) {
  const std::string unit = ReadSource("tests/rules/live_rules_test.cc") +
                           ReadSource("tests/rules/live_counter_rules_test.cc");  // SL304, SL305
  const std::string netns =
      ReadSource("tests/cli/audit_netns_test.cc") + ReadSource("tests/cli/audit_counters_netns_test.cc");
  ASSERT_FALSE(unit.empty());
  ASSERT_FALSE(netns.empty());
  for (const Rule& r : AllRules()) {
    if (!IsLiveRule(*r.meta)) continue;
    const std::string id(r.meta->id);
    EXPECT_NE(unit.find("Audit(\"" + id + "\")"), std::string::npos)
        << id << ": no case in tests/rules/live_rules_test.cc";
    EXPECT_NE(netns.find("\"" + id + "\""), std::string::npos) << id << ": no case in tests/cli/audit_netns_test.cc";
  }
}

TEST(Registry, EveryRuleHasFixturesThatFireAndStaySilent) {
  // A rule is covered when some fixture EXPECTs it and the same fixture
  // holds lines that must not fire (an '# OK' section).
  std::set<std::string> fired;
  std::set<std::string> silent_cases;
  const std::regex expect(R"((?:EXPECT:\s*@[+-]\d+(?::\d+)?|^[^:\s#]+:\d+(?::\d+)?)\s+(SL\d{3}))");
  for (const auto& e : fs::recursive_directory_iterator(fs::path(SYNLINT_SOURCE_DIR) / "fixtures")) {
    if (!fs::is_regular_file(e.symlink_status())) continue;
    std::ifstream in(e.path());
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::set<std::string> here;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      std::smatch m;
      if (std::regex_search(line, m, expect)) here.insert(m[1]);
    }
    fired.insert(here.begin(), here.end());
    if (text.find("# OK") != std::string::npos) {
      silent_cases.insert(here.begin(), here.end());
      // fixtures/rules/SLnnn/*: an OK case anywhere in the rule's folder.
      const std::string dir = e.path().parent_path().filename().string();
      if (std::regex_match(dir, std::regex("SL[0-9]{3}"))) silent_cases.insert(dir);
    }
  }
  // Rules that need two revisions of a host, or the running kernel, are
  // covered by their own tests: SL301 in tests/rules/sl301_test.cc; the
  // live rules (rules/live/) in tests/rules/live_rules_test.cc (a
  // constructed LiveState, cases that fire and that stay silent) and
  // tests/cli/audit_netns_test.cc (network namespaces on the real kernel).
  const std::set<std::string> kCoveredElsewhere = {"SL301"};
  for (const Rule& r : AllRules()) {
    const std::string id(r.meta->id);
    if (kCoveredElsewhere.count(id) || IsLiveRule(*r.meta)) continue;
    EXPECT_TRUE(fired.count(id)) << id << " has no fixture that fires";
    EXPECT_TRUE(silent_cases.count(id)) << id << " has no fixture with an '# OK' must-not-fire section";
  }
}

// The README's rule table is the registry's, row for row: a rule added,
// renamed or re-worded without the README (or the reverse) fails here.
TEST(Registry, ReadmeTableListsEveryRuleAsTheRegistryDoes) {
  std::ifstream in(fs::path(SYNLINT_SOURCE_DIR) / "README.md");
  const std::string readme((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string begin =
      "<!-- rules-table: generated from the registry, checked by tests/rules/registry_test.cc -->\n";
  const std::string end = "<!-- rules-table end -->\n";
  const size_t b = readme.find(begin);
  const size_t e = readme.find(end);
  ASSERT_NE(b, std::string::npos) << "README.md has no line " << begin;
  ASSERT_NE(e, std::string::npos) << "README.md has no line " << end;
  ASSERT_LT(b, e);
  std::string want = "| ID | name | severity | what it reports |\n|---|---|---|---|\n";
  for (const Rule& r : AllRules()) {
    const RuleMeta& m = *r.meta;
    want += "| [" + std::string(m.id) + "](" + std::string(m.doc_path) + ") | " + std::string(m.name) +
            " | " + std::string(SeverityName(m.severity)) + " | " + std::string(m.summary) + " |\n";
  }
  EXPECT_EQ(readme.substr(b + begin.size(), e - b - begin.size()), want)
      << "Replace the README's rule table with:\n" << want;
}

}  // namespace
}  // namespace synlint
