// SPDX-License-Identifier: MIT
// The one list of rules, sorted by ID.
#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/embedded.h"
#include "rules/rule.h"

namespace synlint {

std::span<const Rule> AllRules();
const Rule* FindRule(std::string_view id);
/// The rule's doc page (Markdown), compiled into the binary.
std::string_view RuleDoc(const RuleMeta& meta);

/// Runs every rule on `host` (only those `enabled` accepts, when given: a rule
/// whose findings would all be filtered out is not run), returning findings
/// sorted with FindingLess.
std::vector<Finding> RunRules(const Host& host, const FixOptions& options,
                              const std::function<bool(std::string_view)>& enabled = {});

}  // namespace synlint
