// SPDX-License-Identifier: MIT
// Rules about listeners and the kernel limits they meet (SL2xx).
#pragma once

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL201;
void CheckSL201(RuleContext& ctx);
extern const RuleMeta kSL202;
void CheckSL202(RuleContext& ctx);
extern const RuleMeta kSL203;
void CheckSL203(RuleContext& ctx);
extern const RuleMeta kSL204;
void CheckSL204(RuleContext& ctx);
extern const RuleMeta kSL205;
void CheckSL205(RuleContext& ctx);
extern const RuleMeta kSL206;
void CheckSL206(RuleContext& ctx);

}  // namespace synlint
