// SPDX-License-Identifier: MIT
#include "model/connection_pressure.h"

#include <cstdio>

#include "model/live_counters.h"
#include "model/live_state.h"

namespace synlint {

const std::vector<std::string>& ConnectionPressureKeys() {
  static const std::vector<std::string> keys = {
      "net.core.somaxconn",       "net.ipv4.tcp_max_syn_backlog", "net.ipv4.tcp_syncookies",
      "net.ipv4.tcp_syn_retries", "net.ipv4.tcp_synack_retries",
  };
  return keys;
}

std::vector<PressureSign> ConnectionPressureSigns(const Host& host) {
  std::vector<PressureSign> out;
  for (const std::string& key : ConnectionPressureKeys()) {
    const SysctlEntry* w = host.Winner(key);
    if (!w) continue;
    const KeyInfo* info = host.kb->Find(key);
    const auto def = host.Default(key);
    const auto def_value = def ? ParseKernelInt(*def) : std::nullopt;
    const auto value = ParseKernelInt(w->value());
    const bool computed = info && info->computed_default;
    if (!computed && def_value && value && *value == *def_value) continue;
    out.push_back(PressureSign{"'" + key + " = " + w->value() + "'", w});
  }
  if (const LiveState* live = host.live_state) {
    std::optional<int64_t> syncookies;
    if (const auto it = live->sysctl.find("net.ipv4.tcp_syncookies"); it != live->sysctl.end()) {
      syncookies = ParseKernelInt(it->second);
    }
    const bool watched = !live->counter_deltas.empty();
    const ListenPathReading r = ReadListenPath(watched ? live->counter_deltas : live->counters, syncookies);
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%g", live->counter_seconds);
    const std::string when = watched ? " in " + std::string(seconds) + " s" : " since boot";
    if (r.accept_queue_overflows > 0) {
      out.push_back(PressureSign{std::to_string(r.accept_queue_overflows) + " accept-queue overflows" + when +
                                     " (TcpExt.ListenOverflows)",
                                 nullptr, true});
    }
    if (r.syn_queue_overflows && *r.syn_queue_overflows > 0) {
      out.push_back(PressureSign{std::to_string(*r.syn_queue_overflows) + " SYN-queue overflows" + when +
                                     " (TcpExt.TCPReqQFullDrop, TCPReqQFullDoCookies)",
                                 nullptr, true});
    }
  }
  return out;
}

bool Host::ShowsConnectionPressure() const { return !ConnectionPressureSigns(*this).empty(); }

}  // namespace synlint
