// SPDX-License-Identifier: MIT
// A sysctl set in a container's own network namespace: a byte-range edit of
// the manifest or Compose file that adds an entry to the pod's
// securityContext.sysctls (or the service's `sysctls:`), or changes the
// value already there, keeping comments, quoting and indentation.
#pragma once

#include <optional>
#include <string>

#include "core/finding.h"
#include "model/containers.h"

namespace synlint {

/// Sets `key` to `value` in `ns`; nullopt when there is no safe place
/// (flow style, a value set by a command).
std::optional<Fix> SetNamespaceSysctlFix(const ContainerNamespace& ns, const std::string& key,
                                         const std::string& value, Applicability applicability);

}  // namespace synlint
