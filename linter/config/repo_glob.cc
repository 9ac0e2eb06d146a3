#include "linter/config/repo_glob.h"

#include <algorithm>
#include <filesystem>

#include "core/file_system.h"
#include "linter/suppress/path_glob.h"

namespace synlint {

namespace {

namespace fs = std::filesystem;

struct Walk {
  fs::path base;
  std::string pattern;  // normalised; empty: every file
  bool hidden = false;
  size_t visited = 0;
  std::vector<std::string> out;

  void Dir(const std::string& rel, int depth_left) {
    std::error_code ec;
    fs::directory_iterator it(rel.empty() ? base : base / rel, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (++visited > kMaxRepoWalkEntries) return;
      const std::string name = it->path().filename().string();
      if (name.empty() || (name[0] == '.' && !hidden)) continue;
      const std::string path = rel.empty() ? name : rel + "/" + name;
      std::error_code st_ec;
      const fs::file_status own = it->symlink_status(st_ec);
      if (fs::is_directory(own)) {
        if (depth_left > 1) Dir(path, depth_left - 1);
        continue;
      }
      if (!fs::is_regular_file(it->status(st_ec))) continue;
      if (pattern.empty() || AnchoredPathGlobMatch(pattern, path)) out.push_back(path);
    }
  }
};

}  // namespace

std::vector<std::string> ExpandRepoGlob(const std::string& base, std::string_view pattern, std::string* err) {
  std::string norm;
  if (!pattern.empty() && pattern.front() == '/') {
    *err = "must be relative to the config file's directory";
    return {};
  }
  if (!NormalizePath(pattern, &norm) || norm.empty()) {
    *err = "leads outside the config file's directory";
    return {};
  }
  if (!HasGlob(norm)) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(base) / norm, ec)) return {norm};
    return {};
  }
  // Walk from the last directory before the first wildcard.
  std::vector<std::string> parts;
  for (size_t i = 0; i <= norm.size();) {
    size_t j = norm.find('/', i);
    if (j == std::string::npos) j = norm.size();
    parts.push_back(norm.substr(i, j - i));
    i = j + 1;
  }
  std::string prefix;
  size_t k = 0;
  while (k < parts.size() && !HasGlob(parts[k])) prefix = JoinPath(prefix, parts[k++]);
  const bool recursive = std::find(parts.begin(), parts.end(), "**") != parts.end();
  Walk walk{fs::path(base), norm, false, 0, {}};
  for (const std::string& p : parts) walk.hidden = walk.hidden || (!p.empty() && p[0] == '.');
  walk.Dir(prefix, recursive ? 64 : static_cast<int>(parts.size() - k));
  std::sort(walk.out.begin(), walk.out.end());
  return walk.out;
}

std::vector<std::string> ListRepoFiles(const std::string& base, const std::string& dir) {
  Walk walk{fs::path(base), "", false, 0, {}};
  walk.Dir(dir, 64);
  std::sort(walk.out.begin(), walk.out.end());
  return walk.out;
}

}  // namespace synlint
