// SPDX-License-Identifier: MIT
#include "model/kubernetes_sysctls.h"

namespace synlint {

const std::vector<KubernetesSafeSysctl>& KubernetesSafeSysctls() {
  // v1.26.11 lists the first five; v1.29.0-alpha.0 adds ip_local_reserved_ports
  // (kernel 3.16); later revisions add the keepalive, fin_timeout and
  // tcp_rmem/tcp_wmem entries (commits 0167a9f8 and b0cb9cc1 of
  // pkg/kubelet/sysctl/safe_sysctls.go; minimum kernels from
  // pkg/util/kernel/constants.go). See docs/fact-checks.md.
  static const std::vector<KubernetesSafeSysctl> kList = {
      {"kernel.shm_rmid_forced", {0, 0}, {0, 0}},
      {"net.ipv4.ip_local_port_range", {0, 0}, {0, 0}},
      {"net.ipv4.tcp_syncookies", {0, 0}, {0, 0}},
      {"net.ipv4.ping_group_range", {0, 0}, {0, 0}},
      {"net.ipv4.ip_unprivileged_port_start", {0, 0}, {0, 0}},
      {"net.ipv4.ip_local_reserved_ports", {1, 27}, {3, 16}},
      {"net.ipv4.tcp_keepalive_time", {1, 28}, {4, 5}},
      {"net.ipv4.tcp_fin_timeout", {1, 28}, {4, 6}},
      {"net.ipv4.tcp_keepalive_intvl", {1, 28}, {4, 5}},
      {"net.ipv4.tcp_keepalive_probes", {1, 28}, {4, 5}},
      {"net.ipv4.tcp_rmem", {1, 28}, {0, 0}},
      {"net.ipv4.tcp_wmem", {1, 28}, {0, 0}},
  };
  return kList;
}

KernelVersion OldestTabulatedKubernetes() { return KernelVersion{1, 26}; }

bool KubernetesSafe(std::string_view key, std::optional<KernelVersion> kubernetes, KernelVersion kernel,
                    std::string* why) {
  for (const KubernetesSafeSysctl& s : KubernetesSafeSysctls()) {
    if (key != s.name) continue;
    if (kubernetes && *kubernetes < s.since) {
      if (why) *why = "on Kubernetes' safe list only since " + s.since.ToString();
      return false;
    }
    if (!(kernel < KernelVersion{1, 0}) && kernel < s.min_kernel) {
      if (why) *why = "kept on the kubelet's safe list only on node kernels " + s.min_kernel.ToString() + " and later";
      return false;
    }
    return true;
  }
  if (why) *why = "not on Kubernetes' safe list";
  return false;
}

std::optional<KernelVersion> ParseKubernetesVersion(std::string_view text) {
  if (text.starts_with("v")) text.remove_prefix(1);
  int parts[3] = {0, 0, 0};
  int n = 0;
  size_t i = 0;
  while (n < 3) {
    const size_t start = i;
    int v = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && i - start < 4) v = v * 10 + (text[i++] - '0');
    if (i == start) return std::nullopt;
    parts[n++] = v;
    if (i == text.size()) break;
    if (text[i] != '.') return std::nullopt;
    ++i;
  }
  if (i != text.size() || n < 2 || parts[0] != 1) return std::nullopt;
  return KernelVersion{parts[0], parts[1]};
}

bool KubeletPatternAllows(std::string_view pattern, std::string_view key) {
  if (!pattern.empty() && pattern.back() == '*') return key.starts_with(pattern.substr(0, pattern.size() - 1));
  return pattern == key;
}

}  // namespace synlint
