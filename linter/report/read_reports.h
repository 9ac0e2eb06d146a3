// SPDX-License-Identifier: MIT
// The inputs of `synlint report`: report files, and directories of them
// (each `*.json` directly inside, one per host). A host is named by its
// file's name without ".json" (the Ansible playbook writes HOST.json).
#pragma once

#include <string>
#include <vector>

#include "linter/report/host_report.h"

namespace synlint {

/// Reads every report `inputs` name. `expected` hosts (--hosts) without a
/// file are added as missing. False with `err` naming the file on the first
/// file that cannot be read or is not a report, on a directory without any
/// `*.json`, and on two files for one host.
bool ReadReports(const std::vector<std::string>& inputs, const std::vector<std::string>& expected,
                 std::vector<HostReport>* out, std::string* err);

/// The host names of a --hosts file: one a line; blank lines and lines
/// starting with '#' are skipped.
bool ReadHostList(const std::string& path, std::vector<std::string>* out, std::string* err);

}  // namespace synlint
