// Kernel versions as MAJOR.MINOR, compared numerically.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace synlint {

struct KernelVersion {
  int major = 0;
  int minor = 0;
  auto operator<=>(const KernelVersion&) const = default;
  std::string ToString() const;
  /// Parses "6.1", "4.19.0-25-amd64", "5.14.0-362.el9.x86_64".
  static std::optional<KernelVersion> Parse(std::string_view text);
};

}  // namespace synlint
