// SPDX-License-Identifier: MIT
#include "core/disk_path.h"

namespace synlint {

namespace stdfs = std::filesystem;

stdfs::path Absolute(const std::string& path) {
  std::error_code ec;
  return stdfs::absolute(path, ec).lexically_normal();
}

bool Inside(const stdfs::path& path, const stdfs::path& dir) {
  const stdfs::path rel = path.lexically_relative(dir);
  return !rel.empty() && *rel.begin() != "..";
}

}  // namespace synlint
