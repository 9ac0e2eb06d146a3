// SPDX-License-Identifier: MIT
// SL305: SYN-queue overflows. tcp_conn_request() (net/ipv4/tcp_input.c)
// calls tcp_syn_flood_action() when a listener's SYN queue is full
// (inet_csk_reqsk_queue_is_full()) or tcp_syncookies is 2; it counts
// TCPReqQFullDoCookies (cookies on) or TCPReqQFullDrop (off, the SYN is
// dropped) and, the first time for a socket and never with syncookies 2,
// logs "Possible SYN flooding on port ...". So: a rising TCPReqQFullDrop, or
// a rising TCPReqQFullDoCookies with syncookies != 2, or the log line, means
// a SYN queue overflowed. The finding names the listener (by the log line's
// port and address, or the one whose SYN_RECV count is at its limit now),
// its SYN-queue limit and where that comes from, and what to change
// (docs/live-counters.md).
#include <set>

#include "model/live_counters.h"
#include "model/live_match.h"
#include "rules/live/live_overflow.h"
#include "rules/live/live_rules.h"

namespace synlint {

const RuleMeta kSL305 = {"SL305", "syn-queue-overflows", Severity::kWarning,
                         "a listener's SYN queue overflows (TCPReqQFull* counters rise, or the kernel "
                         "logged 'Possible SYN flooding')",
                         FixAvailability::kNone, "0.1.0", "rules/live/SL305.md"};

namespace {

// The SYN-queue limit of a running socket and why: on Linux >= 4.4 its
// accept-queue limit; before, the table listen() sized from it and
// tcp_max_syn_backlog.
QueueLimits RunningSynQueue(const Host& host, const LiveState& live, const LiveListener& l) {
  return ComputeQueues(host, l.accept_queue_limit, "the socket's limit " + std::to_string(l.accept_queue_limit),
                       l.accept_queue_limit, RunningInt(live, "net.ipv4.tcp_max_syn_backlog"));
}

std::string Change(const Host& host, const ListenerView* v) {
  std::string s = "to change it, raise ";
  if (v) {
    const Location& at = v->explicit_backlog ? v->listener->backlog->location : v->listener->declared_at;
    s += "the backlog (" + v->requested_label + ", " + std::string(std::string_view(at.file)) + ":" +
         std::to_string(at.start.line) + ")";
  } else {
    s += "the listen() backlog of the server";
  }
  s += " and 'net.core.somaxconn', then reopen the socket";
  if (host.Has(KernelChange::kSynQueueFromBacklog))
    s += "; 'tcp_max_syn_backlog' does not size this queue on Linux >= " +
         host.Since(KernelChange::kSynQueueFromBacklog).ToString();
  return s;
}

std::string SynQueueText(const QueueLimits& q, const LiveListener& l) {
  return "its SYN queue holds " + std::to_string(l.syn_recv_now) + " requests now; limit " +
         std::to_string(q.syn_limit) + " = " + q.syn_why;
}

const LiveListener* RunningFor(const LiveState& live, const live::FloodLine& line) {
  const LiveListener* port_only = nullptr;
  for (const LiveListener& l : live.listeners) {
    if (l.port != line.port) continue;
    if (!line.address.empty() && CanonicalAddress(line.address) == CanonicalAddress(l.address)) return &l;
    if (!port_only && (line.address.empty() || line.ipv6 == (l.address.find(':') != std::string::npos)))
      port_only = &l;
  }
  return line.address.empty() ? port_only : nullptr;
}

const ListenerView* ConfiguredForPort(const std::vector<ListenerView>& views, const live::FloodLine& line) {
  for (const ListenerView& v : views)
    if (!v.listener->is_unix && v.listener->port == line.port &&
        (line.address.empty() || v.listener->host.empty() || IsWildcardAddress(CanonicalAddress(v.listener->host)) ||
         CanonicalAddress(v.listener->host) == CanonicalAddress(line.address)))
      return &v;
  return nullptr;
}

void ReportFloodLines(RuleContext& ctx, const LiveState& live) {
  const Host& host = ctx.host();
  std::set<std::string> seen;  // one finding per socket: the kernel logs once per socket anyway
  for (const live::FloodLine& line : live.flood_lines) {
    const std::string key = line.address + "|" + std::to_string(line.port);
    if (!seen.insert(key).second) continue;
    const LiveListener* l = RunningFor(live, line);
    const ListenerView* v = l ? ConfiguredListener(ctx.listener_views(), *l)
                              : ConfiguredForPort(ctx.listener_views(), line);
    Finding f;
    Location log_at = LiveLocation(live.kernel_log);
    log_at.start.line = line.line;
    log_at.end.line = line.line;
    log_at.note = "the kernel's line (" + std::string(live::FloodWordingKernels(line.wording)) + " wording)";
    std::string port = line.address.empty() ? std::to_string(line.port)
                                            : (line.ipv6 ? "[" + line.address + "]" : line.address) + ":" +
                                                  std::to_string(line.port);
    f.message = "the kernel logged 'Possible SYN flooding on port " + port + ". " +
                std::string(live::FloodActionText(line.action)) + ".' (" + live.kernel_log + ":" +
                std::to_string(line.line) + "): ";
    if (l) {
      const QueueLimits q = RunningSynQueue(host, live, *l);
      f.location = ListenerLocation(v, *l);
      f.message += "the SYN queue of " + DescribeListener(v, *l) + " overflowed; " + SynQueueText(q, *l) + "; " +
                   LimitDerivation(v, *l);
    } else if (v) {
      f.location = v->explicit_backlog ? v->listener->backlog->location : v->listener->declared_at;
      f.message += "the SYN queue of " + v->service->service + " " + v->listener->address_text +
                   " overflowed (no socket listens there now); the configuration gives a SYN-queue limit of " +
                   std::to_string(v->queues.syn_limit) + " = " + v->queues.syn_why;
    } else {
      f.location = log_at;
      f.message += "no socket listens there in this network namespace now and no configuration names it (a "
                   "socket since closed, or one of another namespace: the kernel log is the host's)";
    }
    f.message += line.action == live::FloodAction::kSendingCookies
                     ? "; the SYNs past the limit were answered with cookies (tcp_syncookies 1)"
                     : "; the SYNs past the limit were dropped (tcp_syncookies 0): clients retried or gave up";
    f.message += "; the line is printed once per socket, so the counters' rates (--watch) tell whether it goes on; " +
                 Change(host, v);
    if (f.location.file != log_at.file || f.location.start.line != log_at.start.line) f.related.push_back(log_at);
    AddSomaxconnNote(host, live, &f);
    ctx.Report(std::move(f), l || v ? Severity::kWarning : Severity::kInfo);
  }
}

}  // namespace

void CheckSL305(RuleContext& ctx) {
  const Host& host = ctx.host();
  const LiveState* live = host.live_state;
  if (!live) return;
  ReportFloodLines(ctx, *live);

  const std::optional<int64_t> syncookies = RunningInt(*live, "net.ipv4.tcp_syncookies");
  const bool watched = live->counter_seconds > 0;
  const ListenPathReading reading = ReadListenPath(watched ? live->counter_deltas : live->counters, syncookies);
  if (!reading.syn_queue_overflows || *reading.syn_queue_overflows <= 0) return;
  const int64_t n = *reading.syn_queue_overflows;
  const bool cookies = syncookies && *syncookies != 0;
  const std::string_view which = cookies ? counter::kReqQFullDoCookies : counter::kReqQFullDrop;
  std::string what = watched ? RoseBy(which, n, live->counter_seconds)
                             : "'" + std::string(which) + "' is " + std::to_string(n) +
                                   " in total (since boot, or since the network namespace was made; --watch "
                                   "SECONDS gives a rate)";
  what += cookies ? " (tcp_syncookies " + std::to_string(*syncookies) + ": SYNs past a full SYN queue get a cookie)"
                  : " (tcp_syncookies 0: SYNs past a full SYN queue are dropped)";
  const Severity severity = watched ? Severity::kWarning : Severity::kInfo;
  bool tied = false;
  for (const LiveListener& l : live->listeners) {
    const QueueLimits q = RunningSynQueue(host, *live, l);
    if (q.syn_limit <= 0 || l.syn_recv_now < q.syn_limit) continue;
    tied = true;
    const ListenerView* v = ConfiguredListener(ctx.listener_views(), l);
    Finding f;
    f.location = ListenerLocation(v, l);
    f.message = what + " and the SYN queue of " + DescribeListener(v, l) + " is full now: " + SynQueueText(q, l) +
                "; " + LimitDerivation(v, l) + "; " + Change(host, v);
    AddSomaxconnNote(host, *live, &f);
    ctx.Report(std::move(f), severity);
  }
  if (tied) return;
  Finding f;
  f.location = LiveLocation("proc/net/netstat");
  f.message = what + ", but no listener's SYN queue was full when synlint looked" +
              (live->flood_lines.empty() ? std::string("; the kernel log names the port ('Possible SYN flooding on "
                                                       "port ...', --kernel-log FILE)")
                                         : std::string("; the kernel log's lines are reported above")) +
              "; " + Change(host, nullptr);
  ctx.Report(std::move(f), severity);
}

}  // namespace synlint
