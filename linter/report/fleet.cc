// SPDX-License-Identifier: MIT
#include <algorithm>
#include <string>
#include <unordered_map>

#include "linter/report/fleet.h"

namespace synlint {

namespace {

int SeverityRank(std::string_view s) { return s == "error" ? 0 : s == "warning" ? 1 : 2; }

}  // namespace

FleetReport MergeHosts(std::vector<HostReport> hosts) {
  FleetReport r;
  std::sort(hosts.begin(), hosts.end(),
            [](const HostReport& a, const HostReport& b) { return a.host < b.host; });
  r.hosts = std::move(hosts);
  std::unordered_map<std::string, uint32_t> index;  // rule \0 severity \0 message -> group
  std::string key;
  for (uint32_t h = 0; h < r.hosts.size(); ++h) {
    HostReport& host = r.hosts[h];
    FleetTotals& t = r.totals;
    ++t.hosts;
    t.ok += host.status == HostStatus::kOk;
    t.failed += host.status == HostStatus::kFailed;
    t.unreachable += host.status == HostStatus::kUnreachable;
    t.missing += host.status == HostStatus::kMissing;
    t.with_findings += !host.findings.empty();
    t.errors += host.errors;
    t.warnings += host.warnings;
    t.infos += host.infos;
    t.listeners += host.listeners.size();
    for (HostFinding& f : host.findings) {
      key.assign(f.rule).append(1, '\0').append(f.severity).append(1, '\0').append(f.message);
      auto [it, added] = index.try_emplace(key, static_cast<uint32_t>(r.groups.size()));
      if (added) {
        FindingGroup g;
        g.rule = std::move(f.rule);
        g.name = std::move(f.name);
        g.severity = std::move(f.severity);
        g.message = std::move(f.message);
        g.file = f.file;
        g.line = f.line;
        r.groups.push_back(std::move(g));
      }
      FindingGroup& g = r.groups[it->second];
      // One host may have the same finding in several files: count the host once.
      if (g.hosts.empty() || g.hosts.back() != h) {
        g.hosts.push_back(h);
        g.files.push_back(std::move(f.file));
        g.lines.push_back(f.line);
      }
    }
    host.findings.clear();
    host.findings.shrink_to_fit();
  }
  std::sort(r.groups.begin(), r.groups.end(), [](const FindingGroup& a, const FindingGroup& b) {
    if (a.hosts.size() != b.hosts.size()) return a.hosts.size() > b.hosts.size();
    const int sa = SeverityRank(a.severity), sb = SeverityRank(b.severity);
    if (sa != sb) return sa < sb;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.message < b.message;
  });
  return r;
}

bool FleetFails(const FleetReport& r, std::string_view fail_on) {
  if (fail_on == "never") return false;
  if (r.totals.failed + r.totals.unreachable + r.totals.missing > 0) return true;
  const int limit = SeverityRank(fail_on);
  for (const FindingGroup& g : r.groups)
    if (SeverityRank(g.severity) <= limit) return true;
  return false;
}

}  // namespace synlint
