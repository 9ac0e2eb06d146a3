// SPDX-License-Identifier: MIT
// Paths on the disk of the machine synlint runs on, as the user names them
// (the config file, --root, FILE arguments), not the root-relative paths of
// a host (core/file_system.h).
#pragma once

#include <filesystem>
#include <string>

namespace synlint {

/// `path` made absolute from the current directory and lexically normal
/// ("a/../b" is "b"); no symlink is followed. Empty when the current
/// directory cannot be read.
std::filesystem::path Absolute(const std::string& path);

/// Whether `path` is `dir` or below it (both absolute and normal).
bool Inside(const std::filesystem::path& path, const std::filesystem::path& dir);

}  // namespace synlint
