// SPDX-License-Identifier: MIT
// SL001: a line the parser cannot read. Parsers report these while loading;
// this rule hands them on so they can be selected, ignored and documented
// like any other.
#include "rules/input/input_rules.h"

namespace synlint {

const RuleMeta kSL001 = {"SL001", "syntax-error", Severity::kError,
                         "a line the configuration's own parser would reject",
                         FixAvailability::kNone, "0.1.0", "rules/input/SL001.md"};

void CheckSL001(RuleContext& ctx) {
  for (const Finding& f : ctx.host().load_findings) {
    if (f.rule == "SL001") ctx.Report(f);
  }
}

}  // namespace synlint
