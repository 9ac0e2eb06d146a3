// SPDX-License-Identifier: MIT
// One host as synlint sees it: its files, effective kernel settings for the
// target kernel, and the services that listen. Built once; rules read it.
#pragma once

#include <map>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"
#include "core/service.h"
#include "model/containers.h"
#include "model/kernel_change.h"
#include "model/kernel_integer.h"
#include "model/kernel_version.h"
#include "model/live_state.h"
#include "model/knowledge.h"
#include "model/package_files.h"
#include "model/server_version.h"
#include "model/software_versions.h"
#include "model/script_settings.h"
#include "model/sysctl_state.h"
#include "parsers/shell/discover.h"
#include "parsers/sysctl/discover.h"

namespace synlint {

struct HostOptions {
  std::optional<KernelVersion> kernel;        // --kernel
  std::optional<sysctl::Loader> loader;       // --sysctl-loader
  std::string running_kernel;                 // uname -r, when the root is '/'
  std::string running_kernel_build;           // uname -v, when the root is '/' (Debian names its stable release there)
  std::optional<int64_t> tcp_ehash_entries;   // --tcp-ehash-entries
  std::optional<int> systemd_version;         // --systemd-version
  std::optional<ServerVersion> nginx_version; // --nginx-version
  std::string nginx_main = "etc/nginx/nginx.conf";  // --nginx-conf
  std::string nginx_prefix;                   // --nginx-prefix ("" = the main file's directory)
  const struct Host* baseline = nullptr;      // --changed-since: the host at that revision
  std::string baseline_rev;
  /// What a run read of the root's package database and software once, for
  /// the hosts it loads again from the same root (fix rounds, the re-lint
  /// after --fix); null: LoadHost reads them.
  std::shared_ptr<const PackageFiles> packages;
  std::shared_ptr<const SoftwareVersions> detected_versions;
  /// `synlint audit`: called once the files are loaded, with the host (which
  /// sysctl keys it uses); returns the live state read for it, which becomes
  /// Host::live_state. The model does no I/O on the running kernel itself.
  std::function<const struct LiveState*(const struct Host&)> attach_live;
  /// Kubernetes manifests and Compose files (root-relative), whose pods and
  /// services are network namespaces of their own (model/containers.h).
  std::vector<std::string> kubernetes_files;  // .synlint.yaml `kubernetes:`
  std::vector<std::string> compose_files;     // .synlint.yaml `compose:`
  std::optional<KernelVersion> kubernetes_version;  // --kubernetes-version (major.minor)
  std::vector<std::string> allowed_unsafe_sysctls;  // --allowed-unsafe-sysctls
};

/// Settings that shape fixes (from the command line or .synlint.yaml).
struct FixOptions {
  /// File created in etc/sysctl.d/ when a value must be overridden and the
  /// assignment that wins is in a vendor file (or nowhere).
  std::string sysctl_override_name = "90-synlint.conf";
};

struct Host {
  explicit Host(const FileSystem& fs) : sources(fs) {}

  SourceSet sources;
  const KnowledgeBase* kb = &KnowledgeBase::Builtin();
  KernelVersion kernel;
  std::string kernel_origin;  // "--kernel", "running kernel", "default"
  /// The root is this machine ('/'): its proc/sys lists the running kernel's keys.
  bool live = false;
  /// Entries of the TCP established hash table (--tcp-ehash-entries), from
  /// which the kernel computes tcp_max_syn_backlog's default.
  std::optional<int64_t> tcp_ehash_entries;
  /// On a live root: /proc/sys values of the keys whose default depends on
  /// the machine (KeyInfo::default_depends_on), read at load.
  std::map<std::string, int64_t, std::less<>> live_values;
  sysctl::Loader loader = sysctl::Loader::kSystemd;
  std::string loader_origin;  // "--sysctl-loader", "detected", "assumed"
  std::optional<int> systemd_version;
  /// N of systemd MAJOR.N when known (SoftwareVersions::systemd_stable).
  std::optional<int> systemd_stable;
  std::optional<ServerVersion> nginx_version;  // unknown: assume a current nginx
  /// Where systemd_version, nginx_version and the Apache version came from
  /// (given, or read from the root) and what disagreed.
  SoftwareVersions versions;
  /// The files the root's package manager owns; fixes never edit them.
  PackageFiles packages;

  std::map<std::string, sysctl::ParseResult> sysctl_parses;  // by real path
  sysctl::Discovery discovery[2];  // indexed by sysctl::Loader
  SysctlState states[2];
  /// Both loaders apply the same files in the same order (no etc/sysctl.conf
  /// that only procps reads): one state serves both, states[1] stays empty.
  bool same_sysctl_files = false;
  /// Shell scripts that may set kernel settings (rc.local, network hooks, the admin's own
  /// scripts), what each writes, and those writes as assignments applied after the files.
  shell::ScriptDiscovery scripts;
  std::vector<ScriptParse> script_parses;      // one per script, in scripts.scripts order
  std::vector<ScriptSetting> script_settings;  // the sysctl states' script entries
  std::vector<ServiceFacts> services;
  std::vector<Finding> load_findings;  // SL001/SL002 and format rules
  std::vector<std::string> files_read;  // in order, each once
  /// The same host at an earlier revision (`--changed-since REV`), for SL301.
  const Host* baseline = nullptr;
  std::string baseline_rev;
  /// What `synlint audit` read from the running kernel (model/live_state.h);
  /// null for check, show and tune, which read files only.
  const LiveState* live_state = nullptr;
  /// Pods and Compose services: each its own network namespace, judged by
  /// its own values, never the node's (model/containers.h).
  std::vector<ContainerNamespace> containers;
  KubeletSysctlPolicy kubelet;
  std::optional<KernelVersion> kubernetes_version;  // nullopt: the newest release known

  const SysctlState& sysctl() const { return sysctl(loader); }
  const SysctlState& sysctl(sysctl::Loader l) const { return states[same_sysctl_files ? 0 : Index(l)]; }
  const sysctl::Discovery& sysctl_discovery() const { return discovery[Index(loader)]; }
  static size_t Index(sysctl::Loader l) { return l == sysctl::Loader::kSystemd ? 0 : 1; }

  /// The assignment in force for `key` under the host's loader: the last one
  /// the kernel accepts (a rejected write leaves the previous value).
  const SysctlEntry* Winner(const std::string& key) const;
  /// Whether the target kernel accepts this assignment's write.
  bool Accepted(const SysctlEntry& e) const;

  /// The effective value of `key`: the winning assignment's value, else the
  /// target kernel's default; nullopt when neither is known.
  std::optional<std::string> Value(const std::string& key) const;
  /// Value() as an integer (first integer of a vector), when it is one.
  std::optional<int64_t> IntValue(const std::string& key) const;
  /// The kernel default of `key` on the target kernel.
  std::optional<std::string> Default(const std::string& key) const;
  /// Default() as an integer; for a kernel older than every recorded default,
  /// the oldest one (the knowledge starts at 2.6).
  std::optional<int64_t> IntDefault(const std::string& key) const;
  /// Whether the target kernel has the behaviour `change` brought (kernel.yaml
  /// `changes:`); kUnknown when its series got it mid-way and the target's
  /// stable release is not known.
  ChangeState State(KernelChange change) const;
  /// State() == kPresent.
  bool Has(KernelChange change) const { return State(change) == ChangeState::kPresent; }
  /// The first kernel with `change`, for messages that name the boundary.
  KernelVersion Since(KernelChange change) const { return kb->Since(change); }
  /// Whether the host shows it is fighting connection pressure
  /// (model/connection_pressure.h: tuned SYN/accept-queue settings; the
  /// audit's live overflow counters extend it).
  bool ShowsConnectionPressure() const;
};

/// Reads and parses everything under the root; never fails (problems become
/// SL001/SL002 findings in `load_findings`).
std::unique_ptr<Host> LoadHost(const FileSystem& fs, const HostOptions& options);

}  // namespace synlint
