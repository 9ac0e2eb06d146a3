// SPDX-License-Identifier: MIT
// What Kubernetes manifests say about pods' network namespaces: each pod's
// `securityContext.sysctls`, its containers (image, command and args, where
// they mount which volume), the ConfigMaps that hold configuration files,
// and the kubelet configurations that allow unsafe sysctls.
//
// Pods are found in Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, Job and CronJob objects, also inside a `List`'s
// `items`, in every document of a file.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/yaml/yaml_file.h"

namespace synlint::yaml {

/// Where a new entry goes into a YAML sequence or mapping, and how it is
/// indented; `where` is the start of a line. Absent when the place is in
/// flow style or otherwise not safely writable.
struct Insertion {
  uint32_t where = 0;
  std::string indent;  // of the keys the new text starts with
  /// What the new text must open with: "" (an item of an existing list),
  /// "sysctls" (the key is missing), "securityContext" (both are missing).
  std::string open;
};

struct PodSysctl {
  Scalar name;
  std::optional<Scalar> value;
};

struct VolumeMount {
  std::string volume;
  std::string mount_path;
  std::string sub_path;
};

struct Container {
  std::string name;
  std::string image;
  std::vector<Scalar> command;  // command then args, each word as written
  std::vector<VolumeMount> mounts;
};

struct Pod {
  std::string kind;  // of the object that holds the pod template
  std::string name;  // metadata.name ("" when missing)
  Span at;           // the object's `kind` value
  bool host_network = false;
  std::vector<PodSysctl> sysctls;
  std::optional<Insertion> add_sysctl;
  std::vector<Container> containers;  // init containers too
  /// Volumes backed by a ConfigMap: {volume name, ConfigMap name}.
  std::vector<std::pair<std::string, std::string>> configmap_volumes;
};

struct ConfigMapEntry {
  std::string key;
  Span key_span;
  std::string value;
  uint32_t value_at = 0;  // the value node's start ('|' or '>' for a block scalar)
  bool block = false;
};

struct ConfigMap {
  std::string name;
  Span at;
  std::vector<ConfigMapEntry> data;
};

struct KubeletConfig {
  Span at;
  std::vector<Scalar> allowed_unsafe_sysctls;
};

struct KubernetesObjects {
  std::vector<Pod> pods;
  std::vector<ConfigMap> configmaps;
  std::vector<KubeletConfig> kubelets;
  /// Shapes that yaml-cpp read but Kubernetes would refuse (a sysctl entry
  /// that is no mapping, a `sysctls` that is no list), as SL001.
  std::vector<SyntaxError> errors;
};

/// Whether the documents look like Kubernetes objects (any has apiVersion
/// and kind).
bool LooksLikeKubernetes(const std::vector<YAML::Node>& docs);

/// Appends what `docs` (read from `text`) hold to `out`.
void ExtractKubernetes(std::string_view text, const std::vector<YAML::Node>& docs, KubernetesObjects* out);

/// The words of a command line that run `sysctl -w KEY=VALUE` (or
/// `sysctl KEY=VALUE`), taken literally from a container's command and args:
/// {key, value} with the span of the KEY=VALUE text.
struct CommandSysctl {
  std::string key;
  std::string value;
  Span span;
};
std::vector<CommandSysctl> SysctlWrites(std::string_view text, const std::vector<Scalar>& command);

}  // namespace synlint::yaml
