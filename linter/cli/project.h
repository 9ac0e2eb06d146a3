// SPDX-License-Identifier: MIT
// What one `synlint check` invocation looks at: the hosts (from --root or
// from `.synlint.yaml`), the rule settings (command line over config file),
// the suppressions, and the files the user asked about.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "linter/cli/options.h"
#include "linter/config/config.h"
#include "linter/config/host_tree.h"
#include "linter/suppress/suppress.h"

namespace synlint::cli {

/// --config, --no-config, --host, --no-inline-suppressions and FILE...
struct ProjectArgs {
  std::string config;
  bool no_config = false;
  std::vector<std::string> hosts;
  bool no_inline_suppressions = false;
  std::vector<std::string> files;
  std::string as;              // --as: the format of the FILEs linted alone, and of stdin
  std::string stdin_filename;  // --stdin-filename: the name '-' (stdin) is reported by
  void Add(CLI::App* app);
  /// Only --config, --no-config and --host (for show and explain).
  void AddHostSelection(CLI::App* app);
};

/// One host to lint.
struct Target {
  std::string name;                  // the host's name in .synlint.yaml; "" for --root
  std::unique_ptr<FileSystem> fs;    // DiskFileSystem, or a HostTreeFileSystem
  HostTreeFileSystem* tree = nullptr;  // file-list hosts
  std::string root_dir;              // root hosts and --root: the directory
  std::string repo_dir;              // the config file's directory ("" without config)
  HostOptions host_options;
  bool display_from_cwd = false;     // config hosts: show paths relative to the current directory
  /// Display paths of the files this host reports on; empty: all (the
  /// project's `only_files` applies too).
  std::set<std::string> only_files;
  /// A file no host of .synlint.yaml owns, linted alone: only the rules that
  /// judge one file (SingleFileRule) run, since its host's other files are unknown.
  bool single_file_rules_only = false;
  /// A FILE named on the command line with no configuration: its directory is
  /// all that is read, so an include reaching out of it is not proven missing.
  bool alone = false;
  /// stdin (`synlint check -`): the buffer's root-relative path, the name
  /// it is shown by (--stdin-filename), and its text.
  std::string stdin_path, stdin_name, stdin_text;

  /// What the user sees for root-relative `path` (and what diffs use).
  std::string DisplayPath(const std::string& path) const;
  bool from_stdin() const { return !stdin_path.empty(); }
  /// The path `per-file-ignores` patterns match: relative to the config's directory.
  std::string RepoPath(const std::string& path) const;
  /// Whether `f` is judged on template text (a placeholder), so says nothing:
  /// its place or a related place is on a line with a masked template tag.
  bool OnTemplateText(const Finding& f) const;
};

struct Project {
  std::optional<Config> config;
  std::vector<Target> targets;
  FindingFilter keep;                // rule selection and severities
  SuppressOptions suppress;          // shared settings; repo_path is set per target
  std::optional<std::string> fail_on;  // from the config file
  /// Display paths of the files named on the command line; empty: report all.
  std::set<std::string> only_files;
  /// Warnings printed while loading ("... belongs to no host"), for reports
  /// that carry them (SARIF notifications).
  std::vector<std::string> notes;
};

/// Builds the project. `root_given`: --root was on the command line (it
/// then wins over the config's hosts). Config problems are all printed to
/// stderr; returns false with `err` for the message to fail with.
bool LoadProject(const HostArgs& host_args, bool root_given, const FilterArgs& filter,
                 const ProjectArgs& args, Project* out, std::string* err);

/// The one host `show` and `explain` look at: --root, else the host of
/// .synlint.yaml named by --host (or its only host). False with `err`.
bool LoadOneHost(const HostArgs& host_args, bool root_given, const ProjectArgs& args, Target* out,
                 std::string* err);

/// Whether a finding concerns one of `only` (its place or a related one),
/// its paths seen through `shown` (Target::DisplayPath).
bool ConcernsFiles(const Finding& f, const std::set<std::string>& only,
                   const std::function<std::string(const std::string&)>& shown);

/// Rewrites every path in `f` (location, related, fix edits) with `map`.
void MapPaths(Finding* f, const std::function<std::string(const std::string&)>& map);

}  // namespace synlint::cli
