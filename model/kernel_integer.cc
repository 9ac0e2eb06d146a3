// SPDX-License-Identifier: MIT
#include "model/kernel_integer.h"

#include <limits>

namespace synlint {

namespace {

// proc_get_long() copies at most TMPBUFLEN - 1 = 21 bytes and refuses a
// number that fills them, since it cannot see where such a number ends.
constexpr size_t kMaxNumberChars = 20;

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

}  // namespace

std::optional<KernelNumber> ParseKernelNumber(std::string_view s) {
  if (s.empty() || s.size() > kMaxNumberChars) return std::nullopt;
  size_t i = 0;
  const bool neg = s[0] == '-';
  if (neg) ++i;
  // isdigit(*p) comes before strtoul_lenient(): "-", "+1" and "x1" fail.
  if (i == s.size() || s[i] < '0' || s[i] > '9') return std::nullopt;
  // _parse_integer_fixup_radix() with base 0.
  unsigned base = 10;
  if (s[i] == '0') {
    base = 8;
    if (i + 2 < s.size() && (s[i + 1] == 'x' || s[i + 1] == 'X') && DigitValue(s[i + 2]) < 16) {
      base = 16;
      i += 2;
    }
  }
  constexpr uint64_t kMax = std::numeric_limits<uint64_t>::max();
  uint64_t v = 0;
  for (; i < s.size(); ++i) {
    const int d = DigitValue(s[i]);
    // Any other character ends the number, and what follows it in one
    // field is refused (only whitespace may follow: the caller split on it).
    if (d >= static_cast<int>(base)) return std::nullopt;
    // strtoul_lenient(): KSTRTOX_OVERFLOW is -ERANGE, so EINVAL.
    if (v > (kMax - static_cast<uint64_t>(d)) / base) return std::nullopt;
    v = v * base + static_cast<uint64_t>(d);
  }
  return KernelNumber{neg, v};
}

std::optional<int64_t> ParseKernelInt(std::string_view s) {
  const auto n = ParseKernelNumber(s);
  if (!n) return std::nullopt;
  // The magnitude may reach 2^63 for a negative value (INT64_MIN).
  constexpr uint64_t kMax = static_cast<uint64_t>(std::numeric_limits<int64_t>::max());
  if (n->magnitude > kMax + (n->negative ? 1 : 0)) return std::nullopt;
  if (!n->negative) return static_cast<int64_t>(n->magnitude);
  return n->magnitude == kMax + 1 ? std::numeric_limits<int64_t>::min() : -static_cast<int64_t>(n->magnitude);
}

}  // namespace synlint
