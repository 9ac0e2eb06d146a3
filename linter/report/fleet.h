// SPDX-License-Identifier: MIT
// Many hosts' reports merged into one (`synlint report`, issue #26): the
// findings grouped by rule and identical message across hosts, so one fix is
// seen once, with the hosts each group is on; totals; the hosts that failed,
// were unreachable or sent no report.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "linter/report/host_report.h"

namespace synlint {

/// One (rule, severity, message) seen on one or more hosts.
struct FindingGroup {
  std::string rule, name, severity, message;
  std::vector<uint32_t> hosts;  // indices into FleetReport::hosts, ascending
  /// Where it was found on the first host (files differ little across a fleet).
  std::string file;
  uint32_t line = 1;
  /// Per host (parallel to `hosts`): the file and line on that host.
  std::vector<std::string> files;
  std::vector<uint32_t> lines;
};

struct FleetTotals {
  size_t hosts = 0, ok = 0, failed = 0, unreachable = 0, missing = 0;
  size_t with_findings = 0;  // hosts with at least one finding
  size_t errors = 0, warnings = 0, infos = 0;
  size_t listeners = 0;
};

struct FleetReport {
  std::vector<HostReport> hosts;     // sorted by name
  std::vector<FindingGroup> groups;  // most hosts first, then severity, rule, message
  FleetTotals totals;
  std::string tool_version;          // of the `synlint report` that merged
};

/// Merges `hosts` (names must be unique: the caller checks). The findings of
/// each host are then cleared: the groups hold them.
FleetReport MergeHosts(std::vector<HostReport> hosts);

/// Whether any host has a finding at or above `fail_on` ("error", "warning",
/// "info"; "never": none), or did not report.
bool FleetFails(const FleetReport& r, std::string_view fail_on);

void WriteFleetText(const FleetReport& r, std::ostream& out);
void WriteFleetJson(const FleetReport& r, std::ostream& out);
void WriteFleetSarif(const FleetReport& r, std::ostream& out);
void WriteFleetHtml(const FleetReport& r, std::ostream& out);

}  // namespace synlint
