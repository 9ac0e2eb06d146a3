// SPDX-License-Identifier: MIT
// Printing a tune run: a table of current vs proposed queues per listener,
// the sysctls with their reasons, warnings, the diff and the commands to run
// afterwards (the latter two as `check --diff` prints them), or one JSON
// object with the same content.
#pragma once

#include <string>

#include "linter/tune/tune_fixes.h"

namespace synlint::tune {

struct TuneOutputOptions {
  bool include_diff = true;  // text: false when the diff goes to its own stream
  bool applied = false;      // --fix wrote the changes
  std::string tool_version;  // JSON "version"
};

/// The human report. Values that change print as "511 -> 2000"; INT_MAX
/// prints as "INT_MAX". Config text is passed through EscapeForTerminal.
std::string TuneText(const TuneRun& run, const LoadSpec& load, const TuneOutputOptions& options);

/// {"version", "kernel", "load", "listeners": [{service, kind, address, port,
/// declared_at, setting, sized, need, target, current: {requested,
/// requested_label, accept_queue, syn_queue[, syn_early_drop]}, proposed:
/// {...}, reason}], "sysctl": {KEY: {current, proposed, from, reason}},
/// "diff": string|null, "actions": [{command, reason, service}],
/// "warnings": [string], "applied": bool}, pretty-printed, newline-terminated.
std::string TuneJson(const TuneRun& run, const LoadSpec& load, const TuneOutputOptions& options);

}  // namespace synlint::tune
