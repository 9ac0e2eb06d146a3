// SPDX-License-Identifier: MIT
// SL104: net.ipv4.tcp_syn_retries changed. It counts retransmissions of the
// SYN of an outgoing connect() only; incoming handshakes are governed by
// tcp_synack_retries (kernel-facts.md §3, rule 6).
#include "rules/edits/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL104 = {"SL104", "syn-retries-outbound-only", Severity::kWarning,
                         "'tcp_syn_retries' changed; it only affects outgoing connections",
                         FixAvailability::kAlways, "0.1.0", "rules/sysctl/SL104.md"};

void CheckSL104(RuleContext& ctx) {
  static const std::string kKey = "net.ipv4.tcp_syn_retries";
  const Host& host = ctx.host();
  const SysctlEntry* w = host.Winner(kKey);
  if (!w) return;
  const auto def = host.Default(kKey);
  const auto value = ParseKernelInt(w->value());
  if (!def || !value || std::to_string(*value) == *def) return;
  // Hosts that open connections themselves (reverse proxies) do use it.
  std::vector<Location> outbound;
  for (const ServiceFacts& s : host.services)
    outbound.insert(outbound.end(), s.outbound_connects.begin(), s.outbound_connects.end());
  Finding f;
  f.location = ValueLocation(*w);
  if (outbound.empty()) {
    f.message = "'" + kKey + "' is " + w->value() +
                " (default " + *def + "); it only retries the SYN of outgoing connect() calls and "
                "never changes how incoming connections are accepted; 'net.ipv4.tcp_synack_retries' "
                "is the knob for incoming handshakes";
  } else {
    f.message = "'" + kKey + "' is " + w->value() + " (default " + *def +
                "); it bounds this host's outgoing connects (such as the proxy upstream at " +
                outbound.front().file + ":" + std::to_string(outbound.front().start.line) +
                ") but not incoming handshakes, which 'net.ipv4.tcp_synack_retries' governs";
    f.related.push_back(outbound.front());
    f.related.back().note = "an outgoing connection this host makes";
  }
  f.fix = SetSysctlFix(ctx.host(), ctx.fix_options(), kKey, *def,
                       "synlint SL104: tcp_syn_retries only affects outgoing connect(); restored "
                       "the kernel default (was " + w->value() + ")",
                       Applicability::kUnsafe);
  ctx.Report(std::move(f), outbound.empty() ? Severity::kWarning : Severity::kInfo);
}

}  // namespace synlint
