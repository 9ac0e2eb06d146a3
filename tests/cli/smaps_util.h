// SPDX-License-Identifier: MIT
// Reading /proc/self/smaps in the heap tests.
#pragma once

#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>

namespace synlint::cli {

/// The VmFlags line of the mapping that holds `address` ("" when none).
inline std::string FlagsOfMappingAt(uintptr_t address) {
  std::ifstream smaps("/proc/self/smaps");
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    uintptr_t lo = 0, hi = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> lo >> dash >> hi && dash == '-') {
      inside = lo <= address && address < hi;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

}  // namespace synlint::cli
