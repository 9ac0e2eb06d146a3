// SPDX-License-Identifier: MIT
#include "linter/suppress/path_glob.h"

#include <string>
#include <vector>

#include "core/file_system.h"

namespace synlint {

namespace {

std::vector<std::string_view> Components(std::string_view path) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i && path.substr(i, j - i) != ".") out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Whether pattern components [p..] match path components [s..].
bool MatchFrom(const std::vector<std::string_view>& pat, size_t p, const std::vector<std::string_view>& path,
               size_t s) {
  while (p < pat.size()) {
    if (pat[p] == "**") {
      while (p + 1 < pat.size() && pat[p + 1] == "**") ++p;
      if (p + 1 == pat.size()) return true;
      for (size_t k = s; k <= path.size(); ++k) {
        if (MatchFrom(pat, p + 1, path, k)) return true;
      }
      return false;
    }
    if (s == path.size() || !GlobMatch(pat[p], path[s])) return false;
    ++p;
    ++s;
  }
  return s == path.size();
}

}  // namespace

bool PathGlobMatch(std::string_view pattern, std::string_view path) {
  const auto pat = Components(pattern);
  const auto parts = Components(path);
  if (pattern.find('/') == std::string_view::npos) {
    return !parts.empty() && pat.size() == 1 && GlobMatch(pat[0], parts.back());
  }
  return MatchFrom(pat, 0, parts, 0);
}

bool AnchoredPathGlobMatch(std::string_view pattern, std::string_view path) {
  return MatchFrom(Components(pattern), 0, Components(path), 0);
}

}  // namespace synlint
