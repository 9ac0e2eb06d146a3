// SPDX-License-Identifier: MIT
#include "linter/report/fleet_util.h"

namespace synlint {

std::string FleetSummaryLine(const FleetReport& r) {
  const FleetTotals& t = r.totals;
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  std::string s = count(t.hosts, "host", "hosts") + ": " + std::to_string(t.ok) + " reported";
  if (t.failed) s += ", " + std::to_string(t.failed) + " failed";
  if (t.unreachable) s += ", " + std::to_string(t.unreachable) + " unreachable";
  if (t.missing) s += ", " + std::to_string(t.missing) + " missing";
  s += "; " + std::to_string(t.with_findings) + " with findings: " + count(t.errors, "error", "errors") + ", " +
       count(t.warnings, "warning", "warnings") + ", " + count(t.infos, "info", "infos");
  return s;
}

std::string ListenerEndpoint(const HostListener& l) {
  const std::string port = std::to_string(l.port);
  return l.address.find(':') != std::string::npos ? "[" + l.address + "]:" + port : l.address + ":" + port;
}

}  // namespace synlint
