// SPDX-License-Identifier: MIT
#include "linter/cli/live_attach.h"

#include <iostream>
#include <sstream>

#include "linter/cli/audit_watch.h"
#include "linter/cli/options.h"
#include "linter/live/live_read.h"
#include "model/live_counters.h"
#include "model/live_match.h"

namespace synlint::cli {

void AttachLiveState(HostOptions* options, std::shared_ptr<std::deque<LiveState>> store) {
  // The running kernel is the target, as for `synlint audit`, unless --kernel says otherwise.
  if (!options->kernel && options->running_kernel.empty()) {
    options->running_kernel = RunningKernel();
    options->running_kernel_build = RunningKernelBuild();
  }
  options->attach_live = [store](const Host& host) -> const LiveState* {
    store->push_back(ReadLiveState(host));
    AttachCounters(nullptr, SampleCounters("/proc"), &store->back());
    for (const std::string& u : store->back().unseen)
      std::cerr << "synlint: warning: --live could not see everything: " << u << "\n";
    return &store->back();
  };
}

std::string LiveListenerText(const Host& host, const std::vector<ListenerView>& views, const ListenerView& v,
                             const std::string& indent) {
  const LiveState* live = host.live_state;
  if (!live || !v.queues.has_syn_queue) return "";
  std::ostringstream out;
  size_t found = 0;
  for (const LiveListener& l : live->listeners) {
    if (ConfiguredListener(views, l) != &v) continue;
    ++found;
    out << indent << "running " << l.Endpoint() << ": accept queue " << l.accept_queue_limit << ", "
        << l.accept_queue_now << " waiting, " << l.syn_recv_now << " in SYN_RECV";
    if (l.pid) {
      out << "; pid " << *l.pid;
      if (!l.comm.empty()) out << " '" << l.comm << "'";
    }
    if (!l.unit.empty()) out << ", " << l.unit;
    out << "\n";
    if (l.accept_queue_limit != v.queues.accept_limit) {
      out << indent << "  the files give " << v.queues.accept_limit << ", the socket runs with "
          << l.accept_queue_limit
          << ": it was opened before a change, or somaxconn differs at run time (synlint audit: SL302, SL303)\n";
    }
  }
  if (found == 0) out << indent << "running: no listening socket for it in this network namespace\n";
  return out.str();
}

std::string LiveSummaryText(const Host& host) {
  const LiveState* live = host.live_state;
  if (!live) return "";
  std::ostringstream out;
  out << "running kernel: " << (live->kernel_release.empty() ? "unknown" : live->kernel_release);
  if (!live->netns.empty()) out << " (network namespace " << live->netns << ")";
  out << "\n";
  for (const char* key : {"net.core.somaxconn", "net.ipv4.tcp_max_syn_backlog", "net.ipv4.tcp_syncookies"}) {
    const auto it = live->sysctl.find(key);
    out << "  " << key << " running " << (it == live->sysctl.end() ? "unknown" : it->second) << "\n";
  }
  std::string counters;
  for (const std::string_view key : LiveCounterKeys()) {
    const auto it = live->counters.find(std::string(key));
    if (it == live->counters.end()) continue;
    counters += (counters.empty() ? "" : ", ") + std::string(key.substr(key.find('.') + 1)) + " " +
                std::to_string(it->second);
  }
  if (!counters.empty()) out << "  counters since boot: " << counters << "\n";
  for (const std::string& u : live->unseen) out << "  not seen: " << u << "\n";
  return out.str();
}

}  // namespace synlint::cli
