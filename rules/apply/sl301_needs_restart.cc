// SPDX-License-Identifier: MIT
// SL301: a change to a value read only at listen() time reaches running
// listeners only when the service calls listen() again, and each server
// does that differently (kernel-facts.md §1, §5-§7, rule 10). Reported for
// changes since `--changed-since REV`.
#include <algorithm>

#include "model/restart_advice.h"
#include "rules/apply/apply_rules.h"
#include "rules/edits/sysctl_entries.h"

namespace synlint {

const RuleMeta kSL301 = {"SL301", "change-needs-restart", Severity::kWarning,
                         "a listen-time setting changed; say which services must re-listen",
                         FixAvailability::kNone, "0.1.0", "rules/apply/SL301.md"};

namespace {

std::string Commands(const std::vector<ListenerChange>& changes) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& c : changes) {
    if (std::find(seen.begin(), seen.end(), c.action.command) != seen.end()) continue;
    seen.push_back(c.action.command);
    out += (out.empty() ? "" : "; ") + std::string("'") + c.action.command + "'";
  }
  return out;
}

}  // namespace

void CheckSL301(RuleContext& ctx) {
  const Host& host = ctx.host();
  if (!host.baseline) return;
  const Host& before = *host.baseline;
  const std::vector<ListenerChange> changes = ListenerChanges(before, host);
  // Kernel settings read at listen() time.
  for (const auto& [key, info] : host.kb->keys()) {
    if (!info.listen_time) continue;
    if (key == "net.ipv4.tcp_max_syn_backlog" && host.Has(KernelChange::kSynQueueFromBacklog)) continue;
    const auto was = before.Value(key);
    const auto now = host.Value(key);
    if (was == now) continue;
    const SysctlEntry* w = host.Winner(key);
    Finding f;
    if (w) {
      f.location = ValueLocation(*w);
    } else {
      continue;  // removed: the finding would have no place in the new tree
    }
    std::vector<ListenerChange> affected;
    for (const auto& c : changes) {
      if (!c.request_changed) affected.push_back(c);
    }
    f.message = "'" + key + "' changed since " + host.baseline_rev + " (" + was.value_or("default") +
                " -> " + now.value_or("default") + "); it is read only when a socket starts listening";
    if (affected.empty()) {
      f.message += ", and no listener found here changes because of it";
      ctx.Report(std::move(f), Severity::kInfo);
      continue;
    }
    f.message += ", so after applying the sysctl files run " + Commands(affected);
    for (const auto& c : affected) {
      f.related.push_back(c.where);
      f.related.back().note = c.service + " " + c.address_text + ": accept queue " +
                              std::to_string(c.accept_before) + " -> " + std::to_string(c.accept_after);
    }
    ctx.Report(std::move(f));
  }
  // A service's own backlog setting.
  for (const auto& c : changes) {
    if (!c.request_changed) continue;
    Finding f;
    f.location = c.where;
    f.message = "the backlog of " + c.service + " " + c.address_text + " changed since " +
                host.baseline_rev + " (accept queue " + std::to_string(c.accept_before) + " -> " +
                std::to_string(c.accept_after) + "); apply it with '" + c.action.command + "': " +
                c.action.reason;
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
