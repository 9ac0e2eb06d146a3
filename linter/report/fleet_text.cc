// SPDX-License-Identifier: MIT
// `synlint report --format text`: totals, each finding group once with its
// hosts, the hosts that did not report, and the per-host table.
//
//   24 hosts: 20 audited, 2 failed, 1 unreachable, 1 missing; 6 with findings (2 errors, 5 warnings, 0 infos)
//
//   SL302 warning on 3 hosts: stale listener ... [stale-listener]
//     web01, web02, web07
//   ...
#include <algorithm>
#include <ostream>

#include "linter/report/fleet.h"
#include "linter/output/escape.h"
#include "linter/report/fleet_util.h"

namespace synlint {

namespace {

constexpr size_t kHostsShown = 20;  // per group; the JSON and HTML list all

void Pad(std::ostream& out, const std::string& s, size_t width) {
  out << s;
  for (size_t i = s.size(); i < width; ++i) out << ' ';
}

}  // namespace

void WriteFleetText(const FleetReport& r, std::ostream& out) {
  const FleetTotals& t = r.totals;
  out << FleetSummaryLine(r) << "\n";
  if (!r.groups.empty()) out << "\nfindings, each once with the hosts it is on:\n";
  for (const FindingGroup& g : r.groups) {
    out << "  " << g.rule << " " << g.severity << " on " << g.hosts.size()
        << (g.hosts.size() == 1 ? " host: " : " hosts: ") << EscapeForTerminal(g.message);
    if (!g.name.empty()) out << " [" << g.name << "]";
    out << "\n    ";
    for (size_t i = 0; i < g.hosts.size() && i < kHostsShown; ++i)
      out << (i ? ", " : "") << EscapeForTerminal(r.hosts[g.hosts[i]].host);
    if (g.hosts.size() > kHostsShown) out << " and " << g.hosts.size() - kHostsShown << " more";
    out << "\n";
  }
  if (t.failed + t.unreachable + t.missing > 0) {
    out << "\nhosts without a report:\n";
    for (const HostReport& h : r.hosts) {
      if (h.status == HostStatus::kOk) continue;
      out << "  " << EscapeForTerminal(h.host) << ": " << HostStatusName(h.status);
      if (!h.error.empty()) out << ": " << EscapeForTerminal(h.error);
      out << "\n";
    }
  }
  // Columns as wide as their longest cell, two spaces apart.
  auto kernel_of = [](const HostReport& h) {
    return EscapeForTerminal(h.kernel_release.empty() ? h.kernel : h.kernel_release);
  };
  size_t host_width = 4, kernel_width = 6, somaxconn_width = 9;
  for (const HostReport& h : r.hosts) {
    host_width = std::max(host_width, EscapeForTerminal(h.host).size());
    kernel_width = std::max(kernel_width, kernel_of(h).size());
    somaxconn_width = std::max(somaxconn_width, EscapeForTerminal(h.somaxconn).size());
  }
  out << "\n";
  Pad(out, "host", host_width + 2);
  Pad(out, "status", 13);
  Pad(out, "kernel", kernel_width + 2);
  Pad(out, "somaxconn", somaxconn_width + 2);
  out << "listeners  errors  warnings  infos\n";
  for (const HostReport& h : r.hosts) {
    Pad(out, EscapeForTerminal(h.host), host_width + 2);
    Pad(out, std::string(HostStatusName(h.status)), 13);
    Pad(out, kernel_of(h), kernel_width + 2);
    Pad(out, h.somaxconn.empty() ? "-" : EscapeForTerminal(h.somaxconn), somaxconn_width + 2);
    Pad(out, std::to_string(h.listeners.size()), 11);
    Pad(out, std::to_string(h.errors), 8);
    Pad(out, std::to_string(h.warnings), 10);
    out << h.infos << "\n";
  }
}

}  // namespace synlint
