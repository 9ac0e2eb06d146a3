// SPDX-License-Identifier: MIT
// SL003: suppression comments that suppress nothing, cannot be read, or are
// not allowed. Reported by the engine after the other rules ran (see
// linter/suppress/suppress.h): a suppression is unused only relative to the
// findings of one whole run, so the check itself has nothing to do here.
#include "rules/input/input_rules.h"

namespace synlint {

const RuleMeta kSL003 = {"SL003", "unused-suppression", Severity::kInfo,
                         "a suppression comment that suppresses nothing or cannot be read",
                         FixAvailability::kSometimes, "0.1.0", "rules/input/SL003.md"};

void CheckSL003(RuleContext&) {}

}  // namespace synlint
