// SPDX-License-Identifier: MIT
// SL5xx: containers' own network namespaces (Kubernetes pods, Compose
// services): model/containers.h.
#pragma once

#include "rules/rule.h"

namespace synlint {

extern const RuleMeta kSL501;
void CheckSL501(RuleContext& ctx);
extern const RuleMeta kSL502;
void CheckSL502(RuleContext& ctx);
extern const RuleMeta kSL503;
void CheckSL503(RuleContext& ctx);

}  // namespace synlint
