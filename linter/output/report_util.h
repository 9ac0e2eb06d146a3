// SPDX-License-Identifier: MIT
// Read-only helpers the formatters share: lookups and tallies over a Report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "linter/report.h"

namespace synlint {

struct SeverityCounts {
  size_t errors = 0;
  size_t warnings = 0;
  size_t infos = 0;
};
SeverityCounts CountSeverities(const std::vector<Finding>& findings);

/// The "diff" (string, or null when empty) and "actions" members that
/// `check --format json` and `tune --format json` share.
void WriteDiffAndActions(JsonWriter& w, const std::string& diff, const std::vector<Action>& actions);

/// The "live" object of `synlint audit` (FORMATS.md): running values,
/// listeners with their queues and owners, counters, what was not seen.
void WriteLiveState(JsonWriter& w, const LiveState& live);

/// Index of rule `id` in `r.rules`, or -1.
int FindRuleIndex(const Report& r, std::string_view id);
/// Metadata of rule `id`, or nullptr.
const RuleMeta* FindRule(const Report& r, std::string_view id);
/// `r.docs_base_url` + the rule's doc path, or "" when it has none.
std::string RuleHelpUri(const Report& r, const RuleMeta& rule);

/// The text of `path` as read, or nullptr (unreadable file, no SourceSet).
const SourceFile* FindSource(const Report& r, const std::string& path);
/// Whether `loc` names a place inside a file rather than the whole file: it
/// does unless the file was never read and the span is the empty {0,0}.
bool HasPosition(const Report& r, const Location& loc);

/// "path:line:col" (1-based, column in bytes), unescaped.
std::string PositionText(const Location& loc);

/// IDs of the rules that fired, sorted, each once.
std::vector<std::string> FiredRuleIds(const Report& r);

/// Every file of the run: `files_read` in order, then files that only
/// findings name (an unreadable file), each once.
std::vector<std::string> ReportedFiles(const Report& r);

/// The host of .synlint.yaml that `r.findings[index]` is from, or "" (a
/// --root run).
std::string_view HostOf(const Report& r, size_t index);

/// `path` (a finding's path) relative to `r.root`, as tools that resolve
/// paths against the repository want them (SARIF, GitLab). False when it
/// lies outside the root: `*out` is then the absolute path.
bool RootRelativePath(const Report& r, const std::string& path, std::string* out);

/// "1 error", "2 warnings": `count` and the noun, plural when needed.
std::string CountNoun(size_t count, std::string_view singular,
                      std::string_view plural);

}  // namespace synlint
