// SPDX-License-Identifier: MIT
// `synlint check`'s settings and run, shared with `synlint audit`, which is
// a check of the same files plus the running kernel's state.
#pragma once

#include <functional>
#include <string>

#include "linter/cli/options.h"
#include "linter/cli/project.h"

namespace synlint::cli {

struct CheckArgs {
  HostArgs host;
  FilterArgs filter;
  ProjectArgs project;
  OutputArgs output;
  FixArgs fixes;
  std::string changed_since;
  bool quiet = false;       // -q: findings only, no summary or notes
  bool statistics = false;  // --statistics: a count per rule instead of each finding
  bool exit_zero = false;   // --exit-zero: findings do not fail the run
  bool show_fixes = false;  // --show-fixes: list each fix --fix or --diff applies
  std::string baseline;        // --baseline FILE: findings not to report (baseline.h)
  std::string write_baseline;  // --write-baseline FILE
  const CLI::Option* root_option = nullptr;
  /// audit: reads the live state for each host (HostOptions::attach_live);
  /// the target kernel is then the running one.
  std::function<const LiveState*(const Host&)> attach_live;
  /// audit: the root is always the one given (default '/'), never .synlint.yaml's hosts.
  bool root_always = false;
};

/// Lints every host, prints the report; the exit code.
int RunCheck(const CheckArgs& a);

}  // namespace synlint::cli
