// SPDX-License-Identifier: MIT
#include "rules/live/live_overflow.h"

#include <cmath>
#include <cstdio>

#include "model/kernel_integer.h"
#include "model/live_match.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/live/live_rules.h"

namespace synlint {

std::optional<int64_t> RunningInt(const LiveState& live, const std::string& key) {
  const auto it = live.sysctl.find(key);
  if (it == live.sysctl.end()) return std::nullopt;
  return ParseKernelInt(it->second);
}

std::string DescribeListener(const ListenerView* view, const LiveListener& l) {
  std::string s = view ? view->service->service + " " + view->listener->address_text + " on " : "";
  s += l.Endpoint();
  if (l.pid) {
    s += " (pid " + std::to_string(*l.pid) + (l.comm.empty() ? "" : " '" + l.comm + "'");
    if (!l.unit.empty()) s += ", " + l.unit;
    s += ")";
  }
  return s;
}

Location ListenerLocation(const ListenerView* view, const LiveListener& l) {
  if (view) return view->explicit_backlog ? view->listener->backlog->location : view->listener->declared_at;
  return LiveLocation(l.address.find(':') != std::string::npos ? "proc/net/tcp6" : "proc/net/tcp");
}

std::string LimitDerivation(const ListenerView* view, const LiveListener& l) {
  if (!view) return "no configuration synlint reads sets its backlog";
  const Location& at = ListenerLocation(view, l);
  std::string s = "the configuration gives " + view->queues.accept_why + " (" +
                  (view->explicit_backlog ? "" : view->default_reason + ", ") + std::string(std::string_view(at.file)) +
                  ":" + std::to_string(at.start.line) + ")";
  if (view->queues.accept_limit != l.accept_queue_limit)
    s += ", but the socket runs with " + std::to_string(l.accept_queue_limit) +
         ": it was opened before a change (SL302)";
  return s;
}

std::string RoseBy(std::string_view counter, int64_t delta, double seconds) {
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.3g", seconds > 0 ? static_cast<double>(delta) / seconds : 0.0);
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3g", seconds);
  return "'" + std::string(counter) + "' rose by " + std::to_string(delta) + " in " + secs + " s (" + rate + "/s)";
}

void AddSomaxconnNote(const Host& host, const LiveState& live, Finding* f) {
  const SysctlEntry* w = host.Winner("net.core.somaxconn");
  if (!w) return;
  f->related.push_back(ValueLocation(*w));
  const auto running = live.sysctl.find("net.core.somaxconn");
  f->related.back().note = "'net.core.somaxconn' is set here" +
                           (running == live.sysctl.end() ? std::string() : " (running value " + running->second + ")");
}

}  // namespace synlint
