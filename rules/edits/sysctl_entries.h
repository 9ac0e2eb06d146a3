// SPDX-License-Identifier: MIT
// Where a sysctl assignment is, for messages and fixes: shared by the SL1xx
// rules and `synlint tune`.
#pragma once

#include <string>
#include <vector>

#include "core/finding.h"
#include "model/host.h"

namespace synlint {

/// The key and the value of an assignment, as locations.
Location KeyLocation(const SysctlEntry& e);
Location ValueLocation(const SysctlEntry& e);
/// Every assignment in any sysctl file either loader reads, each once.
std::vector<const SysctlEntry*> AllAssignments(const Host& host);
/// "FILE:LINE" of an entry, for messages.
std::string Where(const SysctlEntry& e);

}  // namespace synlint
