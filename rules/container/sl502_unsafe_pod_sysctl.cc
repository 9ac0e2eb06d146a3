// SPDX-License-Identifier: MIT
// SL502: a pod sets a sysctl that is not on Kubernetes' safe list
// (pkg/kubelet/sysctl/safe_sysctls.go of the release, model/kubernetes_sysctls.h)
// and no kubelet configuration in the repository (KubeletConfiguration
// allowedUnsafeSysctls) nor --allowed-unsafe-sysctls allows it: the kubelet
// rejects the pod with SysctlForbidden. A warning: the nodes' kubelets may be
// configured outside the repository.
#include "model/kubernetes_sysctls.h"
#include "rules/container/container_rules.h"

namespace synlint {

const RuleMeta kSL502 = {"SL502", "unsafe-pod-sysctl-not-allowed", Severity::kWarning,
                         "a pod sets a sysctl Kubernetes does not count as safe and no kubelet configuration allows",
                         FixAvailability::kNone, "0.1.0", "rules/container/SL502.md"};

void CheckSL502(RuleContext& ctx) {
  const Host& host = ctx.host();
  for (const ContainerNamespace& ns : host.containers) {
    if (ns.kind != ContainerKind::kPod) continue;
    for (const NamespaceSysctl& s : ns.sysctls) {
      if (s.from_command) continue;
      std::string why;
      if (KubernetesSafe(s.key, host.kubernetes_version, host.kernel, &why) || host.kubelet.Allowing(s.key)) continue;
      const KeyInfo* info = host.kb->Find(s.key);
      if (info && !info->netns) continue;  // SL503: no kubelet setting can make it work
      Finding f;
      f.location = s.key_at;
      const std::string release =
          host.kubernetes_version ? " (Kubernetes " + host.kubernetes_version->ToString() + ")" : "";
      f.message = "'" + s.key + "' is " + why + release +
                  " and no kubelet configuration in the repository allows it (allowedUnsafeSysctls): a kubelet "
                  "without --allowed-unsafe-sysctls=" + s.key + " rejects " + ns.name + " with SysctlForbidden";
      f.related.push_back(ns.declared_at);
      f.related.back().note = ns.name;
      ctx.Report(std::move(f));
    }
  }
}

}  // namespace synlint
