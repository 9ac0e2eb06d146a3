// SPDX-License-Identifier: MIT
#include "tests/rules/fixture_expectations.h"

#include <regex>
#include <sstream>

namespace synlint::testing {

std::vector<Expectation> ParseExpectations(const std::string& path, const std::string& text) {
  static const std::regex kExpect(
      R"(^\s*[#;]\s*EXPECT:\s*@([+-]\d+)(?::(\d+))?\s+(SL\d{3})(?:\[(error|warning|info)\])?(?:\s+(.*?))?\s*$)");
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (!std::regex_match(line, m, kExpect)) continue;
    Expectation e;
    e.file = path;
    e.written_at = n;
    e.line = static_cast<uint32_t>(static_cast<int>(n) + std::stoi(m[1]));
    if (m[2].matched) e.column = static_cast<uint32_t>(std::stoul(m[2]));
    e.rule = m[3];
    if (m[4].matched) e.severity = m[4];
    if (m[5].matched) e.text = m[5];
    out.push_back(e);
  }
  return out;
}

std::vector<Expectation> ParseExpectFile(const std::string& text) {
  static const std::regex kLine(R"(^([^:\s]+):(\d+)(?::(\d+))?\s+(SL\d{3})(?:\[(error|warning|info)\])?(?:\s+(.*?))?\s*$)");
  std::vector<Expectation> out;
  std::istringstream in(text);
  std::string line;
  uint32_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    std::smatch m;
    if (!std::regex_match(line, m, kLine)) {
      out.push_back({"<malformed .expect line " + std::to_string(n) + ">", 0, {}, "SL000", "", line, n});
      continue;
    }
    Expectation e;
    e.file = m[1];
    e.line = static_cast<uint32_t>(std::stoul(m[2]));
    if (m[3].matched) e.column = static_cast<uint32_t>(std::stoul(m[3]));
    e.rule = m[4];
    if (m[5].matched) e.severity = m[5];
    if (m[6].matched) e.text = m[6];
    e.written_at = n;
    out.push_back(e);
  }
  return out;
}

std::map<std::string, std::string> ParseFixtureOptions(const std::string& text) {
  std::map<std::string, std::string> out;
  static const std::regex kFixture(R"(^\s*[#;]\s*FIXTURE:\s*(.*)$)");
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, kFixture)) continue;
    std::istringstream words(m[1].str());
    for (std::string w; words >> w;) {
      const size_t eq = w.find('=');
      if (eq != std::string::npos) out[w.substr(0, eq)] = w.substr(eq + 1);
    }
  }
  return out;
}

namespace {

bool Matches(const Expectation& e, const Finding& f) {
  return e.file == f.location.file && e.line == f.location.start.line && e.rule == f.rule &&
         (!e.column || *e.column == f.location.start.column) &&
         (e.severity.empty() || e.severity == SeverityName(f.severity)) &&
         (e.text.empty() || f.message.find(e.text) != std::string::npos);
}

std::string Describe(const Finding& f) {
  return f.location.file + ":" + std::to_string(f.location.start.line) + ":" +
         std::to_string(f.location.start.column) + ": " + std::string(SeverityName(f.severity)) +
         ": " + f.message + " [" + f.rule + "]";
}

}  // namespace

std::vector<std::string> MatchExpectations(const std::vector<Expectation>& expected,
                                           const std::vector<Finding>& actual) {
  std::vector<std::string> problems;
  std::vector<bool> used(actual.size(), false);
  for (const Expectation& e : expected) {
    bool found = false;
    for (size_t i = 0; i < actual.size() && !found; ++i) {
      if (!used[i] && Matches(e, actual[i])) used[i] = found = true;
    }
    if (!found) {
      problems.push_back("expected but not reported (EXPECT at " + e.file + ":" +
                         std::to_string(e.written_at) + "): line " + std::to_string(e.line) +
                         (e.column ? ":" + std::to_string(*e.column) : "") + " " + e.rule +
                         (e.severity.empty() ? "" : "[" + e.severity + "]") +
                         (e.text.empty() ? "" : " '" + e.text + "'"));
    }
  }
  for (size_t i = 0; i < actual.size(); ++i) {
    if (!used[i]) problems.push_back("unexpected finding: " + Describe(actual[i]));
  }
  return problems;
}

}  // namespace synlint::testing
