// SPDX-License-Identifier: MIT
// Rules about kernel settings in sysctl files (SL1xx).
#pragma once

#include "rules/edits/sysctl_entries.h"
#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL101;
void CheckSL101(RuleContext& ctx);
extern const RuleMeta kSL102;
void CheckSL102(RuleContext& ctx);
extern const RuleMeta kSL103;
void CheckSL103(RuleContext& ctx);
extern const RuleMeta kSL104;
void CheckSL104(RuleContext& ctx);
extern const RuleMeta kSL105;
void CheckSL105(RuleContext& ctx);
extern const RuleMeta kSL106;
void CheckSL106(RuleContext& ctx);
extern const RuleMeta kSL107;
void CheckSL107(RuleContext& ctx);
extern const RuleMeta kSL108;
void CheckSL108(RuleContext& ctx);

}  // namespace synlint
