// SPDX-License-Identifier: MIT
// SL302: a running listener whose accept-queue limit is not what its
// configuration and the running somaxconn give now. listen() fixes
// sk_max_ack_backlog = min(backlog, somaxconn) when it is called
// (__sys_listen(), net/socket.c; inet_listen(), net/ipv4/af_inet.c), and
// inet_diag reports it as idiag_wqueue (tcp_diag_get_info(),
// net/ipv4/tcp_diag.c): a different figure means the socket was opened
// before a change and keeps the old limit until the service reopens it.
#include <climits>

#include "model/live_match.h"
#include "model/restart_advice.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/live/live_rules.h"

namespace synlint {

const RuleMeta kSL302 = {"SL302", "stale-listener", Severity::kWarning,
                         "a running listener's accept-queue limit is not what its configuration gives now",
                         FixAvailability::kNone, "0.1.0", "rules/live/SL302.md"};

namespace {

std::string Owner(const LiveListener& l) {
  if (!l.pid) return "";
  std::string s = " (pid " + std::to_string(*l.pid) + (l.comm.empty() ? "" : " '" + l.comm + "'");
  if (!l.unit.empty()) s += ", " + l.unit;
  return s + ")";
}

}  // namespace

void CheckSL302(RuleContext& ctx) {
  const Host& host = ctx.host();
  const LiveState* live = host.live_state;
  if (!live) return;
  const auto running = live->sysctl.find("net.core.somaxconn");
  if (running == live->sysctl.end()) return;
  const auto somaxconn = ParseKernelInt(running->second);
  if (!somaxconn) return;
  const std::vector<ListenerView>& views = ctx.listener_views();
  for (const LiveListener& l : live->listeners) {
    const ListenerView* v = ConfiguredListener(views, l);
    if (!v) continue;
    // A backlog synlint cannot read (a variable) or a default that depends
    // on what the version does not tell: nothing to compare with.
    if (v->listener->backlog && !v->listener->backlog->value) continue;
    if (!v->explicit_backlog && v->default_uncertain) continue;
    const QueueLimits now = ComputeQueues(host, v->requested, v->requested_label, *somaxconn);
    if (now.accept_limit == l.accept_queue_limit) continue;
    // A limit above what the backlog alone allows: the backlog setting was
    // different when the socket was opened. Otherwise somaxconn was smaller then
    // (or the backlog was).
    const int64_t request_cap = ComputeQueues(host, v->requested, v->requested_label, INT64_MAX / 4).accept_limit;
    const bool request_changed = l.accept_queue_limit > request_cap;
    const Action action = ReopenAction(host, *v->service, request_changed);
    Finding f;
    f.location = v->explicit_backlog ? v->listener->backlog->location : v->listener->declared_at;
    f.message = v->service->service + " " + v->listener->address_text + " is listening on " + l.Endpoint() +
                Owner(l) + " with accept-queue limit " + std::to_string(l.accept_queue_limit) +
                ", but reopened now it gets " + std::to_string(now.accept_limit) + ": " + now.accept_why +
                " with the running 'net.core.somaxconn'; ";
    if (request_changed)
      f.message += "the socket was opened with a larger backlog than the configuration sets now";
    else if (l.accept_queue_limit < v->requested)
      f.message += "the socket was opened when 'net.core.somaxconn' was " + std::to_string(l.accept_queue_limit) +
                   " (or the backlog that low)";
    else
      f.message += "the socket was opened with another backlog or 'net.core.somaxconn'";
    f.message += "; reopen it with '" + action.command + "': " + action.reason;
    if (const SysctlEntry* w = host.Winner("net.core.somaxconn")) {
      f.related.push_back(ValueLocation(*w));
      f.related.back().note = "'net.core.somaxconn' is set here (running value " + running->second + ")";
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
