// SPDX-License-Identifier: MIT
// .synlint.yaml: project settings, the hosts of a repository and which rules
// apply where. A pure library: the CLI finds, loads and applies it.
//
//   kernel: "5.15"                 # target kernel (as --kernel)
//   sysctl-loader: systemd         # or procps (as --sysctl-loader)
//   systemd-version: 252
//   hosts:
//     web: {root: hosts/web}       # an /etc-shaped tree
//     edge:                        # or file lists, mapped into one (see host_tree.h)
//       sysctl: [roles/edge/files/sysctl.d/*.conf]
//       nginx: [roles/edge/templates/nginx.conf.j2]
//       shell: [scripts/provision.sh]  # scripts that may run sysctl -w
//   rules:
//     select: [SL]                 # IDs or prefixes
//     ignore: [SL105]
//     severity: {SL206: warning}
//     per-file-ignores: {"hosts/legacy/**": [SL108]}
//   fail-on: warning
//   no-inline-suppressions: false
//
// Paths are relative to the config file's directory (the "repository");
// list entries may use globs (`*`, `?`, `[...]`, `**` for any depth). The
// repository is a root like --root: every path is resolved inside it,
// symlinks included (an absolute target from its top); an absolute `root`,
// one leading outside, and listed files leading outside are errors.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.h"
#include "model/kernel_version.h"
#include "parsers/sysctl/discover.h"

namespace synlint {

inline constexpr std::string_view kConfigFileName = ".synlint.yaml";

/// One problem in a config file; line and column are 1-based (0 when unknown).
struct ConfigError {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;  // lowercase, no final period
  /// "FILE:LINE:COLUMN: MESSAGE".
  std::string ToString() const;
};

/// An entry of a host's file list and what it matched.
struct ConfigPath {
  std::string pattern;  // as written
  int line = 0;
  int column = 0;
  std::vector<std::string> matches;  // files, relative to the config's directory, sorted
};

struct HostConfig {
  std::string name;
  int line = 0;  // of the host's name
  int column = 0;
  std::optional<std::string> root;  // resolved inside the repository, relative to it ("." = its top)
  std::string root_dir;             // absolute directory, when `root` is set
  std::vector<ConfigPath> sysctl;   // each file -> etc/sysctl.d/<name>
  std::vector<ConfigPath> nginx;    // first: the main file -> etc/nginx/nginx.conf
  std::vector<ConfigPath> apache;   // first: the main file -> etc/apache2/apache2.conf
  std::vector<ConfigPath> systemd;  // each unit -> etc/systemd/system/<name>
  std::vector<ConfigPath> shell;    // each script -> usr/local/sbin/<name> (run by hand)
  bool is_root() const { return root.has_value(); }
};

struct RuleConfig {
  std::vector<std::string> select;  // IDs or prefixes; empty: all
  std::vector<std::string> ignore;
  std::map<std::string, Severity> severity;  // ID or prefix -> severity
  /// (path glob, IDs or prefixes), in file order.
  std::vector<std::pair<std::string, std::vector<std::string>>> per_file_ignores;
};

struct Config {
  std::string path;      // the config file as given
  std::string base_dir;  // absolute directory of the config file
  std::optional<KernelVersion> kernel;
  std::optional<sysctl::Loader> sysctl_loader;
  std::optional<int> systemd_version;
  std::vector<HostConfig> hosts;  // in file order
  RuleConfig rules;
  std::optional<std::string> fail_on;  // "error", "warning", "info" or "never"
  bool no_inline_suppressions = false;

  const HostConfig* FindHost(std::string_view name) const;
};

/// The nearest `.synlint.yaml` in `start_dir` or a directory above it (up to
/// the filesystem root); nullopt when there is none.
std::optional<std::string> FindConfig(const std::string& start_dir);

/// Reads and validates `path`. Every problem is appended to `errors` (all of
/// them, not only the first): unknown keys, wrong types, bad values, rule IDs
/// matching none of `known_rules` (not checked when it is empty), globs
/// matching nothing, hosts with both or neither of `root` and file lists,
/// roots that are not directories or not inside the repository, listed files
/// that are symlinks leading outside it. Returns true when there was none; `out`
/// holds everything that could be read either way.
bool LoadConfig(const std::string& path, const std::vector<std::string>& known_rules, Config* out,
                std::vector<ConfigError>* errors);

/// LoadConfig() on text already read; `path` names the file in errors and
/// its directory anchors relative paths.
bool ParseConfig(std::string_view yaml, const std::string& path, const std::vector<std::string>& known_rules,
                 Config* out, std::vector<ConfigError>* errors);

/// The hosts that a change to any of `files` concerns, in config order.
/// Files are relative to the current directory or absolute. A file belongs
/// to a root host when it lies inside its root, and to a file-list host when
/// a list matched it or it lies in the directory of its nginx or Apache main
/// file (relative includes reach there).
std::vector<std::string> HostsForFiles(const Config& config, const std::vector<std::string>& files);

/// Whether `file` (relative to the current directory, or absolute) belongs to `host`.
bool HostContainsFile(const Config& config, const HostConfig& host, const std::string& file);

}  // namespace synlint
