// SL202: tcp_syncookies = 0 and a listener whose queue outgrows the SYN-side
// limits: from 4.4, SYNs from unproven peers are dropped once 3/4 of
// tcp_max_syn_backlog are pending; before 4.4 the SYN table (rounded power of
// two) can be smaller than the backlog (kernel-facts.md §2, rule 4).
#include "model/listen_model.h"
#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL202 = {"SL202", "syn-pressure-without-cookies", Severity::kWarning,
                         "syncookies off and a listener's queue larger than the SYN-side limit",
                         FixAvailability::kAlways, "0.1.0", "rules/listen/SL202.md"};

void CheckSL202(RuleContext& ctx) {
  const Host& host = ctx.host();
  if (host.IntValue("net.ipv4.tcp_syncookies").value_or(1) != 0) return;
  const int64_t max_syn = host.IntValue("net.ipv4.tcp_max_syn_backlog").value_or(128);
  for (const ListenerView& v : ctx.listener_views()) {
    const QueueLimits& q = v.queues;
    Finding f;
    f.location = v.explicit_backlog ? v.listener->backlog->location : v.listener->declared_at;
    int64_t needed = 0;
    if (host.Has(KernelChange::kSynQueueFromBacklog)) {
      if (!q.syn_early_drop || q.accept_limit <= *q.syn_early_drop) continue;
      f.message = "with 'net.ipv4.tcp_syncookies' = 0, " + Describe(v) + " has a SYN queue of " +
                  std::to_string(q.syn_limit) + " but SYNs from unproven peers are dropped once " +
                  std::to_string(*q.syn_early_drop) + " are pending (3/4 of 'tcp_max_syn_backlog' " +
                  std::to_string(max_syn) + ")";
      needed = (q.accept_limit * 4 + 2) / 3 + 1;
    } else {
      if (q.syn_limit >= q.accept_limit) continue;
      f.message = "with 'net.ipv4.tcp_syncookies' = 0, " + Describe(v) + " accepts " +
                  std::to_string(q.accept_limit) + " connections but its SYN table holds only " +
                  std::to_string(q.syn_limit) + ": " + q.syn_why;
      needed = q.accept_limit;
    }
    if (const SysctlEntry* w = host.Winner("net.ipv4.tcp_max_syn_backlog")) {
      f.related.push_back(ValueLocation(*w));
      f.related.back().note = "'tcp_max_syn_backlog' is set here";
    }
    // Turning cookies on removes the early drop; it is the same edit as SL106's.
    (void)needed;
    f.message += "; turn syncookies on, or raise 'tcp_max_syn_backlog' to at least " + std::to_string(needed);
    f.fix = EnableSyncookiesFix(ctx.host(), ctx.fix_options(), "0");
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
