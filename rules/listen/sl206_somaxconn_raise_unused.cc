// SPDX-License-Identifier: MIT
// SL206: somaxconn raised above the kernel default, but a listener still asks
// for less (nginx's or Apache's default 511, an old systemd's SOMAXCONN), so
// the raise does nothing for it (kernel-facts.md §1, §7, rule 12). No fix:
// "as much as somaxconn allows" is no basis for a queue size; the size comes
// from the load (`synlint tune`).
#include <climits>
#include <set>

#include "model/listen_model.h"
#include "rules/edits/apache_capacity.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL206 = {"SL206", "somaxconn-raise-unused", Severity::kInfo,
                         "'net.core.somaxconn' raised, but a listener's default backlog stays below it",
                         FixAvailability::kNone, "0.1.0", "rules/listen/SL206.md"};

void CheckSL206(RuleContext& ctx) {
  const Host& host = ctx.host();
  const SysctlEntry* from = nullptr;
  const int64_t somaxconn = EffectiveSomaxconn(host, &from);
  if (!from) return;
  const auto def = host.Default("net.core.somaxconn");
  const auto def_value = def ? ParseKernelInt(*def) : std::nullopt;
  if (!def_value || somaxconn <= *def_value) return;
  std::set<const ServiceFacts*> apache_done;  // ListenBacklog is one setting per server
  for (const ListenerView& v : ctx.listener_views()) {
    if (v.explicit_backlog || v.default_uncertain || v.requested == INT_MAX || v.requested >= somaxconn)
      continue;
    if (v.service->kind == ConfigFormat::kApache && !apache_done.insert(v.service).second) continue;
    // Apache drains its queue only as fast as its workers: a backlog far
    // beyond them (SL205) is no improvement, and none is when 511 is already that far.
    std::string capped;
    if (v.service->kind == ConfigFormat::kApache) {
      const ApacheCapacity cap = ApacheWorkers(*v.service);
      if (cap.MaxUsefulBacklog() <= v.requested) continue;
      if (cap.MaxUsefulBacklog() < somaxconn)
        capped = "; above " + std::to_string(cap.MaxUsefulBacklog()) + " it would only queue clients that " +
                 cap.why + " cannot serve (SL205)";
    }
    Finding f;
    f.location = v.listener->declared_at;
    f.message = "'net.core.somaxconn' is raised to " + std::to_string(somaxconn) + " (" + Where(*from) +
                ") but " + v.service->service + " " + v.listener->address_text +
                " still asks for " + std::to_string(v.requested) + " (" + v.default_reason +
                "), so the raise does nothing for it; decide its backlog from the load it must absorb "
                "('synlint tune --peak-rate N --accept-delay MS' computes one)" + capped;
    f.related.push_back(ValueLocation(*from));
    f.related.back().note = "the raised 'net.core.somaxconn'";
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
