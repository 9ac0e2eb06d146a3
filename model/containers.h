// SPDX-License-Identifier: MIT
// Containers' own network namespaces: each Kubernetes pod and each Compose
// service (unless it shares the node's: hostNetwork, network_mode: host)
// starts with the target kernel's per-namespace defaults, not the node's
// values: a new namespace gets net.core.somaxconn = SOMAXCONN
// (net/core/net_namespace.c net_defaults_init_net(); docs/fact-checks.md).
// Its own sysctls (securityContext.sysctls, compose `sysctls:`, a literal
// `sysctl -w` in a container's command) are the only other values it sees.
//
// The nginx configuration a pod mounts from a ConfigMap, or a Compose
// service mounts from the repository, is loaded as nginx would load it in
// the container (an in-memory tree of the mounted files; the official
// image's nginx.conf, which includes conf.d/*.conf inside http{}, stands in
// when only conf.d files are mounted), and every location is mapped back
// into the manifest's block scalar or the repository file.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"
#include "core/service.h"

namespace synlint {

enum class ContainerKind { kPod, kComposeService };

struct NamespaceSysctl {
  std::string key;
  std::string value;
  Location key_at;
  Location value_at;  // the value as written (quotes included)
  bool quoted = false;
  bool from_command = false;  // `sysctl -w` in a container's command, not the spec
};

/// Where a fix adds a sysctl to the namespace's spec.
struct SysctlAddition {
  std::string file;  // root-relative
  uint32_t where = 0;
  std::string indent;
  std::string open;  // "", "sysctls" or "securityContext" (yaml::Insertion::open)
  std::string line_break;
  bool compose_map = false;  // compose `sysctls:` as a mapping
};

struct ContainerNamespace {
  ContainerKind kind = ContainerKind::kPod;
  std::string name;  // "Deployment web", "compose service web"
  Location declared_at;
  bool host_network = false;
  std::vector<NamespaceSysctl> sysctls;
  std::optional<SysctlAddition> add_sysctl;
  /// Services listening inside (nginx), with locations in the repository.
  std::vector<ServiceFacts> services;
};

/// The kubelet's allowed unsafe sysctls, from KubeletConfiguration objects
/// in the repository and --allowed-unsafe-sysctls.
struct KubeletSysctlPolicy {
  std::vector<std::pair<std::string, std::optional<Location>>> allowed;  // pattern, where (none: command line)
  /// The first pattern that allows `key`, or null.
  const std::pair<std::string, std::optional<Location>>* Allowing(const std::string& key) const;
};

struct ContainerInputs {
  std::vector<std::string> kubernetes;  // root-relative manifests
  std::vector<std::string> compose;     // root-relative Compose files
  std::vector<std::string> allowed_unsafe_sysctls;
};

struct ContainerModel {
  std::vector<ContainerNamespace> namespaces;
  KubeletSysctlPolicy kubelet;
  std::vector<Finding> findings;      // SL001/SL002 from the YAML and the configurations in it
  std::vector<std::string> files_read;
};

/// Reads the manifests and Compose files through `sources`.
ContainerModel LoadContainers(SourceSet& sources, const ContainerInputs& inputs);

/// The namespace's own assignment of `key` (the last one), or null.
const NamespaceSysctl* NamespaceSetting(const ContainerNamespace& ns, const std::string& key);

}  // namespace synlint
