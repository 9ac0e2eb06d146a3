// SPDX-License-Identifier: MIT
#include "linter/config/repo_glob.h"

#include <algorithm>

#include "core/file_system.h"
#include "linter/suppress/path_glob.h"

namespace synlint {

namespace {

/// Why `path`, which went through a symlink, does not lead to a regular file
/// inside the repository, or "" when it does. `own_link`: `path` itself is
/// the symlink (its target is then named), found at `disk`.
std::string SymlinkProblem(const DiskFileSystem& fs, const std::string& path, const std::string& disk,
                           const Resolved& r, bool own_link) {
  switch (r.status) {
    case Resolved::Status::kOk:
      return r.kind == NodeKind::kRegular || r.kind == NodeKind::kDirectory ? ""
                                                                            : "'" + path + "', not a regular file";
    case Resolved::Status::kEscapes:
      return "'" + path + "', a symlink that leads outside the repository (synlint reads nothing outside it)";
    case Resolved::Status::kLoop:
      return "'" + path + "': " + r.error;
    case Resolved::Status::kDevNull:
    case Resolved::Status::kMissing: {
      std::string target;
      const std::string link =
          own_link && fs.ReadLink(disk, &target) ? "a symlink to '" + target + "'" : "a path through a symlink";
      return "'" + path + "', " + link +
             " that names no file inside the repository (symlinks are followed inside it, an absolute target "
             "from its top, as with --root)";
    }
  }
  return "";
}

struct Walk {
  const DiskFileSystem& fs;
  std::string pattern;  // normalised; empty: every file
  bool hidden = false;
  size_t visited = 0;
  std::vector<std::string> out;
  std::string* err = nullptr;  // null: symlinks leading nowhere are skipped silently

  /// Lists `disk` (resolved, no symlink in it), naming its entries below `shown`.
  void Dir(const std::string& shown, const std::string& disk, int depth_left) {
    std::vector<std::string> names = fs.ListDir(disk);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (++visited > kMaxRepoWalkEntries) return;
      if (name.empty() || (name[0] == '.' && !hidden)) continue;
      const std::string path = JoinPath(shown, name);
      const std::string real = JoinPath(disk, name);
      const NodeStat own = fs.Lstat(real);
      if (own.kind == NodeKind::kDirectory) {
        if (depth_left > 1) Dir(path, real, depth_left - 1);
        continue;
      }
      if (own.kind != NodeKind::kRegular && own.kind != NodeKind::kSymlink) continue;
      if (!pattern.empty() && !AnchoredPathGlobMatch(pattern, path)) continue;
      if (own.kind == NodeKind::kSymlink) {
        const Resolved r = Resolve(fs, real);
        if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kDirectory) continue;  // not entered
        if (r.status != Resolved::Status::kOk || r.kind != NodeKind::kRegular) {
          if (err && err->empty()) *err = "matches " + SymlinkProblem(fs, path, real, r, true);
          continue;
        }
      }
      out.push_back(path);
    }
  }
};

std::vector<std::string> Split(const std::string& norm) {
  std::vector<std::string> parts;
  for (size_t i = 0; i <= norm.size();) {
    size_t j = norm.find('/', i);
    if (j == std::string::npos) j = norm.size();
    parts.push_back(norm.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

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
  const DiskFileSystem fs(base);
  if (!HasGlob(norm)) {
    const Resolved r = Resolve(fs, norm);
    if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kRegular) return {norm};
    if (r.via_symlink && r.status != Resolved::Status::kOk) *err = "names " + SymlinkProblem(fs, norm, norm, r, false);
    return {};
  }
  // Walk from the last directory before the first wildcard, resolved inside the repository.
  const std::vector<std::string> parts = Split(norm);
  std::string prefix;
  size_t k = 0;
  while (k < parts.size() && !HasGlob(parts[k])) prefix = JoinPath(prefix, parts[k++]);
  const Resolved start = Resolve(fs, prefix);
  if (start.status != Resolved::Status::kOk) {
    if (start.via_symlink) *err = "names " + SymlinkProblem(fs, prefix, prefix, start, false);
    return {};
  }
  if (start.kind != NodeKind::kDirectory) return {};
  const bool recursive = std::find(parts.begin(), parts.end(), "**") != parts.end();
  Walk walk{fs, norm, false, 0, {}, err};
  for (const std::string& p : parts) walk.hidden = walk.hidden || (!p.empty() && p[0] == '.');
  walk.Dir(prefix, start.path, recursive ? 64 : static_cast<int>(parts.size() - k));
  if (!err->empty()) return {};
  std::sort(walk.out.begin(), walk.out.end());
  return walk.out;
}

std::vector<std::string> ListRepoFiles(const std::string& base, const std::string& dir) {
  const DiskFileSystem fs(base);
  const Resolved start = Resolve(fs, dir);
  if (start.status != Resolved::Status::kOk || start.kind != NodeKind::kDirectory) return {};
  Walk walk{fs, "", false, 0, {}, nullptr};
  walk.Dir(dir, start.path, 64);
  std::sort(walk.out.begin(), walk.out.end());
  return walk.out;
}

}  // namespace synlint
