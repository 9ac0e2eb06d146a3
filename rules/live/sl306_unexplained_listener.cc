// SPDX-License-Identifier: MIT
// SL306: a listening TCP socket that no configuration synlint reads
// explains: its queues come from a program synlint does not model, so they
// are reported with what the kernel says (the accept-queue limit is
// min(its backlog, somaxconn at listen()), inet_listen() and
// tcp_diag_get_info()) and its owner, never silently skipped.
#include "model/live_match.h"
#include "rules/live/live_rules.h"

namespace synlint {

const RuleMeta kSL306 = {"SL306", "unexplained-listener", Severity::kInfo,
                         "a running TCP listener that no configuration synlint reads explains",
                         FixAvailability::kNone, "0.1.0", "rules/live/SL306.md"};

void CheckSL306(RuleContext& ctx) {
  const Host& host = ctx.host();
  const LiveState* live = host.live_state;
  if (!live) return;
  const std::vector<ListenerView>& views = ctx.listener_views();
  for (const LiveListener& l : live->listeners) {
    if (ConfiguredListener(views, l)) continue;
    Finding f;
    f.location = LiveLocation(l.address.find(':') != std::string::npos ? "proc/net/tcp6" : "proc/net/tcp");
    f.message = l.Endpoint() + " is listening";
    if (l.pid) {
      f.message += " (pid " + std::to_string(*l.pid) + (l.comm.empty() ? "" : " '" + l.comm + "'") +
                   (l.unit.empty() ? "" : ", " + l.unit) + ")";
    } else {
      f.message += " (owner unknown)";
    }
    f.message += " with accept-queue limit " + std::to_string(l.accept_queue_limit) + ", " +
                 std::to_string(l.accept_queue_now) + " waiting to be accepted, " +
                 std::to_string(l.syn_recv_now) +
                 " in SYN_RECV, but no nginx, Apache or systemd socket configuration under the root "
                 "explains it; its limit is min(its own listen() backlog, 'net.core.somaxconn' when it "
                 "called listen())";
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
