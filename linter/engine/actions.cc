#include "linter/engine/actions.h"

#include <algorithm>

namespace synlint {

namespace {

bool IsSysctlPath(const std::string& p) {
  return p == "etc/sysctl.conf" || p.rfind("etc/sysctl.d/", 0) == 0;
}

}  // namespace

std::vector<Action> ActionsForFix(const Host& host, const FixResult& fix) {
  std::vector<Action> out;
  const bool sysctl_changed = std::any_of(fix.fixed.begin(), fix.fixed.end(),
                                          [](const auto& kv) { return IsSysctlPath(kv.first); });
  if (sysctl_changed) {
    if (host.loader == sysctl::Loader::kSystemd) {
      out.push_back({"systemctl restart systemd-sysctl",
                     "applies the sysctl.d files now, as at boot", "sysctl"});
    } else {
      out.push_back({"sysctl --system", "applies sysctl.d files and /etc/sysctl.conf now, as at boot",
                     "sysctl"});
    }
  }
  return out;
}

}  // namespace synlint
