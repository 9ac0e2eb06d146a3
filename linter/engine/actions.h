// SPDX-License-Identifier: MIT
// What an operator must run after a change for it to take effect.
#pragma once

#include <vector>

#include "linter/engine/fixer.h"
#include "linter/report.h"
#include "model/host.h"

namespace synlint {

/// The commands that make the fixed files take effect on `host`.
std::vector<Action> ActionsForFix(const Host& host, const FixResult& fix);

}  // namespace synlint
