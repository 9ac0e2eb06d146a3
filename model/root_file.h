// SPDX-License-Identifier: MIT
// Reading a file of the root that is not configuration (a package database, a
// binary) through its confined FileSystem, refusing anything but a regular
// file no larger than a bound, so a huge or hostile file costs nothing.
#pragma once

#include <cstdint>
#include <string>

#include "core/file_system.h"

namespace synlint {

/// Reads `path` (symlinks followed inside the root) into `*out` when it is a
/// regular file of at most `max_bytes`; false with `*why` ("missing",
/// "larger than 64 MiB", ...) otherwise.
bool ReadRootFile(const FileSystem& fs, const std::string& path, uint64_t max_bytes, std::string* out,
                  std::string* why);

}  // namespace synlint
