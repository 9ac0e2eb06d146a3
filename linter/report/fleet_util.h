// SPDX-License-Identifier: MIT
// What the fleet formats share.
#pragma once

#include <string>

#include "linter/report/fleet.h"

namespace synlint {

/// "24 hosts: 20 reported, 2 failed, 1 unreachable, 1 missing; 6 with
/// findings: 2 errors, 5 warnings, 0 infos"
std::string FleetSummaryLine(const FleetReport& r);

/// A listener as users read it: "127.0.0.1:80", "[::1]:443".
std::string ListenerEndpoint(const HostListener& l);

}  // namespace synlint
