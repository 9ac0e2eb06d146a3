// SPDX-License-Identifier: MIT
// Kubernetes' safe sysctls: the ones a kubelet lets a pod set without
// `allowedUnsafeSysctls` (pkg/kubelet/sysctl/safe_sysctls.go), by release,
// and the kernel a node needs for the kubelet to keep each one (the kubelet
// drops a safe sysctl from its list on an older node kernel). A pod that
// asks for any other sysctl is rejected by the kubelet with SysctlForbidden
// unless the kubelet allows it. Sources and uncertain boundaries:
// docs/fact-checks.md, "Kubernetes safe sysctls".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/kernel_version.h"

namespace synlint {

struct KubernetesSafeSysctl {
  const char* name;
  /// The first release whose list may hold it (where the boundary is not
  /// confirmed, the earliest possible one, so no release is wrongly said to
  /// lack it); {0, 0}: in every release tabulated.
  KernelVersion since;
  /// The node kernel the kubelet needs to keep it on the list; {0, 0}: any.
  KernelVersion min_kernel;
};

const std::vector<KubernetesSafeSysctl>& KubernetesSafeSysctls();

/// The oldest release whose safe list is read from its source (older ones are
/// taken to have its list, which can only miss a finding).
KernelVersion OldestTabulatedKubernetes();

/// Whether `key` is safe in `kubernetes` (nullopt: the newest release) on a
/// node running `kernel`. When it is not, `why` says why ("not on the safe
/// list", "on the safe list since Kubernetes 1.29", "kept only on kernels
/// 4.5 and later").
bool KubernetesSafe(std::string_view key, std::optional<KernelVersion> kubernetes, KernelVersion kernel,
                    std::string* why);

/// "1.29", "v1.29" or "1.29.3" as {1, 29}; nullopt for anything else.
std::optional<KernelVersion> ParseKubernetesVersion(std::string_view text);

/// Whether `pattern` (an allowedUnsafeSysctls entry: a name, or a prefix
/// ending in '*') allows `key`.
bool KubeletPatternAllows(std::string_view pattern, std::string_view key);

}  // namespace synlint
