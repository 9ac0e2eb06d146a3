// SPDX-License-Identifier: MIT
// SL107: net.ipv4.tcp_max_syn_backlog tuned where it changes nothing. From
// Linux 4.4 its only reader is the 3/4 early-drop rule, which runs only with
// tcp_syncookies = 0; before 4.4 it caps the SYN table only below
// min(backlog, somaxconn). Only TCP listeners count: a Unix socket has no
// SYN queue (unix_listen(), net/unix/af_unix.c).
#include "model/listen_model.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL107 = {"SL107", "max-syn-backlog-no-effect", Severity::kInfo,
                         "'tcp_max_syn_backlog' set where the kernel does not use it",
                         FixAvailability::kNone, "0.1.0", "rules/sysctl/SL107.md"};

void CheckSL107(RuleContext& ctx) {
  static const std::string kKey = "net.ipv4.tcp_max_syn_backlog";
  const Host& host = ctx.host();
  const SysctlEntry* w = host.Winner(kKey);
  if (!w) return;
  const auto value = ParseKernelInt(w->value());
  if (!value) return;
  const auto cookies = host.IntValue("net.ipv4.tcp_syncookies").value_or(1);
  Finding f;
  f.location = ValueLocation(*w);
  if (host.Has(KernelChange::kSynQueueFromBacklog)) {
    if (cookies == 0) return;  // the 3/4 rule reads it: SL202's business
    const SysctlEntry* c = host.Winner("net.ipv4.tcp_syncookies");
    f.message = "'" + kKey + " = " + w->value() + "' is not read on Linux " + host.kernel.ToString() +
                ": from " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
                " its only use is the early drop that runs when 'tcp_syncookies' is 0, and "
                "it is " + std::to_string(cookies) +
                "; each listener's SYN queue is bounded by its own backlog";
    if (c) {
      f.related.push_back(ValueLocation(*c));
      f.related.back().note = "'tcp_syncookies' is set here";
    }
    const ListenerView* top = nullptr;
    for (const ListenerView& v : ctx.listener_views()) {
      if (v.queues.has_syn_queue && (!top || v.queues.syn_limit_max > top->queues.syn_limit_max)) top = &v;
    }
    if (top) {
      f.message += " (largest: " + top->service->service + " " + top->listener->address_text + ", " +
                   top->queues.accept_why + ")";
    }
    ctx.Report(std::move(f));
    return;
  }
  // Before 4.4 it caps min(backlog, somaxconn) before the power-of-two rounding.
  int64_t largest = 0;
  const ListenerView* top = nullptr;
  for (const auto& v : ctx.listener_views()) {
    if (v.queues.has_syn_queue && v.queues.accept_limit >= largest) {
      largest = v.queues.accept_limit;
      top = &v;
    }
  }
  if (!top || *value <= largest) return;
  f.message = "'" + kKey + " = " + w->value() + "' is above every listener's min(backlog, somaxconn); "
              "on Linux < " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
              " it only caps that value, so it changes nothing here (largest: " +
              top->service->service + " " + top->listener->address_text + ", " + top->queues.accept_why +
              "; SYN table " + top->queues.SynText() + ")";
  f.related.push_back(top->listener->declared_at);
  f.related.back().note = "the listener with the largest queue";
  ctx.Report(std::move(f));
}

}  // namespace synlint
