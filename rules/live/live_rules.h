// SPDX-License-Identifier: MIT
// Rules about the running host (SL302-SL306): they judge what `synlint
// audit` read from the running kernel (Host::live_state) against the files,
// and stay silent when there is no live state (check, show, tune).
#pragma once

#include <string>

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL302;
void CheckSL302(RuleContext& ctx);

extern const RuleMeta kSL303;
void CheckSL303(RuleContext& ctx);

extern const RuleMeta kSL304;
void CheckSL304(RuleContext& ctx);

extern const RuleMeta kSL305;
void CheckSL305(RuleContext& ctx);

extern const RuleMeta kSL306;
void CheckSL306(RuleContext& ctx);

/// A finding's place when no file line holds it: the /proc file that shows
/// the running thing ("proc/sys/net/core/somaxconn", "proc/net/tcp"), 1:1.
Location LiveLocation(const std::string& proc_path);

}  // namespace synlint
