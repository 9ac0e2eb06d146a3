// SPDX-License-Identifier: MIT
// SL202: tcp_syncookies = 0 and a listener whose queue outgrows the SYN-side
// limits: from 4.4, tcp_conn_request() drops SYNs from unproven peers once
// tcp_max_syn_backlog - tcp_max_syn_backlog/4 + 1 requests are pending;
// before 4.4 the SYN table (rounded power of two) can be smaller than the
// backlog. Where tcp_max_syn_backlog's default depends on the machine's
// memory, the message gives the range and formula, never one number.
// Unix sockets have no SYN queue.
#include "model/listen_model.h"
#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL202 = {"SL202", "syn-pressure-without-cookies", Severity::kWarning,
                         "syncookies off and a listener's queue larger than the SYN-side limit",
                         FixAvailability::kAlways, "0.1.0", "rules/listen/SL202.md"};

namespace {

std::string Range(int64_t lo, int64_t hi) {
  return lo == hi ? std::to_string(lo) : std::to_string(lo) + ".." + std::to_string(hi);
}

}  // namespace

void CheckSL202(RuleContext& ctx) {
  const Host& host = ctx.host();
  if (host.IntValue("net.ipv4.tcp_syncookies").value_or(1) != 0) return;
  for (const ListenerView& v : ctx.listener_views()) {
    const QueueLimits& q = v.queues;
    if (!q.has_syn_queue) continue;
    Finding f;
    f.location = v.explicit_backlog ? v.listener->backlog->location : v.listener->declared_at;
    std::string raise;
    // Only what the host shows for certain is a warning; a limit that depends
    // on what synlint does not know (the machine's memory) is reported as info.
    bool certain = true;
    if (host.Has(KernelChange::kSynQueueFromBacklog)) {
      // The early drop bites when the SYN queue would hold more than it lets pend.
      if (!q.syn_early_drop || q.syn_limit_max <= *q.syn_early_drop) continue;
      certain = q.syn_limit > q.syn_early_drop_max;
      f.message = "with 'net.ipv4.tcp_syncookies' = 0, " + Describe(v) + " has a SYN queue of " + q.SynText() +
                  " but SYNs from unproven peers are dropped once " +
                  Range(*q.syn_early_drop, q.syn_early_drop_max) +
                  " are pending ('tcp_max_syn_backlog' - 'tcp_max_syn_backlog'/4 + 1";
      if (q.syn_early_drop_max != *q.syn_early_drop)
        f.message += "; its default depends on this machine's memory: pass --tcp-ehash-entries or audit "
                     "the live host" + std::string(certain ? "" : ", it may be large enough");
      f.message += ")";
      raise = std::to_string(MaxSynBacklogFor(q.syn_limit_max));
    } else {
      if (q.syn_limit >= q.accept_limit) continue;
      certain = q.syn_limit_max < q.accept_limit;
      f.message = "with 'net.ipv4.tcp_syncookies' = 0, " + Describe(v) + " accepts " +
                  std::to_string(q.accept_limit) + " connections but its SYN table holds only " + q.SynText() +
                  ": " + q.syn_why;
      raise = std::to_string(q.accept_limit);
    }
    if (const SysctlEntry* w = host.Winner("net.ipv4.tcp_max_syn_backlog")) {
      f.related.push_back(ValueLocation(*w));
      f.related.back().note = "'tcp_max_syn_backlog' is set here";
    }
    // Turning cookies on removes the early drop; it is the same edit as SL106's.
    f.message += "; turn syncookies on, or raise 'tcp_max_syn_backlog' to at least " + raise;
    f.fix = EnableSyncookiesFix(ctx.host(), ctx.fix_options(), "0");
    ctx.Report(std::move(f), certain ? std::nullopt : std::optional<Severity>(Severity::kInfo));
  }
}

}  // namespace synlint
