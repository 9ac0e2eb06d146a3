// SPDX-License-Identifier: MIT
#include "model/server_version.h"

#include <charconv>

namespace synlint {

std::string ServerVersion::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::optional<ServerVersion> ServerVersion::Parse(std::string_view text) {
  if (text.substr(0, 6) == "nginx/") text.remove_prefix(6);
  int parts[3] = {0, 0, 0};
  size_t n = 0;
  while (n < 3) {
    const char* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, parts[n]);
    if (ec != std::errc() || ptr == text.data() || parts[n] < 0) return std::nullopt;
    text.remove_prefix(static_cast<size_t>(ptr - text.data()));
    ++n;
    if (text.empty()) break;
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    if (text.empty()) return std::nullopt;
  }
  if (!text.empty() || n < 2) return std::nullopt;
  return ServerVersion{parts[0], parts[1], parts[2]};
}

}  // namespace synlint
