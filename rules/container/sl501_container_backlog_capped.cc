// SPDX-License-Identifier: MIT
// SL501: a listener inside a container's own network namespace (a pod, a
// Compose service) asks for a backlog above that namespace's
// net.core.somaxconn. A new namespace starts at the kernel's SOMAXCONN
// (net/core/net_namespace.c net_defaults_init_net(); 128 before 5.4, 4096
// since), not the node's value, so raising somaxconn on the node does nothing
// here: only the pod's securityContext.sysctls (or the service's sysctls:)
// can. The fix adds or raises that entry; for a pod it also names the
// kubelet permission net.core.somaxconn needs (not a safe sysctl).
#include <algorithm>

#include "model/kubernetes_sysctls.h"
#include "rules/container/container_rules.h"
#include "rules/edits/namespace_sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"

namespace synlint {

const RuleMeta kSL501 = {"SL501", "container-backlog-above-namespace-somaxconn", Severity::kWarning,
                         "a container's listen backlog above its own network namespace's 'net.core.somaxconn' "
                         "(the node's value does not apply)",
                         FixAvailability::kSometimes, "0.1.0", "rules/container/SL501.md"};

namespace {

constexpr const char* kKey = "net.core.somaxconn";

std::optional<int64_t> ParseInt(const std::string& s) {
  try {
    size_t used = 0;
    const long long v = std::stoll(s, &used);
    if (used == s.size()) return v;
  } catch (const std::exception&) {
  }
  return std::nullopt;
}

}  // namespace

void CheckSL501(RuleContext& ctx) {
  const Host& host = ctx.host();
  const std::optional<int64_t> kernel_default = host.IntDefault(kKey);
  if (!kernel_default) return;
  const SysctlEntry* node = host.Winner(kKey);
  for (const ContainerNamespace& ns : host.containers) {
    if (ns.host_network) continue;
    const NamespaceSysctl* own = NamespaceSetting(ns, kKey);
    const std::optional<int64_t> own_value = own ? ParseInt(own->value) : std::nullopt;
    if (own && !own_value) continue;  // not a number: not judged here
    const int64_t somaxconn = own_value.value_or(*kernel_default);
    int64_t largest = 0;
    for (const ServiceFacts& s : ns.services) {
      for (const Listener& l : s.listeners) {
        if (l.backlog && l.backlog->value) largest = std::max(largest, *l.backlog->value);
      }
    }
    for (const ServiceFacts& s : ns.services) {
      for (const Listener& l : s.listeners) {
        if (!l.backlog || !l.backlog->value || *l.backlog->value <= somaxconn) continue;
        const bool pod = ns.kind == ContainerKind::kPod;
        const std::string space = pod ? "the pod's network namespace" : "the container's network namespace";
        Finding f;
        f.location = l.backlog->location;
        f.message = s.service + " " + l.address_text + " in " + ns.name + " asks for backlog=" + l.backlog->text +
                    " but 'net.core.somaxconn' in " + space + " is " + std::to_string(somaxconn);
        if (own) {
          f.message += " (set " + std::string(own->from_command ? "by a command" : "there") + ")";
          f.related.push_back(own->value_at);
          f.related.back().note = "the namespace's 'net.core.somaxconn'";
        } else {
          f.message += " (the Linux " + host.kernel.ToString() +
                       " default every new network namespace starts with; the node's value";
          if (node) {
            f.message += ", " + node->value() + " at " + Where(*node) + ",";
            f.related.push_back(ValueLocation(*node));
            f.related.back().note = "the node's 'net.core.somaxconn': not seen inside the namespace";
          }
          f.message += " does not apply inside it)";
        }
        f.message += "; listen() silently caps the queue at " + std::to_string(somaxconn);
        if (pod) {
          std::string why;
          if (!KubernetesSafe(kKey, host.kubernetes_version, host.kernel, &why) && !host.kubelet.Allowing(kKey)) {
            f.message += "; 'net.core.somaxconn' is " + why +
                         ": the nodes' kubelets must allow it (allowedUnsafeSysctls or --allowed-unsafe-sysctls) "
                         "or the pod fails with SysctlForbidden";
          }
        }
        f.related.push_back(ns.declared_at);
        f.related.back().note = ns.name;
        f.fix = SetNamespaceSysctlFix(ns, kKey, std::to_string(largest), Applicability::kUnsafe);
        ctx.Report(std::move(f));
      }
    }
  }
}

}  // namespace synlint
