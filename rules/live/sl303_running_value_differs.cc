// SPDX-License-Identifier: MIT
// SL303: a running /proc/sys value that differs from what the sysctl files
// give at boot. The loader (systemd-sysctl, `sysctl --system`) writes the
// files' values at boot and on `systemctl restart systemd-sysctl`; anything
// written since (`sysctl -w`, a unit's ExecStartPre=, a container runtime)
// lasts until then. Keys the files do not set are compared with the kernel
// default only where the knowledge records it exactly (not for defaults the
// kernel computes from the machine, such as tcp_max_syn_backlog).
#include <sstream>

#include "model/kernel_integer.h"
#include "model/proc_sys.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/live/live_rules.h"

namespace synlint {

const RuleMeta kSL303 = {"SL303", "running-value-differs", Severity::kWarning,
                         "a running sysctl value differs from what the sysctl files set at boot",
                         FixAvailability::kNone, "0.1.0", "rules/live/SL303.md"};

namespace {

/// A value as the kernel compares it: whitespace-separated fields, integers
/// in their decimal form ("0x10 \t 2" and "16 2" are the same).
std::vector<std::string> Fields(const std::string& value) {
  std::vector<std::string> out;
  std::istringstream in(value);
  for (std::string field; in >> field;) {
    const auto n = ParseKernelInt(field);
    out.push_back(n ? std::to_string(*n) : field);
  }
  return out;
}

std::string Reload(const Host& host) {
  return host.loader == sysctl::Loader::kSystemd ? "systemctl restart systemd-sysctl" : "sysctl --system";
}

}  // namespace

void CheckSL303(RuleContext& ctx) {
  const Host& host = ctx.host();
  const LiveState* live = host.live_state;
  if (!live) return;
  for (const auto& [key, running] : live->sysctl) {
    const SysctlEntry* w = host.Winner(key);
    const KeyInfo* info = host.kb->Find(key);
    std::string boot;
    if (w) {
      boot = w->value();
    } else {
      if (!info || info->computed_default) continue;
      const auto d = host.Default(key);
      if (!d) continue;
      boot = *d;
    }
    if (Fields(running) == Fields(boot)) continue;
    Finding f;
    f.location = w ? ValueLocation(*w) : LiveLocation(ProcSysPath(key));
    f.message = "'" + key + "' is " + running + " in the running kernel" +
                (live->other_netns ? " (this network namespace)" : "") + ", but " +
                (w ? "the sysctl files set " + boot + " (" + Where(*w) + ")"
                   : "no sysctl file sets it and the Linux " + host.kernel.ToString() + " default is " + boot);
    const bool ns_key = info && info->netns;
    if (live->other_netns && ns_key) {
      f.message += "; the sysctl loader runs in the host's namespace, so this namespace keeps " + running +
                   " until whoever created it writes another value";
    } else {
      f.message += "; " + std::string(w ? "the files' " : "the default ") + boot + " returns at the next boot" +
                   (w ? " or '" + Reload(host) + "'" : "") + ", while " + running +
                   " stays until then: it was written after boot ('sysctl -w', a service's ExecStartPre=, "
                   "a container runtime or a tuning daemon), or the loader did not apply the files (not run "
                   "in a container, or its write failed)";
      if (w) f.message += "; make the files say " + running + " to keep it";
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
