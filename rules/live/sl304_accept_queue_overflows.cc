// SPDX-License-Identifier: MIT
// SL304: the kernel's accept-queue overflow counter. Since Linux 4.10
// tcp_conn_request() (net/ipv4/tcp_input.c) drops a SYN that finds the
// listener's accept queue full (sk_acceptq_is_full(), include/net/sock.h:
// more than sk_max_ack_backlog waiting) and counts it in ListenOverflows and
// ListenDrops; tcp_v4_syn_recv_sock() counts a final ACK that finds it full.
// With `audit --watch` a rising ListenOverflows is tied to the listener whose
// accept queue is full now (inet_diag idiag_rqueue >= idiag_wqueue), with the
// derivation of its limit and the line that sets it; totals since boot alone
// are info (docs/live-counters.md).
#include <algorithm>

#include "model/live_counters.h"
#include "model/live_match.h"
#include "rules/live/live_overflow.h"
#include "rules/live/live_rules.h"

namespace synlint {

const RuleMeta kSL304 = {"SL304", "accept-queue-overflows", Severity::kWarning,
                         "the kernel drops connections because a listener's accept queue is full "
                         "('ListenOverflows' rises)",
                         FixAvailability::kNone, "0.1.0", "rules/live/SL304.md"};

namespace {

bool AcceptQueueFull(const LiveListener& l) {
  return l.accept_queue_limit >= 0 && l.accept_queue_now >= l.accept_queue_limit;
}

std::string QueueNow(const LiveListener& l) {
  return "its accept queue holds " + std::to_string(l.accept_queue_now) + " connections for a limit of " +
         std::to_string(l.accept_queue_limit) + " (the kernel admits limit + 1, then drops each new SYN)";
}

constexpr std::string_view kAdvice =
    "the server does not accept() as fast as connections arrive: give it more workers, or raise the "
    "backlog and 'net.core.somaxconn' to absorb bursts (then reopen the socket)";

}  // namespace

void CheckSL304(RuleContext& ctx) {
  const Host& host = ctx.host();
  const LiveState* live = host.live_state;
  if (!live) return;
  const auto total = live->counters.find(std::string(counter::kListenOverflows));
  if (total == live->counters.end()) return;
  const bool watched = live->counter_seconds > 0;
  int64_t rose = 0;
  if (watched) {
    const auto d = live->counter_deltas.find(std::string(counter::kListenOverflows));
    if (d == live->counter_deltas.end() || d->second <= 0) return;  // not rising (or reset: unknown)
    rose = d->second;
  } else if (total->second <= 0) {
    return;
  }
  const std::string what = watched ? RoseBy(counter::kListenOverflows, rose, live->counter_seconds)
                                   : "'" + std::string(counter::kListenOverflows) + "' is " + std::to_string(total->second) +
                                         " in total (since boot, or since the network namespace was made; --watch SECONDS gives a rate)";
  const Severity severity = watched ? Severity::kWarning : Severity::kInfo;
  const std::vector<ListenerView>& views = ctx.listener_views();
  bool tied = false;
  for (const LiveListener& l : live->listeners) {
    if (!AcceptQueueFull(l)) continue;
    tied = true;
    const ListenerView* v = ConfiguredListener(views, l);
    Finding f;
    f.location = ListenerLocation(v, l);
    f.message = what + " and " + DescribeListener(v, l) + " is full now: " + QueueNow(l) + "; " +
                LimitDerivation(v, l) + "; " + std::string(kAdvice);
    AddSomaxconnNote(host, *live, &f);
    ctx.Report(std::move(f), severity);
  }
  if (tied) return;
  Finding f;
  f.location = LiveLocation("proc/net/netstat");
  f.message = what + ", but no listener's accept queue was full when synlint looked";
  // The listeners closest to their limit are the likely ones.
  std::vector<const LiveListener*> by_fill;
  for (const LiveListener& l : live->listeners)
    if (l.accept_queue_limit > 0) by_fill.push_back(&l);
  std::sort(by_fill.begin(), by_fill.end(), [](const LiveListener* a, const LiveListener* b) {
    return a->accept_queue_now * b->accept_queue_limit > b->accept_queue_now * a->accept_queue_limit;
  });
  if (!by_fill.empty() && by_fill.front()->accept_queue_now > 0) {
    f.message += "; fullest now:";
    for (size_t i = 0; i < by_fill.size() && i < 3 && by_fill[i]->accept_queue_now > 0; ++i)
      f.message += std::string(i ? "," : "") + " " + by_fill[i]->Endpoint() + " " +
                   std::to_string(by_fill[i]->accept_queue_now) + "/" + std::to_string(by_fill[i]->accept_queue_limit);
  }
  f.message += "; overflows come in bursts shorter than the sampling, or from a listener that has closed";
  ctx.Report(std::move(f), severity);
}

}  // namespace synlint
