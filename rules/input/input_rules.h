// Rules about the input itself (SL0xx).
#pragma once

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL001;
void CheckSL001(RuleContext& ctx);
extern const RuleMeta kSL002;
void CheckSL002(RuleContext& ctx);

}  // namespace synlint
