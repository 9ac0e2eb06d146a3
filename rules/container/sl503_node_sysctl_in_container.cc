// SPDX-License-Identifier: MIT
// SL503: a pod or Compose service sets a sysctl that is not per network
// namespace: the kernel registers it for the initial namespace only (its
// knowledge entry says netns: false, with the kernel source it rests on), so
// it does not exist inside the container's namespace, or it is not in a
// namespace at all (vm.*, fs.file-max, kernel.pid_max). The runtime cannot
// write it and the pod or container fails to start; a node setting belongs
// in the node's sysctl files. Keys whose namespacing is not recorded are
// not judged.
#include "rules/container/container_rules.h"

namespace synlint {

const RuleMeta kSL503 = {"SL503", "node-level-sysctl-in-container", Severity::kError,
                         "a pod or container sets a sysctl that is not per network namespace",
                         FixAvailability::kNone, "0.1.0", "rules/container/SL503.md"};

void CheckSL503(RuleContext& ctx) {
  const Host& host = ctx.host();
  for (const ContainerNamespace& ns : host.containers) {
    for (const NamespaceSysctl& s : ns.sysctls) {
      if (s.from_command) continue;
      const KeyInfo* info = host.kb->Find(s.key);
      if (!info || info->netns) continue;
      Finding f;
      f.location = s.key_at;
      const bool pod = ns.kind == ContainerKind::kPod;
      f.message = "'" + s.key + "' is not per network namespace on Linux (a node-level setting): " +
                  (pod ? "the kubelet or the container runtime refuses " + ns.name
                       : "the container runtime cannot set it and " + ns.name + " fails to start") +
                  "; set it in the node's sysctl files instead";
      f.related.push_back(ns.declared_at);
      f.related.back().note = ns.name;
      ctx.Report(std::move(f));
    }
  }
}

}  // namespace synlint
