// SPDX-License-Identifier: MIT
#include "parsers/systemd/values.h"

#include <cerrno>
#include <cstdlib>
#include <iterator>

namespace synlint::systemd {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  return s;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

/// unit_name_unescape(): '-' means '/', "\xNN" a byte.
std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-') {
      out += '/';
    } else if (s[i] == '\\' && i + 3 < s.size() && s[i + 1] == 'x') {
      const std::string hex(s.substr(i + 2, 2));
      char* end = nullptr;
      const long v = std::strtol(hex.c_str(), &end, 16);
      if (end == hex.c_str() + 2) {
        out += static_cast<char>(v);
        i += 3;
      } else {
        out += s[i];
      }
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

std::optional<uint64_t> ParseUnsigned(std::string_view text, uint64_t max) {
  std::string_view s = TrimLeft(text);
  if (s.empty() || s.front() == '-') return std::nullopt;
  int base = 0;
  const std::string_view body = s.front() == '+' ? s.substr(1) : s;
  std::string_view digits = body;
  if (body.size() > 2 && body[0] == '0' && (body[1] == 'b' || body[1] == 'B')) {
    base = 2;
    digits = body.substr(2);
  } else if (body.size() > 2 && body[0] == '0' && (body[1] == 'o' || body[1] == 'O')) {
    base = 8;
    digits = body.substr(2);
  }
  if (digits.empty() || digits.front() == '-' || digits.front() == '+' || IsBlank(digits.front()))
    return std::nullopt;
  const std::string copy(digits);
  errno = 0;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(copy.c_str(), &end, base);
  if (errno != 0 || end == copy.c_str() || *end != '\0') return std::nullopt;
  if (v > max) return std::nullopt;
  return static_cast<uint64_t>(v);
}

std::optional<uint64_t> ParseIecSize(std::string_view text) {
  struct Suffix {
    char letter;
    uint64_t factor;
  };
  static constexpr Suffix kTable[] = {
      {'E', 1ull << 60}, {'P', 1ull << 50}, {'T', 1ull << 40}, {'G', 1ull << 30},
      {'M', 1ull << 20}, {'K', 1ull << 10}, {'B', 1},          {'\0', 1},
  };
  std::string_view p = TrimLeft(text);
  if (p.empty() || p.front() == '-') return std::nullopt;
  uint64_t total = 0;
  size_t start = 0;
  do {
    p = TrimLeft(p);
    size_t i = 0;
    uint64_t whole = 0;
    while (i < p.size() && p[i] >= '0' && p[i] <= '9') {
      if (whole > (UINT64_MAX - 9) / 10) return std::nullopt;
      whole = whole * 10 + static_cast<uint64_t>(p[i] - '0');
      ++i;
    }
    if (i == 0) return std::nullopt;
    double frac = 0;
    if (i < p.size() && p[i] == '.') {
      ++i;
      double scale = 0.1;
      const size_t first = i;
      while (i < p.size() && p[i] >= '0' && p[i] <= '9') {
        frac += (p[i] - '0') * scale;
        scale /= 10;
        ++i;
      }
      if (i == first) return std::nullopt;
    }
    while (i < p.size() && IsBlank(p[i])) ++i;
    const char letter = i < p.size() ? p[i] : '\0';
    size_t k = start;
    while (k + 1 < std::size(kTable) && kTable[k].letter != letter) ++k;
    if (k + 1 == std::size(kTable)) {
      // No suffix: nothing may follow (parse_size() would fail on it).
      if (!TrimLeft(p.substr(i)).empty()) return std::nullopt;
    } else {
      ++i;
    }
    const uint64_t f = kTable[k].factor;
    if (whole > UINT64_MAX / f) return std::nullopt;
    const uint64_t part = whole * f + static_cast<uint64_t>(frac * static_cast<double>(f));
    if (part > UINT64_MAX - total) return std::nullopt;
    total += part;
    p = p.substr(i);
    start = k + 1;
  } while (!TrimLeft(p).empty());
  return total;
}

std::optional<bool> ParseBoolean(std::string_view text) {
  for (std::string_view yes : {"1", "yes", "y", "true", "t", "on"})
    if (EqualsNoCase(text, yes)) return true;
  for (std::string_view no : {"0", "no", "n", "false", "f", "off"})
    if (EqualsNoCase(text, no)) return false;
  return std::nullopt;
}

std::optional<Rlimit> ParseRlimit(std::string_view text) {
  auto one = [](std::string_view s, bool* ok) -> std::optional<uint64_t> {
    *ok = true;
    if (s == "infinity") return std::nullopt;
    auto v = ParseUnsigned(s, UINT64_MAX);
    if (!v || *v == UINT64_MAX) *ok = false;  // RLIM_INFINITY spelled as a number
    return v;
  };
  Rlimit r;
  bool ok = false;
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    r.soft = one(text, &ok);
    if (!ok) return std::nullopt;
    r.hard = r.soft;
    return r;
  }
  r.soft = one(text.substr(0, colon), &ok);
  if (!ok) return std::nullopt;
  r.hard = one(text.substr(colon + 1), &ok);
  if (!ok) return std::nullopt;
  if (r.hard && (!r.soft || *r.soft > *r.hard)) return std::nullopt;
  return r;
}

std::optional<std::string> ExpandSpecifiers(std::string_view text, std::string_view unit_name) {
  if (text.find('%') == std::string_view::npos) return std::string(text);
  const size_t dot = unit_name.rfind('.');
  const std::string_view full = unit_name.substr(0, dot);  // without type suffix
  const size_t at = full.find('@');
  const std::string_view prefix = at == std::string_view::npos ? full : full.substr(0, at);
  const std::string_view instance =
      at == std::string_view::npos ? std::string_view() : full.substr(at + 1);
  const size_t dash = prefix.rfind('-');
  const std::string_view last = dash == std::string_view::npos ? prefix : prefix.substr(dash + 1);
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 1 == text.size()) return std::nullopt;
    switch (text[++i]) {
      case '%':
        out += '%';
        break;
      case 'n':
        out += unit_name;
        break;
      case 'N':
        out += full;
        break;
      case 'p':
        out += prefix;
        break;
      case 'i':
        out += instance;
        break;
      case 'I':
        out += Unescape(instance);
        break;
      case 'j':
        out += last;
        break;
      case 'J':
        out += Unescape(last);
        break;
      case 't':
        out += "/run";
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

}  // namespace synlint::systemd
