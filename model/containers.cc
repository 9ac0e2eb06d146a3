// SPDX-License-Identifier: MIT
#include "model/containers.h"

#include <filesystem>
#include <map>
#include <memory>

#include "core/file_system.h"
#include "parsers/nginx/extract.h"
#include "parsers/yaml/block_scalar.h"
#include "parsers/yaml/compose.h"
#include "parsers/yaml/kubernetes.h"

namespace synlint {

namespace {

/// The official nginx image's nginx.conf as far as listeners go: conf.d/*.conf inside http{}.
constexpr const char* kImageNginxConf = "events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n}\n";

/// A file as a container sees it, and where its bytes are in the repository.
struct MountedFile {
  std::string container_path;  // root-relative: "etc/nginx/nginx.conf"
  const SourceFile* source = nullptr;
  std::optional<yaml::BlockScalar> block;  // null: the whole file, byte for byte
  std::string text() const { return block ? block->text : source->text; }
};

std::string Trimmed(std::string path) {
  while (path.starts_with("/")) path.erase(0, 1);
  return path;
}

std::optional<Location> Remap(const Location& loc, const std::map<std::string, const MountedFile*>& by_path) {
  auto it = by_path.find(loc.file.str());
  if (it == by_path.end()) return std::nullopt;
  const MountedFile& m = *it->second;
  const Span span = m.block ? m.block->ToFile(loc.span) : loc.span;
  return MakeLocation(*m.source, span, loc.note);
}

void RemapInPlace(Location* loc, const std::map<std::string, const MountedFile*>& by_path) {
  if (auto r = Remap(*loc, by_path)) *loc = *r;
}

/// Loads nginx as the container would from its mounted files; locations
/// point into the repository. Missing includes are the image's files, not
/// the repository's: not reported.
std::optional<ServiceFacts> LoadContainerNginx(const std::vector<MountedFile>& files, std::vector<Finding>* findings) {
  bool any = false;
  bool main = false;
  for (const MountedFile& f : files) {
    any = any || f.container_path.starts_with("etc/nginx/");
    main = main || f.container_path == "etc/nginx/nginx.conf";
  }
  if (!any) return std::nullopt;
  MemoryFileSystem memory;
  std::map<std::string, const MountedFile*> by_path;
  for (const MountedFile& f : files) {
    memory.AddFile(f.container_path, f.text());
    by_path[f.container_path] = &f;
  }
  if (!main) memory.AddFile("etc/nginx/nginx.conf", kImageNginxConf);
  SourceSet sources(memory);
  std::optional<ServiceFacts> facts = nginx::LoadNginxService(sources, "etc/nginx/nginx.conf");
  if (!facts) return std::nullopt;
  // Listeners outside the mounted files (none in the image's stand-in) are not the repository's.
  std::erase_if(facts->listeners, [&](const Listener& l) { return !by_path.count(l.declared_at.file.str()); });
  for (Listener& l : facts->listeners) {
    RemapInPlace(&l.declared_at, by_path);
    if (l.backlog) RemapInPlace(&l.backlog->location, by_path);
    for (Setting& o : l.options) RemapInPlace(&o.location, by_path);
    if (l.insert_at) RemapInPlace(&*l.insert_at, by_path);
  }
  for (auto& [name, setting] : facts->limits) RemapInPlace(&setting.location, by_path);
  for (Location& o : facts->outbound_connects) RemapInPlace(&o, by_path);
  for (Finding& f : facts->findings) {
    if (f.rule != "SL001") continue;
    auto at = Remap(f.location, by_path);
    if (!at) continue;
    f.location = *at;
    for (Location& r : f.related) RemapInPlace(&r, by_path);
    findings->push_back(std::move(f));
  }
  facts->findings.clear();
  for (auto& [path, format] : facts->files) {
    if (auto it = by_path.find(path); it != by_path.end()) path = it->second->source->path;
  }
  return facts;
}

NamespaceSysctl FromScalar(const SourceFile& file, const yaml::Scalar& key, const std::optional<yaml::Scalar>& value) {
  NamespaceSysctl s;
  s.key = key.value;
  s.key_at = MakeLocation(file, key.span);
  if (value) {
    s.value = value->value;
    s.value_at = MakeLocation(file, value->span);
    s.quoted = value->quoted;
  } else {
    s.value_at = s.key_at;
  }
  return s;
}

std::optional<SysctlAddition> Addition(const SourceFile& file, const std::optional<yaml::Insertion>& at, bool map) {
  if (!at) return std::nullopt;
  return SysctlAddition{file.path, at->where, at->indent, at->open, yaml::LineBreakOf(file.text), map};
}

void AddError(const SourceFile& file, const SyntaxError& e, std::vector<Finding>* out) {
  out->push_back(SyntaxFinding(file, e));
}

void LoadKubernetes(const SourceFile& file, const std::vector<YAML::Node>& docs, ContainerModel* out) {
  yaml::KubernetesObjects k;
  yaml::ExtractKubernetes(file.text, docs, &k);
  for (const SyntaxError& e : k.errors) AddError(file, e, &out->findings);
  for (const yaml::KubeletConfig& c : k.kubelets) {
    for (const yaml::Scalar& s : c.allowed_unsafe_sysctls)
      out->kubelet.allowed.emplace_back(s.value, MakeLocation(file, s.span));
  }
  std::map<std::string, const yaml::ConfigMap*> configmaps;
  for (const yaml::ConfigMap& cm : k.configmaps) configmaps.emplace(cm.name, &cm);
  for (const yaml::Pod& p : k.pods) {
    ContainerNamespace ns;
    ns.kind = ContainerKind::kPod;
    ns.name = p.kind + " " + (p.name.empty() ? "(unnamed)" : p.name);
    ns.declared_at = MakeLocation(file, p.at);
    ns.host_network = p.host_network;
    for (const yaml::PodSysctl& s : p.sysctls) ns.sysctls.push_back(FromScalar(file, s.name, s.value));
    ns.add_sysctl = Addition(file, p.add_sysctl, false);
    std::vector<MountedFile> mounted;
    for (const yaml::Container& c : p.containers) {
      for (const yaml::CommandSysctl& w : yaml::SysctlWrites(file.text, c.command)) {
        NamespaceSysctl s;
        s.key = w.key;
        s.value = w.value;
        s.key_at = s.value_at = MakeLocation(file, w.span);
        s.from_command = true;
        ns.sysctls.push_back(std::move(s));
      }
      for (const yaml::VolumeMount& m : c.mounts) {
        std::string cm_name;
        for (const auto& [volume, name] : p.configmap_volumes) {
          if (volume == m.volume) cm_name = name;
        }
        auto cm = configmaps.find(cm_name);
        if (cm_name.empty() || cm == configmaps.end()) continue;
        for (const yaml::ConfigMapEntry& e : cm->second->data) {
          if (!m.sub_path.empty() && m.sub_path != e.key) continue;
          if (!e.block || e.key.find('/') != std::string::npos) continue;
          const std::string path = Trimmed(m.sub_path.empty() ? m.mount_path + "/" + e.key : m.mount_path);
          auto block = yaml::ReadBlockScalar(file.text, e.value_at);
          if (block) mounted.push_back({path, &file, std::move(block)});
        }
      }
    }
    if (auto nginx = LoadContainerNginx(mounted, &out->findings)) ns.services.push_back(std::move(*nginx));
    out->namespaces.push_back(std::move(ns));
  }
}

void LoadCompose(SourceSet& sources, const SourceFile& file, const std::vector<YAML::Node>& docs,
                 ContainerModel* out) {
  yaml::ComposeFile c;
  yaml::ExtractCompose(file.text, docs, &c);
  for (const SyntaxError& e : c.errors) AddError(file, e, &out->findings);
  const std::filesystem::path dir = std::filesystem::path(file.path).parent_path();
  for (const yaml::ComposeService& s : c.services) {
    ContainerNamespace ns;
    ns.kind = ContainerKind::kComposeService;
    ns.name = "compose service " + s.name;
    ns.declared_at = MakeLocation(file, s.at);
    ns.host_network = s.host_network;
    for (const yaml::ComposeSysctl& y : s.sysctls) {
      NamespaceSysctl n;
      n.key = y.key;
      n.value = y.value;
      n.key_at = MakeLocation(file, y.key_span);
      n.value_at = MakeLocation(file, y.value_span);
      n.quoted = y.quoted && s.sysctls_as_map;
      ns.sysctls.push_back(std::move(n));
    }
    ns.add_sysctl = Addition(file, s.add_sysctl, s.sysctls_as_map);
    std::vector<MountedFile> mounted;
    for (const yaml::ComposeMount& m : s.mounts) {
      if (m.source.empty() || m.source[0] == '/' || m.source[0] == '~') continue;  // outside the repository
      const std::string path = (dir / m.source).lexically_normal().generic_string();
      if (path.starts_with("..")) continue;
      const ReadOutcome r = sources.Read(path);
      if (r.status != ReadOutcome::Status::kOk || !r.file) continue;
      mounted.push_back({Trimmed(m.target), r.file, std::nullopt});
      out->files_read.push_back(r.file->path);
    }
    if (auto nginx = LoadContainerNginx(mounted, &out->findings)) ns.services.push_back(std::move(*nginx));
    out->namespaces.push_back(std::move(ns));
  }
}

}  // namespace

const std::pair<std::string, std::optional<Location>>* KubeletSysctlPolicy::Allowing(const std::string& key) const {
  for (const auto& a : allowed) {
    if (!a.first.empty() && (a.first.back() == '*' ? key.starts_with(a.first.substr(0, a.first.size() - 1))
                                                   : a.first == key))
      return &a;
  }
  return nullptr;
}

ContainerModel LoadContainers(SourceSet& sources, const ContainerInputs& inputs) {
  ContainerModel out;
  for (const std::string& p : inputs.allowed_unsafe_sysctls) out.kubelet.allowed.emplace_back(p, std::nullopt);
  auto each = [&](const std::vector<std::string>& files, bool compose) {
    for (const std::string& path : files) {
      const ReadOutcome r = sources.Read(path);
      if (r.status != ReadOutcome::Status::kOk || !r.file) {
        out.findings.push_back(FileProblemFinding(
            path, r.status == ReadOutcome::Status::kMissing ? "does not exist" : r.problem.empty() ? "cannot be read" : r.problem));
        continue;
      }
      const SourceFile& file = *r.file;
      out.files_read.push_back(file.path);
      const yaml::YamlFile y = yaml::ReadYaml(file.text);
      if (y.error) {
        AddError(file, *y.error, &out.findings);
        continue;
      }
      if (compose) {
        LoadCompose(sources, file, y.docs, &out);
      } else {
        LoadKubernetes(file, y.docs, &out);
      }
    }
  };
  each(inputs.kubernetes, false);
  each(inputs.compose, true);
  return out;
}

const NamespaceSysctl* NamespaceSetting(const ContainerNamespace& ns, const std::string& key) {
  const NamespaceSysctl* last = nullptr;
  for (const NamespaceSysctl& s : ns.sysctls) {
    if (s.key == key) last = &s;
  }
  return last;
}

}  // namespace synlint
