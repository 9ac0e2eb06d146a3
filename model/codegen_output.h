// SPDX-License-Identifier: MIT
// For the build-time generators (knowledge_codegen, key_names_codegen):
// writes the generated source, reporting a failure as the build shows it.
#pragma once

#include <fstream>
#include <iostream>
#include <string>

namespace synlint {

/// Writes `text` to `path`; on failure prints "PATH: cannot write" and returns 1 (main's status).
inline int WriteGeneratedFile(const char* path, const std::string& text) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << text;
  if (!file) {
    std::cerr << path << ": cannot write\n";
    return 1;
  }
  return 0;
}

}  // namespace synlint
