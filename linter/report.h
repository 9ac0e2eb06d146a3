// SPDX-License-Identifier: MIT
// Everything one run produced, handed to an output formatter. Formatters
// print; they never recompute.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"
#include "core/rule_meta.h"
#include "model/live_state.h"
#include "model/restart_advice.h"

namespace synlint {

/// A finding a suppression hid, and why (SARIF prints it with `suppressions[]`).
struct SuppressedFinding {
  Finding finding;
  bool in_source = true;      // an inline comment; false: the config's per-file-ignores
  std::string justification;  // reason="..." of the comment, "per-file-ignores: PATTERN", or ""
  std::string host;           // its host of .synlint.yaml, or ""
};

/// The findings of one host of .synlint.yaml: `findings[begin, next host's begin)`.
struct HostFindings {
  std::string name;
  size_t begin = 0;
};

struct Report {
  std::vector<Finding> findings;          // sorted with FindingLess
  const SourceSet* sources = nullptr;     // to print source lines
  /// When findings use display paths (hosts of .synlint.yaml): the file
  /// behind each path; consulted before `sources`.
  std::map<std::string, const SourceFile*> source_by_path;
  std::vector<RuleMeta> rules;            // metadata of every known rule
  std::vector<std::string> files_read;    // root-relative
  /// As given on the command line; in repository mode (hosts of
  /// .synlint.yaml) the repository root, the config file's directory.
  std::string root;
  /// Absolute directory finding paths are relative to when it is not `root`
  /// (repository mode: the current directory); "" otherwise.
  std::string paths_base;
  std::string kernel;                     // target kernel used, e.g. "6.1"
  std::string diff;                       // unified diff of all fixes ("" if none)
  std::vector<Action> actions;            // needed after applying the diff
  size_t fixes_available = 0;
  bool diff_requested = false;            // --diff: the diff is already shown
  size_t suppressed = 0;                  // findings hidden by suppressions
  std::vector<SuppressedFinding> suppressed_findings;  // them, when kept (SARIF)
  /// Repository mode: which host each run of findings is from (by begin,
  /// ascending); empty for --root runs.
  std::vector<HostFindings> hosts;
  int exit_code = 0;                      // the status the run exits with
  std::vector<std::string> notifications; // warnings the run printed ("... belongs to no host")
  bool color = false;                     // text format only
  bool quiet = false;                     // -q: text prints the findings only (no summary)
  size_t fixes_applied = 0;               // --fix: fixes written (the findings are what is left)
  bool stdout_taken = false;              // stdin --fix: stdout holds the fixed text
  std::string tool_version;
  /// Prefix of rule doc links: docs_base_url + RuleMeta::doc_path.
  std::string docs_base_url = "https://github.com/synlint/synlint/blob/main/";
  /// The rule's documentation (Markdown), or nullptr when not at hand.
  std::string_view (*rule_doc)(const RuleMeta&) = nullptr;
  /// Run statistics for summaries and machine formats.
  size_t files_count = 0;
  /// `synlint audit`: what was read from the running kernel; null for check.
  const LiveState* live = nullptr;
};

}  // namespace synlint
