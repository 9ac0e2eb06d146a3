// SPDX-License-Identifier: MIT
// Suppressions: inline `# synlint: disable=...` comments and the config's
// per-file-ignores, applied to a run's findings. Pure: findings and source
// text in, findings out.
//
// A suppression without reason="..." is honoured like one with a reason;
// SuppressOptions::require_reason reports it (SL003, warning) as well.
// A finding is matched by its primary location only: a cross-file finding is
// suppressed by a comment in the file and on the line it is reported at,
// never by one at a related location. Suppressed findings take their fixes
// with them. Every rule ID a directive names that suppresses nothing is
// reported as SL003 (info) with a safe fix that removes it.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_format.h"
#include "core/file_reader.h"
#include "core/finding.h"

namespace synlint {

/// The rule SL003 reports under (registered by rules/input).
inline constexpr std::string_view kSuppressionRule = "SL003";

/// `per-file-ignores` entry: findings of `rules` (IDs or prefixes such as
/// "SL1") in files matching `pattern` (see PathGlobMatch) are dropped.
struct PerFileIgnore {
  std::string pattern;
  std::vector<std::string> rules;
};

struct SuppressOptions {
  /// --no-inline-suppressions: honour no inline directive and report each (SL003, warning).
  bool no_inline = false;
  /// Report directives without reason="..." (SL003, warning); they still apply.
  bool require_reason = false;
  std::vector<PerFileIgnore> per_file_ignores;
  /// Maps a finding's file (root-relative) to the path per-file-ignores
  /// patterns are matched against (the repository path); identity when empty.
  std::function<std::string(const std::string&)> repo_path;
  /// Whether a rule ran in this invocation (--select/--ignore/config). A
  /// suppression of a rule that did not run is not reported as unused, and
  /// no SL003 finding is made when SL003 itself is off. All when empty.
  std::function<bool(std::string_view)> rule_enabled;
  /// Every registered rule ID; when set, a directive naming another ID is
  /// reported (SL003, warning) instead of as unused.
  std::vector<std::string> known_rules;
  /// A baseline (`check --baseline FILE`): whether a finding was there when
  /// the baseline was written, given the text of the line it is on ("" for
  /// a finding about a whole file). Such findings are suppressed, so never
  /// fixed either. None when empty.
  std::function<bool(const Finding&, std::string_view line)> in_baseline;
};

/// Why a finding was suppressed (SARIF's `suppressions[]`).
struct SuppressionReason {
  bool in_source = true;      // an inline comment; false: the config's per-file-ignores
  std::string justification;  // the comment's reason="...", or "per-file-ignores: PATTERN"; may be empty
};

struct SuppressionResult {
  std::vector<Finding> findings;    // kept findings and SL003 findings, sorted (FindingLess)
  std::vector<Finding> suppressed;  // the findings removed, in input order
  std::vector<SuppressionReason> reasons;  // one per `suppressed`, same order
};

/// Removes the findings suppressed by inline directives in `sources` or by
/// `opts.per_file_ignores`, and adds SL003 findings for unused, refused and
/// malformed directives. `format_by_path` gives each file's format, keyed
/// like `sources` (real root-relative path); in a file without an entry (or
/// of Apache's envvars) only whole-line `#` comments are read.
SuppressionResult ApplySuppressions(std::vector<Finding> findings, const SourceSet& sources,
                                    const std::map<std::string, ConfigFormat>& format_by_path,
                                    const SuppressOptions& opts);

/// Whether `rule` is one of `rules`, each an ID or an ID prefix.
bool RuleListMatches(const std::vector<std::string>& rules, std::string_view rule);

}  // namespace synlint
