// Dumping one file's syntax tree for `synlint parse`.
#pragma once

#include <string>

namespace synlint::cli {

/// Guesses a file's format from its path and first lines: "sysctl",
/// "nginx", "apache" or "systemd".
std::string GuessFormat(const std::string& path, const std::string& text);
int RunParse(const std::string& file, const std::string& as, const std::string& format);

}  // namespace synlint::cli
