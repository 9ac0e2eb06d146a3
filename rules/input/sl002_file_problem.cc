// SPDX-License-Identifier: MIT
// SL002: a file that cannot be used: unreadable, not text, too large, a
// symlink loop or a link out of the root, a missing or cyclic include.
#include "rules/input/input_rules.h"

namespace synlint {

const RuleMeta kSL002 = {"SL002", "file-problem", Severity::kError,
                         "a configuration file that cannot be read or followed",
                         FixAvailability::kNone, "0.1.0", "rules/input/SL002.md"};

void CheckSL002(RuleContext& ctx) {
  for (const Finding& f : ctx.host().load_findings) {
    if (f.rule == "SL002") ctx.Report(f);
  }
}

}  // namespace synlint
