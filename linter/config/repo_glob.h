// SPDX-License-Identifier: MIT
// Files of a repository directory matched by a path glob (see PathGlobMatch).
// The repository is a root like --root: every path is resolved inside it,
// symlinks included (an absolute target is taken inside it, ".." above its
// top is refused), so nothing outside it is listed, stat'ed or read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace synlint {

/// Visiting more entries than this stops a walk (the result is then partial).
inline constexpr size_t kMaxRepoWalkEntries = 200000;

/// Regular files below the absolute directory `base` whose base-relative
/// path matches `pattern` (AnchoredPathGlobMatch), sorted, as the pattern
/// names them. A symlink matched is followed inside `base`: one to a regular
/// file there is a match; one that leads outside, loops or names no file
/// inside `base` sets `err` (the config names something synlint will not
/// read). Names starting with '.' are skipped unless the pattern has a
/// component starting with '.'; symlinked directories are not entered (the
/// directories before the first wildcard are resolved inside `base`).
/// `pattern` must be relative and stay inside `base`: otherwise returns
/// nothing and sets `err`.
std::vector<std::string> ExpandRepoGlob(const std::string& base, std::string_view pattern, std::string* err);

/// Every regular file below `base`/`dir` (base-relative paths, sorted),
/// skipping names that start with '.' and symlinks that do not lead to a
/// regular file inside `base`.
std::vector<std::string> ListRepoFiles(const std::string& base, const std::string& dir);

}  // namespace synlint
