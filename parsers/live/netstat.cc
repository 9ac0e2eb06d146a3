// SPDX-License-Identifier: MIT
#include "parsers/live/netstat.h"

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <set>

namespace synlint::live {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::vector<std::string_view> Fields(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    const size_t start = i;
    while (i < s.size() && !IsBlank(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool IsGroupName(std::string_view s) {
  if (s.empty()) return false;
  for (const char c : s)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

// A printable rendering of a word for messages, cut to a sane length.
std::string Quote(std::string_view word) {
  std::string out = "'";
  static constexpr char kHex[] = "0123456789abcdef";
  for (const char c : word.substr(0, 40)) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x20 && b < 0x7f && b != '\\') {
      out += c;
    } else {
      out += "\\x";
      out += kHex[b >> 4];
      out += kHex[b & 15];
    }
  }
  if (word.size() > 40) out += "...";
  return out + "'";
}

struct Header {
  std::string group;
  uint32_t line = 0;
  std::vector<std::string_view> names;
};

void AddValues(const Header& header, std::vector<std::string_view> values, uint32_t line,
               CounterFile* out) {
  if (values.size() != header.names.size())
    out->errors.push_back({line, "'" + header.group + ":' has " + std::to_string(values.size()) +
                                     " values for the " + std::to_string(header.names.size()) +
                                     " names at line " + std::to_string(header.line)});
  std::set<std::string_view> seen;
  const size_t n = std::min(values.size(), header.names.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view name = header.names[i];
    const std::string_view text = values[i];
    if (!seen.insert(name).second) {
      out->errors.push_back({header.line, "'" + header.group + ":' names " + Quote(name) +
                                              " twice; the first is kept"});
      continue;
    }
    if (text.size() > 1 && text[0] == '-' && text.find_first_not_of("0123456789", 1) == std::string_view::npos)
      continue;  // signed and negative: a setting such as Tcp MaxConn, not a counter
    uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc::result_out_of_range) {
      out->errors.push_back({line, "value " + Quote(text) + " of " + header.group + " " +
                                       std::string(name) + " is out of range"});
      continue;
    }
    if (ec != std::errc() || end != text.data() + text.size()) {
      out->errors.push_back({line, "value " + Quote(text) + " of " + header.group + " " +
                                       std::string(name) + " is not a number"});
      continue;
    }
    out->counters.emplace(CounterName(header.group, name), value);
  }
}

}  // namespace

std::string CounterName(std::string_view group, std::string_view field) {
  std::string name(group);
  name += '.';
  name += field;
  return name;
}

CounterFile ParseCounterFile(std::string_view text) {
  CounterFile out;
  std::optional<Header> pending;
  std::set<std::string> done;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Fields(line).empty()) continue;
    const size_t colon = line.find(':');
    const std::string_view group = colon == std::string_view::npos ? std::string_view() : line.substr(0, colon);
    if (!IsGroupName(group)) {
      out.errors.push_back({line_no, "expected 'Group: ...' (a name, a colon, then fields), got " +
                                         Quote(Fields(line).front())});
      continue;
    }
    const std::vector<std::string_view> fields = Fields(line.substr(colon + 1));
    if (pending && pending->group == group) {
      if (done.insert(pending->group).second) {
        out.groups.push_back(pending->group);
        AddValues(*pending, fields, line_no, &out);
      } else {
        out.errors.push_back({pending->line, "group '" + pending->group + ":' appears again; the first is kept"});
      }
      pending.reset();
      continue;
    }
    if (pending)
      out.errors.push_back({pending->line, "'" + pending->group + ":' has no line of values after it"});
    pending = Header{std::string(group), line_no, fields};
  }
  if (pending)
    out.errors.push_back({pending->line, "'" + pending->group + ":' has no line of values after it"});
  return out;
}

std::optional<CounterFile> ReadCounterFile(const std::string& path, std::string* error) {
  constexpr size_t kMaxBytes = size_t{1} << 20;
  FILE* f = std::fopen(path.c_str(), "re");
  if (f == nullptr) {
    *error = path + ": " + std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buf[8192];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxBytes) {
      std::fclose(f);
      *error = path + ": larger than 1 MiB, not a kernel counter file";
      return std::nullopt;
    }
  }
  const bool failed = std::ferror(f) != 0;
  const int saved = errno;
  std::fclose(f);
  if (failed) {
    *error = path + ": " + std::strerror(saved);
    return std::nullopt;
  }
  return ParseCounterFile(text);
}

}  // namespace synlint::live
