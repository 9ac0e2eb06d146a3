#include "model/connection_pressure.h"

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
  return out;
}

bool Host::ShowsConnectionPressure() const { return !ConnectionPressureSigns(*this).empty(); }

}  // namespace synlint
