// SPDX-License-Identifier: MIT
// Turning a tuning plan into edits, the same way `check --diff` does: each
// change is a Finding carrying a Fix built by SetSysctlFix or
// SetListenerBacklogFix; the fixes are merged, applied on an overlay, and the
// host is re-read and re-planned until nothing is left to change.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linter/engine/fixer.h"
#include "linter/report.h"
#include "linter/tune/plan.h"

namespace synlint::tune {

/// Findings (rule "tune", unsafe fixes: every change alters runtime
/// behaviour) for the plan's changes on `host`. A change with no place to
/// write it (a vendor nginx or Apache file) adds a warning instead.
std::vector<Finding> TuneFindings(const Host& host, const TunePlan& plan, const FixOptions& fix_options,
                                  std::vector<std::string>* warnings);

/// Everything one `synlint tune` run computes.
struct TuneRun {
  std::unique_ptr<Host> host;         // as read, before any change
  TunePlan plan;                      // computed on `host`
  FixResult fix;                      // the edits, applied until nothing changes; fixed_host is
                                      // the host re-read with them (null when nothing changed)
  std::string diff;                   // unified diff of `fix`, paths relative to the root
  std::vector<Action> actions;        // ActionsForFix(host, fix): loader, then re-listen per service
  std::vector<std::string> warnings;  // the plan's, then the fixing's
};

/// Plans and builds the edits for `load` (in memory; nothing is written).
TuneRun RunTune(const FileSystem& fs, const HostOptions& host_options, const FixOptions& fix_options,
                const LoadSpec& load);

/// One unified diff of every file `fix` touches (as `check --diff` prints).
std::string DiffOf(const FixResult& fix);

}  // namespace synlint::tune
