// SPDX-License-Identifier: MIT
#include "model/kernel_version.h"

#include <cctype>

namespace synlint {

std::string KernelVersion::Series() const { return std::to_string(major) + "." + std::to_string(minor); }

std::string KernelVersion::ToString() const {
  return patch ? Series() + "." + std::to_string(*patch) : Series();
}

namespace {

bool Number(std::string_view s, size_t* i, int* out) {
  if (*i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[*i]))) return false;
  long v = 0;
  while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) {
    v = v * 10 + (s[*i] - '0');
    if (v > 100000) return false;
    ++*i;
  }
  *out = static_cast<int>(v);
  return true;
}

bool EndsVersion(std::string_view s, size_t i) {
  return i >= s.size() || s[i] == '.' || s[i] == '-' || s[i] == '+' || s[i] == '_';
}

}  // namespace

std::optional<KernelVersion> KernelVersion::Parse(std::string_view s) {
  KernelVersion v;
  size_t i = 0;
  if (!Number(s, &i, &v.major) || v.major > 1000 || i >= s.size() || s[i] != '.') return std::nullopt;
  ++i;
  if (!Number(s, &i, &v.minor) || v.minor > 1000) return std::nullopt;
  if (!EndsVersion(s, i)) return std::nullopt;
  if (v.major < 2) return std::nullopt;
  if (i < s.size() && s[i] == '.') {
    size_t j = i + 1;
    int patch = 0;
    if (Number(s, &j, &patch) && EndsVersion(s, j)) {
      const bool abi_name = patch == 0 && j < s.size() && s[j] == '-';
      if (!abi_name) v.patch = patch;
    } else if (j == i + 1) {
      return std::nullopt;  // "6.1." or "6.1.x"
    }
  }
  return v;
}

std::optional<KernelVersion> KernelVersion::ParseRunning(std::string_view release, std::string_view version) {
  auto v = Parse(release);
  if (!v || v->patch) return v;
  // Debian names the stable release it packages in `uname -v`: "... Debian 6.1.106-3 (...)".
  for (size_t at = version.find("Debian "); at != std::string_view::npos;
       at = version.find("Debian ", at + 1)) {
    const auto d = Parse(version.substr(at + 7));
    if (d && *d == *v && d->patch) {
      v->patch = d->patch;
      break;
    }
  }
  return v;
}

}  // namespace synlint
