// SPDX-License-Identifier: MIT
// Rules about kernel settings that scripts make (SL4xx): shell scripts run at boot or by hand.
#pragma once

#include "rules/edits/sysctl_entries.h"
#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL401;
void CheckSL401(RuleContext& ctx);
extern const RuleMeta kSL402;
void CheckSL402(RuleContext& ctx);

/// The assignment that decides `entry`'s key when no script has run: the last accepted
/// assignment of a sysctl file before it (null: the kernel default).
const SysctlEntry* FileAssignmentBefore(const Host& host, const SysctlEntry& entry);

}  // namespace synlint
