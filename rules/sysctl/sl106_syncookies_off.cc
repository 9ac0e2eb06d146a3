// SPDX-License-Identifier: MIT
// SL106: net.ipv4.tcp_syncookies is 0 (a full SYN queue drops legitimate
// clients) or 2 (cookies for every connection, and the flood log line is
// never printed). kernel-facts.md §2 tcp_syncookies.
#include "rules/edits/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL106 = {"SL106", "syncookies-not-default", Severity::kWarning,
                         "'tcp_syncookies' off (0) or forced on (2)",
                         FixAvailability::kAlways, "0.1.0", "rules/sysctl/SL106.md"};

void CheckSL106(RuleContext& ctx) {
  static const std::string kKey = "net.ipv4.tcp_syncookies";
  const Host& host = ctx.host();
  const SysctlEntry* w = host.Winner(kKey);
  if (!w) return;
  const auto value = ParseKernelInt(w->value());
  if (!value || (*value != 0 && *value != 2)) return;
  Finding f;
  f.location = ValueLocation(*w);
  if (*value == 0) {
    f.message = "'" + kKey + "' is 0; when a listener's SYN queue is full the kernel drops new "
                "SYNs, so a burst or a SYN flood turns legitimate clients away";
  } else {
    f.message = "'" + kKey + "' is 2; cookies are sent for every connection even without a flood, "
                "and the 'possible SYN flooding' log line is never printed";
  }
  f.fix = EnableSyncookiesFix(ctx.host(), ctx.fix_options(), w->value());
  ctx.Report(std::move(f), *value == 0 ? Severity::kWarning : Severity::kInfo);
}

}  // namespace synlint
