// SPDX-License-Identifier: MIT
// Rules about applying changes (SL3xx).
#pragma once

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL301;
void CheckSL301(RuleContext& ctx);

}  // namespace synlint
