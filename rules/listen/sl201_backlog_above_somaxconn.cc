// SPDX-License-Identifier: MIT
// SL201: a listener asks for a backlog above net.core.somaxconn; listen()
// silently caps it (kernel-facts.md §1, rule 1). A capped default is info,
// unless the host shows it is fighting connection pressure
// (model/connection_pressure.h): then the cap is the decisive limit, a warning.
#include <algorithm>
#include <climits>

#include "model/connection_pressure.h"
#include "model/listen_model.h"
#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL201 = {"SL201", "backlog-above-somaxconn", Severity::kWarning,
                         "a listen backlog above 'net.core.somaxconn', silently capped by the kernel",
                         FixAvailability::kAlways, "0.1.0", "rules/listen/SL201.md"};

void CheckSL201(RuleContext& ctx) {
  const Host& host = ctx.host();
  const std::vector<ListenerView>& views = ctx.listener_views();
  const SysctlEntry* from = nullptr;
  const int64_t somaxconn = EffectiveSomaxconn(host, &from);
  const int64_t target = SomaxconnCovering(host, views);
  std::vector<PressureSign> pressure;
  bool pressure_known = false;
  for (const ListenerView& v : views) {
    if (v.requested <= somaxconn && v.requested >= 0) continue;
    // systemd >= 254 (and 252.12, 253.6) asks for INT_MAX on purpose: "so that the sysctl takes full effect".
    if (!v.explicit_backlog && (v.requested == INT_MAX || v.default_uncertain)) continue;
    Finding f;
    f.location = v.explicit_backlog ? v.listener->backlog->location : v.listener->declared_at;
    const std::string where = from ? "(" + Where(*from) + ")" : "(the Linux " + host.kernel.ToString() + " default)";
    f.message = v.service->service + " " + v.listener->address_text + " asks for " +
                (v.explicit_backlog ? v.requested_label : "a backlog of " + std::to_string(v.requested) +
                                                              " (" + v.default_reason + ")") +
                " but 'net.core.somaxconn' is " + std::to_string(somaxconn) + " " + where +
                "; listen() silently caps it: " + v.queues.accept_why;
    if (from) {
      f.related.push_back(ValueLocation(*from));
      f.related.back().note = "'net.core.somaxconn' is set here";
    }
    Severity severity = v.explicit_backlog ? Severity::kWarning : Severity::kInfo;
    if (!v.explicit_backlog) {
      if (!pressure_known) pressure = ConnectionPressureSigns(host);
      pressure_known = true;
      if (!pressure.empty()) {
        severity = Severity::kWarning;
        std::string signs;
        for (const PressureSign& p : pressure) {
          signs += (signs.empty() ? "" : ", ") + p.what;
          if (p.entry && p.entry != from) {
            f.related.push_back(ValueLocation(*p.entry));
            f.related.back().note = "tuned against connection pressure";
          }
        }
        const bool live = std::any_of(pressure.begin(), pressure.end(), [](const PressureSign& p) { return p.live; });
        f.message += live ? "; the host shows connection pressure (" + signs +
                                "), and this cap is what limits the queue"
                          : "; the host is tuned against connection pressure (" + signs +
                                "), and this cap, not those settings, is what limits the queue";
      }
    }
    if (target > somaxconn) {
      f.fix = SetSysctlFix(ctx.host(), ctx.fix_options(), "net.core.somaxconn", std::to_string(target),
                           "synlint SL201: covers the largest listen backlog (" + std::to_string(target) +
                               "); running services pick it up only when they call listen() again",
                           Applicability::kUnsafe);
    }
    ctx.Report(std::move(f), severity);
  }
}

}  // namespace synlint
