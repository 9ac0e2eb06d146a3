// SPDX-License-Identifier: MIT
// SL105: net.ipv4.tcp_synack_retries above its default. Each half-open
// connection is kept longer and more SYN-ACKs go to spoofed sources
// (kernel-facts.md §3 tcp_synack_retries).
#include "rules/edits/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL105 = {"SL105", "synack-retries-raised", Severity::kWarning,
                         "'tcp_synack_retries' raised above the default",
                         FixAvailability::kAlways, "0.1.0", "rules/sysctl/SL105.md"};

void CheckSL105(RuleContext& ctx) {
  static const std::string kKey = "net.ipv4.tcp_synack_retries";
  const Host& host = ctx.host();
  const SysctlEntry* w = host.Winner(kKey);
  if (!w) return;
  const auto def = host.Default(kKey);
  const auto value = ParseKernelInt(w->value());
  const auto def_value = def ? ParseKernelInt(*def) : std::nullopt;
  if (!value || !def_value || *value <= *def_value) return;
  Finding f;
  f.location = ValueLocation(*w);
  f.message = "'" + kKey + "' is " + w->value() + ", above the default " + *def +
              "; each half-open connection stays in the SYN queue longer and more SYN-ACKs go to "
              "spoofed sources during a flood";
  f.fix = SetSysctlFix(ctx.host(), ctx.fix_options(), kKey, *def,
                       "synlint SL105: more SYN-ACK retries keep half-open entries longer; restored "
                       "the kernel default (was " + w->value() + ")",
                       Applicability::kUnsafe);
  ctx.Report(std::move(f));
}

}  // namespace synlint
