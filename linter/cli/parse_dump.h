// SPDX-License-Identifier: MIT
// Dumping one file's syntax tree for `synlint parse`.
#pragma once

#include <string>

#include "core/config_format.h"

namespace synlint::cli {

/// Guesses a file's format from its path and first lines: sysctl, nginx,
/// apache or systemd.
ConfigFormat GuessFormat(const std::string& path, const std::string& text);
int RunParse(const std::string& file, const std::string& as, const std::string& format);

}  // namespace synlint::cli
