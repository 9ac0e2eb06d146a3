#include "model/kernel_version.h"

#include <cctype>

namespace synlint {

std::string KernelVersion::ToString() const {
  return std::to_string(major) + "." + std::to_string(minor);
}

std::optional<KernelVersion> KernelVersion::Parse(std::string_view s) {
  auto number = [&](size_t* i, int* out) {
    if (*i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[*i]))) return false;
    long v = 0;
    while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) {
      v = v * 10 + (s[*i] - '0');
      if (v > 1000) return false;
      ++*i;
    }
    *out = static_cast<int>(v);
    return true;
  };
  KernelVersion v;
  size_t i = 0;
  if (!number(&i, &v.major) || i >= s.size() || s[i] != '.') return std::nullopt;
  ++i;
  if (!number(&i, &v.minor)) return std::nullopt;
  if (i < s.size() && s[i] != '.' && s[i] != '-' && s[i] != '+' && s[i] != '_')
    return std::nullopt;
  if (v.major < 2) return std::nullopt;
  return v;
}

}  // namespace synlint
