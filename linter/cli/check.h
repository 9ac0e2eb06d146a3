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
