// SPDX-License-Identifier: MIT
// Lint, fix, re-lint until nothing changes: the one place fixes are applied.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/finding.h"
#include "linter/overlay_file_system.h"
#include "linter/suppress/suppress.h"
#include "model/host.h"
#include "rules/rule.h"

namespace synlint {

/// Which findings a run keeps (from --select/--ignore/--severity, the config file).
using FindingFilter = std::function<bool(Finding&)>;

struct LintRun {
  std::unique_ptr<Host> host;
  std::vector<Finding> findings;    // filtered, not suppressed, plus SL003; sorted
  std::vector<Finding> suppressed;  // removed by inline suppressions or per-file-ignores
  std::vector<SuppressionReason> suppression_reasons;  // why, one per `suppressed`
};

/// Loads the host, runs the rules once, keeps what `keep` accepts (it may
/// also change a finding's severity) and applies suppressions (inline
/// comments and `suppress.per_file_ignores`), adding SL003 findings. Unless
/// set, `suppress.rule_enabled` asks `keep` and `suppress.known_rules` is
/// every registered rule.
LintRun Lint(const FileSystem& fs, const HostOptions& host_options,
             const FixOptions& fix_options, const FindingFilter& keep,
             const SuppressOptions& suppress = {});

/// Each file the host read and its format, keyed by root-relative path:
/// where suppression comments are looked for and how they are read.
std::map<std::string, ConfigFormat> FileFormats(const Host& host);

struct FixResult {
  /// Final contents of every file the fixes touched (root-relative path).
  std::map<std::string, std::string> fixed;
  /// Original contents of the same files; absent for files the fixes create.
  std::map<std::string, std::string> original;
  size_t fixes_applied = 0;
  int rounds = 0;
  bool converged = true;  // false when the round limit was reached
  /// Rule IDs whose fixes were applied (for restart advice).
  std::vector<std::string> rules_fixed;
  /// The findings whose fixes were applied.
  std::vector<Finding> applied;
  /// The tree with the fixes applied (in memory) and the host loaded from it.
  std::shared_ptr<FileSystem> fixed_fs;
  std::shared_ptr<Host> fixed_host;
};

inline constexpr int kMaxFixRounds = 8;

/// Applies every fix at or above `min` (Safe, or Unsafe with --unsafe-fixes)
/// in memory, re-linting after each round until no fix applies.
/// Suppressed findings are not fixed, nor those `fixable` (when set) refuses.
FixResult FixToConvergence(const FileSystem& fs, const HostOptions& host_options,
                           const FixOptions& fix_options, const FindingFilter& keep,
                           Applicability min, const SuppressOptions& suppress = {},
                           const std::function<bool(const Finding&)>& fixable = nullptr);

}  // namespace synlint
