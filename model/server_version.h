// SPDX-License-Identifier: MIT
// Versions of the servers whose behaviour changed over time (nginx), as
// MAJOR.MINOR.PATCH compared numerically.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace synlint {

struct ServerVersion {
  int major = 0;
  int minor = 0;
  int patch = 0;
  auto operator<=>(const ServerVersion&) const = default;
  std::string ToString() const;
  /// Parses "1.24.0", "1.5" (patch 0) and `nginx -v`'s "nginx/1.22.1"; nullopt
  /// for anything else (a missing part, a sign, trailing text, overflow).
  static std::optional<ServerVersion> Parse(std::string_view text);
};

/// nginx 1.5.12 fixed the reload path that calls listen() again when a
/// `backlog=` changed (kernel-facts.md §5, commit 8800f0c42).
inline constexpr ServerVersion kNginxRelistenOnReload{1, 5, 12};

}  // namespace synlint
