// SPDX-License-Identifier: MIT
#include "model/host.h"

#include <algorithm>
#include <unordered_set>

#include "core/md5.h"
#include "core/service.h"
#include "core/utf8.h"
#include "model/proc_sys.h"
#include "model/value_check.h"
#include "parsers/apache/extract.h"
#include "parsers/nginx/extract.h"
#include "parsers/systemd/sockets.h"
#include "parsers/systemd/units.h"

namespace synlint {

std::optional<std::string> Host::Default(const std::string& key) const {
  const KeyInfo* info = kb->Find(key);
  if (!info) return std::nullopt;
  return info->DefaultOn(kernel);
}

std::optional<int64_t> Host::IntDefault(const std::string& key) const {
  const KeyInfo* info = kb->Find(key);
  if (!info || info->defaults.empty()) return std::nullopt;
  const auto text = info->DefaultOn(kernel);
  return ParseKernelInt(text ? *text : info->defaults.front().second);
}

ChangeState Host::State(KernelChange change) const {
  const ChangeInfo* info = kb->FindChange(change);
  if (!info) (void)kb->Since(change);  // throws: this knowledge does not record it
  return info->StateOn(kernel);
}

bool Host::Accepted(const SysctlEntry& e) const {
  const KeyInfo* info = kb->Find(e.key());
  if (info && !info->ExistsOn(kernel)) return false;
  const ValueCheck check = info ? CheckKnownValue(*info, e.value(), kernel)
                                : CheckIntType(e.key(), e.value(), kernel, /*every_field=*/false);
  // A rejection read only in other kernels' sources does not change the model.
  return check.verdict != ValueVerdict::kRejected || !check.proven;
}

const SysctlEntry* Host::Winner(const std::string& key) const {
  const SysctlEntry* last = sysctl().LastExact(key);
  for (const SysctlEntry* e = last; e; e = sysctl().Previous(*e)) {
    if (Accepted(*e)) return e;
  }
  if (last) return nullptr;
  return sysctl().Winner(key);  // globs
}

std::optional<std::string> Host::Value(const std::string& key) const {
  if (const SysctlEntry* e = Winner(key)) return e->value();
  return Default(key);
}

std::optional<int64_t> Host::IntValue(const std::string& key) const {
  const auto v = Value(key);
  if (!v) return std::nullopt;
  const size_t end = v->find_first_of(" \t");
  return ParseKernelInt(std::string_view(*v).substr(0, end));
}

namespace {

void AddSysctlFile(Host& host, const SourceFile* file) {
  if (host.sysctl_parses.count(file->path)) return;
  sysctl::ParseResult parse = sysctl::Parse(file->text, {.tokens = false});
  for (const SyntaxError& e : parse.errors) host.load_findings.push_back(SyntaxFinding(*file, e));
  const size_t bad = FindInvalidUtf8(file->text);
  if (bad != std::string::npos) {
    SyntaxError e{{static_cast<uint32_t>(bad), static_cast<uint32_t>(bad + 1)},
                  "invalid UTF-8 byte; sysctl files are expected to be UTF-8 text", ""};
    host.load_findings.push_back(SyntaxFinding(*file, e));
  }
  host.sysctl_parses.emplace(file->path, std::move(parse));
  host.files_read.push_back(file->path);
}

// The fd limit systemd gives a service, for worker-capacity checks.
void AddServiceLimit(Host& host, ServiceFacts& facts, const std::string& unit) {
  if (facts.limits.count("worker_rlimit_nofile")) return;
  const auto view = systemd::LoadUnit(host.sources, unit);
  if (!view) return;
  if (auto s = systemd::EffectiveSetting(*view, "Service", "LimitNOFILE", systemd::ValueKind::kRlimit))
    facts.limits["LimitNOFILE"] = *s;
}

/// `seen` indexes host.files_read: a host of many socket units or site files
/// made the linear search for each one quadratic.
void AddService(Host& host, ServiceFacts facts, std::unordered_set<std::string>& seen) {
  for (Finding& f : facts.findings) host.load_findings.push_back(std::move(f));
  facts.findings.clear();
  for (const auto& [path, format] : facts.files) {
    if (seen.insert(path).second) host.files_read.push_back(path);
  }
  host.services.push_back(std::move(facts));
}

void LoadServices(Host& host, const HostOptions& options) {
  std::unordered_set<std::string> seen(host.files_read.begin(), host.files_read.end());
  if (auto nginx = nginx::LoadNginxService(host.sources, options.nginx_main, options.nginx_prefix)) {
    AddServiceLimit(host, *nginx, "nginx.service");
    AddService(host, std::move(*nginx), seen);
  }
  if (auto apache = apache::LoadApacheService(host.sources)) AddService(host, std::move(*apache), seen);
  systemd::SocketUnits units = systemd::DiscoverSocketUnits(host.sources);
  // A unit that cannot be read (a FIFO, a NUL byte, no permission) is SL002,
  // never a silent clean run.
  for (Finding& f : units.findings) host.load_findings.push_back(std::move(f));
  host.services.reserve(host.services.size() + units.sockets.size());  // no regrowth copies
  for (ServiceFacts& s : units.sockets) AddService(host, std::move(s), seen);
}

// The scripts that set kernel settings, each read once with tree-sitter-bash.
void LoadScripts(Host& host) {
  host.scripts = shell::DiscoverScripts(host.sources);
  for (Finding& f : host.scripts.problems) host.load_findings.push_back(std::move(f));
  host.scripts.problems.clear();
  host.script_parses.reserve(host.scripts.scripts.size());  // settings point into them
  for (const shell::ScriptFile& s : host.scripts.scripts) {
    host.script_parses.push_back({&s, shell::ExtractSysctlWrites(s.file->text)});
    if (std::find(host.files_read.begin(), host.files_read.end(), s.file->path) == host.files_read.end())
      host.files_read.push_back(s.file->path);
  }
  host.script_settings = ScriptSettings(host.script_parses);
}

// Ownership of the files read, and the versions of the host's software:
// given ones win, the others are read from the root.
void LoadPackagesAndVersions(Host& host, const HostOptions& options) {
  const FileSystem& fs = host.sources.fs();
  host.packages = options.packages ? *options.packages : LoadPackageFiles(fs);
  for (auto& [path, owner] : host.packages.owned) {
    owner.changed_locally = false;  // decided again from this host's bytes
    // dpkg writes "newconffile" before a conffile is configured: no checksum, not the admin's yet.
    if (!owner.conffile || owner.md5.size() != 32) continue;
    if (const SourceFile* f = host.sources.Find(path)) owner.changed_locally = Md5Hex(f->text) != owner.md5;
  }
  host.versions = options.detected_versions ? *options.detected_versions : DetectSoftwareVersions(fs, host.packages);
  if (options.systemd_version) host.versions.systemd = {ServerVersion{*options.systemd_version, 0, 0}, "given", ""};
  if (options.nginx_version) host.versions.nginx = {options.nginx_version, "given", ""};
  if (host.versions.systemd.version) host.systemd_version = host.versions.systemd.version->major;
  // A given major says nothing of the stable release.
  if (!options.systemd_version) host.systemd_stable = host.versions.systemd_stable;
  host.nginx_version = host.versions.nginx.version;
}

}  // namespace

std::unique_ptr<Host> LoadHost(const FileSystem& fs, const HostOptions& options) {
  auto host = std::make_unique<Host>(fs);
  if (options.kernel) {
    host->kernel = *options.kernel;
    host->kernel_origin = "--kernel";
  } else if (auto running = KernelVersion::ParseRunning(options.running_kernel, options.running_kernel_build)) {
    host->kernel = *running;
    host->kernel_origin = "running kernel";
  } else {
    host->kernel = host->kb->default_kernel();
    host->kernel_origin = "default";
  }
  host->live = !options.running_kernel.empty();
  host->tcp_ehash_entries = options.tcp_ehash_entries;
  host->systemd_version = options.systemd_version;
  host->nginx_version = options.nginx_version;
  host->baseline = options.baseline;
  host->baseline_rev = options.baseline_rev;
  bool detected = false;
  const sysctl::Loader guess = sysctl::DetectLoader(fs, &detected);
  if (options.loader) {
    host->loader = *options.loader;
    host->loader_origin = "--sysctl-loader";
  } else {
    host->loader = guess;
    host->loader_origin = detected ? "detected" : "assumed";
  }
  for (sysctl::Loader l : {sysctl::Loader::kSystemd, sysctl::Loader::kProcps}) {
    sysctl::Discovery& d = host->discovery[Host::Index(l)];
    d = sysctl::Discover(host->sources, l);
    for (const auto& f : d.files) AddSysctlFile(*host, f.file);
  }
  // Problems are the same for both loaders except etc/sysctl.conf; keep each once.
  for (sysctl::Loader l : {sysctl::Loader::kSystemd, sysctl::Loader::kProcps}) {
    for (const Finding& p : host->discovery[Host::Index(l)].problems) {
      const bool dup = std::any_of(host->load_findings.begin(), host->load_findings.end(),
                                   [&](const Finding& f) {
                                     return f.location.file == p.location.file && f.message == p.message;
                                   });
      if (!dup) host->load_findings.push_back(p);
    }
  }
  const auto& systemd_files = host->discovery[0].files;
  const auto& procps_files = host->discovery[1].files;
  host->same_sysctl_files = std::equal(
      systemd_files.begin(), systemd_files.end(), procps_files.begin(), procps_files.end(),
      [](const auto& a, const auto& b) { return a.file == b.file && a.listed_as == b.listed_as; });
  LoadScripts(*host);
  for (sysctl::Loader l : {sysctl::Loader::kSystemd, sysctl::Loader::kProcps}) {
    if (host->same_sysctl_files && l == sysctl::Loader::kProcps) break;
    host->states[Host::Index(l)].Build(host->discovery[Host::Index(l)].files, host->sysctl_parses,
                                       &host->script_settings);
  }
  // A live root's /proc/sys holds the default the kernel computed at boot
  // for a key whose default depends on the machine, when no file sets it.
  if (host->live) {
    for (const auto& [key, info] : host->kb->keys()) {
      if (info.default_depends_on.empty() || host->sysctl().LastExact(key) || host->Winner(key)) continue;
      if (const auto v = ReadProcSysInt(fs, key)) host->live_values.emplace(key, *v);
    }
  }
  LoadServices(*host, options);
  if (!options.kubernetes_files.empty() || !options.compose_files.empty()) {
    ContainerModel c = LoadContainers(
        host->sources, {options.kubernetes_files, options.compose_files, options.allowed_unsafe_sysctls});
    host->containers = std::move(c.namespaces);
    host->kubelet = std::move(c.kubelet);
    for (Finding& f : c.findings) host->load_findings.push_back(std::move(f));
    for (std::string& f : c.files_read) {
      if (std::find(host->files_read.begin(), host->files_read.end(), f) == host->files_read.end())
        host->files_read.push_back(std::move(f));
    }
  }
  host->kubernetes_version = options.kubernetes_version;
  LoadPackagesAndVersions(*host, options);
  if (options.attach_live) host->live_state = options.attach_live(*host);
  return host;
}

}  // namespace synlint
