// Everything one run produced, handed to an output formatter. Formatters
// print; they never recompute.
#pragma once

#include <string>
#include <vector>

#include "linter/file_reader.h"
#include "linter/finding.h"
#include "linter/rule_meta.h"

namespace synlint {

/// Something an operator must run after a change (restart, reload, ...).
struct Action {
  std::string command;  // "systemctl restart nginx"
  std::string reason;   // "nginx re-reads net.core.somaxconn only at listen()"
  std::string service;  // "nginx", "sysctl", "web.socket"
};

struct Report {
  std::vector<Finding> findings;          // sorted with FindingLess
  const SourceSet* sources = nullptr;     // to print source lines
  std::vector<RuleMeta> rules;            // metadata of every known rule
  std::vector<std::string> files_read;    // root-relative
  std::string root;                       // as given on the command line
  std::string kernel;                     // target kernel used, e.g. "6.1"
  std::string diff;                       // unified diff of all fixes ("" if none)
  std::vector<Action> actions;            // needed after applying the diff
  size_t fixes_available = 0;
  bool color = false;                     // text format only
  std::string tool_version;
  /// Prefix of rule doc links: docs_base_url + RuleMeta::doc_path.
  std::string docs_base_url = "https://github.com/synlint/synlint/blob/main/";
  /// Run statistics for summaries and machine formats.
  size_t files_count = 0;
};

}  // namespace synlint
