// SPDX-License-Identifier: MIT
#include "parsers/yaml/kubernetes.h"

#include <sstream>

namespace synlint::yaml {

namespace {

YAML::Node Get(const YAML::Node& n, const char* key) {
  if (!n || !n.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
  return n[key];
}

std::string Text(const YAML::Node& n) {
  return n && n.IsScalar() ? n.Scalar() : std::string();
}

SyntaxError ShapeError(std::string_view text, const YAML::Node& n, std::string message) {
  const uint32_t at = NodeStart(text, n);
  return SyntaxError{Span{at, at}, std::move(message), ""};
}

/// The first key of a block mapping, as an insertion point at its line.
std::optional<Insertion> BeforeFirstKey(std::string_view text, const YAML::Node& map, std::string open) {
  if (!map || !map.IsMap() || map.size() == 0 || IsFlow(text, map)) return std::nullopt;
  const uint32_t key = NodeStart(text, map.begin()->first);
  std::optional<std::string> indent = LineIndent(text, key);
  if (!indent) return std::nullopt;
  return Insertion{LineStartOf(text, key), *indent, std::move(open)};
}

/// Before the first item of a block sequence: at the start of its line, indented to its '-'.
std::optional<Insertion> BeforeFirstItem(std::string_view text, const YAML::Node& seq) {
  if (!seq || !seq.IsSequence() || seq.size() == 0 || IsFlow(text, seq)) return std::nullopt;
  uint32_t p = NodeStart(text, seq[0]);
  while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
  if (p == 0 || text[p - 1] != '-') return std::nullopt;
  const uint32_t dash = p - 1;
  std::optional<std::string> indent = LineIndent(text, dash);
  if (!indent) return std::nullopt;
  return Insertion{LineStartOf(text, dash), *indent, ""};
}

void ReadContainers(std::string_view text, const YAML::Node& list, Pod* pod) {
  if (!list || !list.IsSequence()) return;
  for (const YAML::Node& c : list) {
    if (!c.IsMap()) continue;
    Container out;
    out.name = Text(Get(c, "name"));
    out.image = Text(Get(c, "image"));
    for (const char* part : {"command", "args"}) {
      const YAML::Node words = Get(c, part);
      if (!words || !words.IsSequence()) continue;
      for (const YAML::Node& w : words) {
        if (auto s = ScalarOf(text, w)) out.command.push_back(*s);
      }
    }
    const YAML::Node mounts = Get(c, "volumeMounts");
    if (mounts && mounts.IsSequence()) {
      for (const YAML::Node& m : mounts) {
        if (!m.IsMap()) continue;
        out.mounts.push_back({Text(Get(m, "name")), Text(Get(m, "mountPath")), Text(Get(m, "subPath"))});
      }
    }
    pod->containers.push_back(std::move(out));
  }
}

void ReadPodSpec(std::string_view text, const YAML::Node& spec, Pod pod, KubernetesObjects* out) {
  if (!spec || !spec.IsMap()) return;
  const YAML::Node host_network = Get(spec, "hostNetwork");
  pod.host_network = host_network && host_network.IsScalar() && host_network.Scalar() == "true";
  const YAML::Node sc = Get(spec, "securityContext");
  if (!sc) {
    pod.add_sysctl = BeforeFirstKey(text, spec, "securityContext");
  } else if (sc.IsMap()) {
    const YAML::Node sysctls = Get(sc, "sysctls");
    if (!sysctls) {
      pod.add_sysctl = BeforeFirstKey(text, sc, "sysctls");
    } else if (!sysctls.IsSequence()) {
      if (!sysctls.IsNull()) out->errors.push_back(ShapeError(text, sysctls, "'securityContext.sysctls' must be a list"));
    } else {
      pod.add_sysctl = BeforeFirstItem(text, sysctls);
      for (const YAML::Node& item : sysctls) {
        const YAML::Node name = Get(item, "name");
        auto n = ScalarOf(text, name);
        if (!item.IsMap() || !n) {
          out->errors.push_back(ShapeError(text, item, "a pod sysctl must be a mapping with 'name' and 'value'"));
          continue;
        }
        PodSysctl s{*n, ScalarOf(text, Get(item, "value"))};
        pod.sysctls.push_back(std::move(s));
      }
    }
  }
  ReadContainers(text, Get(spec, "initContainers"), &pod);
  ReadContainers(text, Get(spec, "containers"), &pod);
  const YAML::Node volumes = Get(spec, "volumes");
  if (volumes && volumes.IsSequence()) {
    for (const YAML::Node& v : volumes) {
      const YAML::Node cm = Get(v, "configMap");
      if (cm && cm.IsMap()) pod.configmap_volumes.emplace_back(Text(Get(v, "name")), Text(Get(cm, "name")));
    }
  }
  out->pods.push_back(std::move(pod));
}

void ReadObject(std::string_view text, const YAML::Node& doc, KubernetesObjects* out, int depth) {
  if (!doc || !doc.IsMap() || depth > 4) return;
  const std::string kind = Text(Get(doc, "kind"));
  if (kind.empty()) return;
  if (kind == "List" || (kind.size() > 4 && kind.ends_with("List"))) {
    const YAML::Node items = Get(doc, "items");
    if (items && items.IsSequence()) {
      for (const YAML::Node& item : items) ReadObject(text, item, out, depth + 1);
    }
    return;
  }
  const std::string name = Text(Get(Get(doc, "metadata"), "name"));
  const uint32_t at = NodeStart(text, Get(doc, "kind"));
  const Span kind_span{at, at + static_cast<uint32_t>(kind.size())};
  const YAML::Node spec = Get(doc, "spec");
  Pod pod;
  pod.kind = kind;
  pod.name = name;
  pod.at = kind_span;
  if (kind == "Pod") {
    ReadPodSpec(text, spec, std::move(pod), out);
  } else if (kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet" ||
             kind == "ReplicationController" || kind == "Job") {
    ReadPodSpec(text, Get(Get(spec, "template"), "spec"), std::move(pod), out);
  } else if (kind == "CronJob") {
    ReadPodSpec(text, Get(Get(Get(Get(spec, "jobTemplate"), "spec"), "template"), "spec"), std::move(pod), out);
  } else if (kind == "ConfigMap") {
    ConfigMap cm;
    cm.name = name;
    cm.at = kind_span;
    const YAML::Node data = Get(doc, "data");
    if (data && data.IsMap()) {
      for (auto it = data.begin(); it != data.end(); ++it) {
        auto key = ScalarOf(text, it->first);
        if (!key || !it->second.IsScalar()) continue;
        ConfigMapEntry e;
        e.key = key->value;
        e.key_span = key->span;
        e.value = it->second.Scalar();
        e.value_at = NodeStart(text, it->second);
        e.block = e.value_at < text.size() && (text[e.value_at] == '|' || text[e.value_at] == '>');
        cm.data.push_back(std::move(e));
      }
    }
    out->configmaps.push_back(std::move(cm));
  } else if (kind == "KubeletConfiguration") {
    KubeletConfig k;
    k.at = kind_span;
    const YAML::Node allowed = Get(doc, "allowedUnsafeSysctls");
    if (allowed && allowed.IsSequence()) {
      for (const YAML::Node& a : allowed) {
        if (auto s = ScalarOf(text, a)) k.allowed_unsafe_sysctls.push_back(*s);
      }
    }
    out->kubelets.push_back(std::move(k));
  }
}

}  // namespace

bool LooksLikeKubernetes(const std::vector<YAML::Node>& docs) {
  for (const YAML::Node& d : docs) {
    if (d.IsMap() && Get(d, "apiVersion") && Get(d, "kind")) return true;
  }
  return false;
}

void ExtractKubernetes(std::string_view text, const std::vector<YAML::Node>& docs, KubernetesObjects* out) {
  for (const YAML::Node& d : docs) {
    try {
      ReadObject(text, d, out, 0);
    } catch (const YAML::Exception& e) {
      out->errors.push_back(ShapeError(text, d, std::string("yaml: ") + e.what()));
    }
  }
}

std::vector<CommandSysctl> SysctlWrites(std::string_view text, const std::vector<Scalar>& command) {
  std::vector<CommandSysctl> out;
  bool after_sysctl = false;
  for (const Scalar& word : command) {
    // A word may be a whole shell line (`sh -c "sysctl -w a=b && nginx"`).
    std::istringstream tokens(word.value);
    for (std::string t; tokens >> t;) {
      if (t == "sysctl" || t.ends_with("/sysctl")) {
        after_sysctl = true;
        continue;
      }
      if (!after_sysctl) continue;
      if (t.starts_with("-")) continue;
      const size_t eq = t.find('=');
      if (eq == std::string::npos || eq == 0) {
        after_sysctl = false;
        continue;
      }
      CommandSysctl s;
      s.key = t.substr(0, eq);
      s.value = t.substr(eq + 1);
      while (!s.value.empty() && (s.value.back() == ';' || s.value.back() == '&')) s.value.pop_back();
      const std::string_view written = text.substr(word.span.begin, word.span.size());
      const size_t found = written.find(s.key + "=" + s.value);
      s.span = found == std::string_view::npos
                   ? word.span
                   : Span{word.span.begin + static_cast<uint32_t>(found),
                          word.span.begin + static_cast<uint32_t>(found + eq + 1 + s.value.size())};
      out.push_back(std::move(s));
    }
  }
  return out;
}

}  // namespace synlint::yaml
