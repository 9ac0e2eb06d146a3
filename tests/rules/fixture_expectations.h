// SPDX-License-Identifier: MIT
// Inline expectations in fixture files, after clang-tidy's CHECK-MESSAGES:
//   # EXPECT: @-1:5 SL104 only retries the SYN
//   # EXPECT: @-1 SL201[warning] a backlog of 511
// names the line relative to the comment (@-1 = the line above), an optional
// byte column, the rule with an optional severity it must be reported at,
// and optional text the message must contain.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"

namespace synlint::testing {

struct Expectation {
  std::string file;
  uint32_t line = 0;
  std::optional<uint32_t> column;
  std::string rule;
  std::string severity;  // "" = any
  std::string text;
  uint32_t written_at = 0;  // line of the EXPECT comment
};

/// Finds every EXPECT comment in `text` (a file at root-relative `path`).
std::vector<Expectation> ParseExpectations(const std::string& path, const std::string& text);

/// Reads a `.expect` file kept beside a tree fixture whose files should stay
/// free of test comments (the bundled demo): one `PATH:LINE[:COL] SLnnn[[severity]] [text]`
/// per line; '#' lines and blank lines are skipped.
std::vector<Expectation> ParseExpectFile(const std::string& text);

/// Matches findings to expectations one to one; returns a human-readable
/// list of problems (empty when everything matched).
std::vector<std::string> MatchExpectations(const std::vector<Expectation>& expected,
                                           const std::vector<Finding>& actual);

/// Options written in the fixture as `# FIXTURE: kernel=4.19 path=etc/sysctl.conf`.
std::map<std::string, std::string> ParseFixtureOptions(const std::string& text);

}  // namespace synlint::testing
