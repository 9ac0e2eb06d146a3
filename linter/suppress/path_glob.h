// SPDX-License-Identifier: MIT
// Globs over '/'-separated paths, as used by `per-file-ignores` and the host
// file lists of .synlint.yaml.
#pragma once

#include <string_view>

namespace synlint {

/// Matches a relative `path` against `pattern`, component by component:
/// `*`, `?` and `[...]` stay inside one component, a `**` component matches
/// zero or more whole components ("hosts/legacy/**" matches everything below
/// hosts/legacy, "**/*.conf" every .conf file). A pattern without '/' is
/// matched against the last component only, as .gitignore does ("*.j2").
bool PathGlobMatch(std::string_view pattern, std::string_view path);

/// Like PathGlobMatch, but the pattern always names the whole path: "*.conf"
/// matches "a.conf" only, not "dir/a.conf".
bool AnchoredPathGlobMatch(std::string_view pattern, std::string_view path);

}  // namespace synlint
