// SPDX-License-Identifier: MIT
// One host's report as `synlint report` reads it: the JSON that
// `synlint audit --format json` (or `check --format json`) wrote on the host,
// the result the Ansible module synlint.synlint.audit returned (the report
// under "report"), or an Ansible failure record ("failed"/"unreachable").
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlint {

enum class HostStatus : uint8_t {
  kOk,           // a report was read
  kFailed,       // the run on the host failed (synlint's exit 2, a failed task)
  kUnreachable,  // Ansible could not reach the host
  kMissing,      // named by --hosts, but no report file
};
std::string_view HostStatusName(HostStatus s);

struct HostFinding {
  std::string rule;
  std::string name;      // the rule's name ("" when the report had none)
  std::string severity;  // "error" | "warning" | "info"
  std::string file;      // root-relative
  uint32_t line = 1;
  uint32_t column = 1;
  std::string message;
};

/// A listening socket the audit read from the running kernel.
struct HostListener {
  std::string address;
  uint32_t port = 0;
  /// The backlog the service asks for in its files, when the report says it
  /// (the audit's JSON does not yet); -1 when unknown.
  int64_t requested_backlog = -1;
  int64_t accept_queue_limit = 0;  // effective limit: min(backlog, somaxconn) at listen()
  int64_t accept_queue_now = 0;
  int64_t syn_recv_now = 0;
  std::string comm;
  std::string unit;
};

struct HostReport {
  std::string host;    // the file's name without ".json"
  std::string source;  // the file read ("" for a missing host)
  HostStatus status = HostStatus::kOk;
  std::string error;   // why it failed or was unreachable
  std::string tool_version, kernel, kernel_release, root;
  bool live = false;   // an audit (with the running kernel's state), not a check
  std::string somaxconn;  // the running net.core.somaxconn, "" when not read
  std::vector<HostFinding> findings;
  std::vector<HostListener> listeners;
  uint32_t errors = 0, warnings = 0, infos = 0;
};

/// Reads the report of `host` from the JSON `text` of file `source`. False
/// with `err` (which starts with `source`) when it is not JSON or not one of
/// the three shapes above.
bool ReadHostReport(std::string_view text, const std::string& source, const std::string& host,
                    HostReport* out, std::string* err);

}  // namespace synlint
