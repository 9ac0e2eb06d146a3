// SPDX-License-Identifier: MIT
// Rules about the input itself (SL0xx).
#pragma once

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL001;
void CheckSL001(RuleContext& ctx);
extern const RuleMeta kSL002;
void CheckSL002(RuleContext& ctx);
extern const RuleMeta kSL003;
/// Empty: SL003 findings come from ApplySuppressions() in the engine.
void CheckSL003(RuleContext& ctx);

}  // namespace synlint
