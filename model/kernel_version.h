// SPDX-License-Identifier: MIT
// Kernel versions as MAJOR.MINOR, with the stable release (the Z of X.Y.Z)
// when it is known.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace synlint {

struct KernelVersion {
  constexpr KernelVersion() = default;
  constexpr KernelVersion(int major_, int minor_, std::optional<int> patch_ = std::nullopt)
      : major(major_), minor(minor_), patch(patch_) {}

  int major = 0;
  int minor = 0;
  /// The stable release within MAJOR.MINOR, when known: 125 for 6.1.125.
  /// Unknown for "6.1" and for distribution release names whose third
  /// number is an ABI name, not a stable release ("6.1.0-25-amd64",
  /// "5.14.0-362.el9").
  std::optional<int> patch;

  /// Compares MAJOR.MINOR only: defaults and behaviour changes are recorded
  /// per series; a change that stable branches got mid-series is asked with
  /// `ChangeInfo::StateOn`, which reads the patch level.
  friend bool operator==(const KernelVersion& a, const KernelVersion& b) {
    return a.major == b.major && a.minor == b.minor;
  }
  friend std::strong_ordering operator<=>(const KernelVersion& a, const KernelVersion& b) {
    if (const auto c = a.major <=> b.major; c != 0) return c;
    return a.minor <=> b.minor;
  }
  /// "6.1" or "6.1.125".
  std::string ToString() const;
  /// "6.1", without the patch level.
  std::string Series() const;
  /// Parses "6.1", "6.1.125", "4.19.0-25-amd64", "5.14.0-362.el9.x86_64".
  /// A third number 0 followed by '-' is a distribution's ABI name (Debian,
  /// Ubuntu, Red Hat), not a stable release, so the patch level stays unknown.
  static std::optional<KernelVersion> Parse(std::string_view text);
  /// The running kernel from uname's release (`uname -r`) and version
  /// (`uname -v`): Debian's release "6.1.0-25-amd64" says nothing of the
  /// stable release, its version "#1 SMP PREEMPT_DYNAMIC Debian 6.1.106-3
  /// (2024-08-26)" does.
  static std::optional<KernelVersion> ParseRunning(std::string_view release, std::string_view version);
};

}  // namespace synlint
