// Files of a repository directory matched by a path glob (see PathGlobMatch).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace synlint {

/// Visiting more entries than this stops a walk (the result is then partial).
inline constexpr size_t kMaxRepoWalkEntries = 200000;

/// Regular files (symlinks to them included) below the absolute directory
/// `base` whose base-relative path matches `pattern` (AnchoredPathGlobMatch),
/// sorted. Names starting with '.' are skipped unless the pattern has a
/// component starting with '.'; symlinked directories are not entered.
/// `pattern` must be relative and stay inside `base`: otherwise returns
/// nothing and sets `err`.
std::vector<std::string> ExpandRepoGlob(const std::string& base, std::string_view pattern, std::string* err);

/// Every regular file below `base`/`dir` (base-relative paths, sorted),
/// skipping names that start with '.'.
std::vector<std::string> ListRepoFiles(const std::string& base, const std::string& dir);

}  // namespace synlint
