// SPDX-License-Identifier: MIT
#include "parsers/live/kernel_log.h"

#include <arpa/inet.h>

#include <charconv>
#include <optional>

namespace synlint::live {
namespace {

constexpr std::string_view kAnchor = "flooding on port ";  // every wording has it as is

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (Lower(s[i]) != Lower(prefix[i])) return false;
  return true;
}

bool IsWordChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Splits "WORD:" off the end of `s` (after trailing blanks); nullopt if it does not end so.
std::optional<std::string_view> TakeTag(std::string_view* s) {
  std::string_view t = TrimRight(*s);
  if (t.empty() || t.back() != ':') return std::nullopt;
  t.remove_suffix(1);
  size_t start = t.size();
  while (start > 0 && IsWordChar(t[start - 1])) --start;
  if (start == t.size()) return std::nullopt;
  if (start > 0 && t[start - 1] != ' ' && t[start - 1] != '\t' && t[start - 1] != ']' && t[start - 1] != ';')
    return std::nullopt;  // ';' ends /dev/kmsg's record header
  const std::string_view word = t.substr(start);
  *s = t.substr(0, start);
  return word;
}

bool ValidAddress(const std::string& address, bool v6) {
  unsigned char buf[16];
  return inet_pton(v6 ? AF_INET6 : AF_INET, address.c_str(), buf) == 1;
}

// Parses one line whose `at` is the offset of kAnchor; false when the line is
// not one of the kernel's wordings.
bool ParseLine(std::string_view line, size_t at, FloodLine* out) {
  constexpr std::string_view kPossible = "possible SYN ";
  if (at < kPossible.size() || !StartsWithNoCase(line.substr(at - kPossible.size()), kPossible)) return false;
  const size_t possible = at - kPossible.size();
  const bool lowercase = line[possible] == 'p';

  // After "port ": "80", "127.0.0.1:80" or "[::1]:80", then ". ".
  std::string_view rest = line.substr(at + kAnchor.size());
  if (!rest.empty() && rest.front() == '[') {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ':') return false;
    out->address = std::string(rest.substr(1, close - 1));
    if (!ValidAddress(out->address, true)) return false;
    out->ipv6 = true;
    rest.remove_prefix(close + 2);
  } else {
    const size_t colon = rest.find(':');
    const size_t dot_space = rest.find(". ");
    if (colon != std::string_view::npos && colon < dot_space) {
      out->address = std::string(rest.substr(0, colon));
      if (!ValidAddress(out->address, false)) return false;
      rest.remove_prefix(colon + 1);
    }
  }
  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  uint32_t port = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + digits, port);
  if (digits == 0 || digits > 5 || ec != std::errc() || port > 65535) return false;
  out->port = port;
  rest.remove_prefix(digits);
  if (!StartsWithNoCase(rest, ". ")) return false;
  rest.remove_prefix(2);
  if (StartsWithNoCase(rest, "Sending cookies")) {
    out->action = FloodAction::kSendingCookies;
  } else if (StartsWithNoCase(rest, "Dropping request")) {
    out->action = FloodAction::kDroppingRequest;
  } else {
    return false;
  }

  if (!out->address.empty())
    out->wording = FloodWording::kWithAddress;
  else if (rest.find("Check SNMP counters") != std::string_view::npos)
    out->wording = FloodWording::kCheckCounters;
  else if (lowercase)
    out->wording = FloodWording::kLowercase;
  else
    out->wording = FloodWording::kPortOnly;

  // Before "Possible": the proto ("request_sock_TCP:"), pr_fmt's "TCP:", then
  // whatever the log tool put there.
  std::string_view before = line.substr(0, possible);
  std::string_view probe = before;
  const std::optional<std::string_view> last = TakeTag(&probe);
  if (last) {
    std::string_view probe2 = probe;
    const std::optional<std::string_view> first = TakeTag(&probe2);
    if (first && *first == "TCP") {  // "TCP: PROTO: Possible" (3.1 and later)
      out->proto = std::string(*last);
      before = probe2;
    } else if (*last == "TCP") {  // "TCP: Possible": pr_fmt alone (2.6.3x-3.0)
      before = probe;
    }
  }
  out->context = std::string(TrimRight(before));
  if (out->proto.size() >= 2 && out->proto.compare(out->proto.size() - 2, 2, "v6") == 0) out->ipv6 = true;
  return true;
}

}  // namespace

FloodScan FindSynFloodLines(std::string_view text) {
  FloodScan scan;
  uint32_t line_no = 1;
  size_t counted_to = 0;  // newlines before this offset are in line_no
  size_t pos = 0;
  while ((pos = text.find(kAnchor, pos)) != std::string_view::npos) {
    const size_t begin = text.rfind('\n', pos) == std::string_view::npos ? 0 : text.rfind('\n', pos) + 1;
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    for (size_t i = counted_to; i < begin; ++i) line_no += text[i] == '\n';
    counted_to = begin;
    std::string_view line = text.substr(begin, end - begin);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    FloodLine found;
    found.line = line_no;
    if (!ParseLine(line, pos - begin, &found)) {
      if (line.find("SYN flooding") != std::string_view::npos ||
          line.find("syn flooding") != std::string_view::npos)
        scan.unrecognised.push_back(line_no);
    } else if (scan.lines.size() < kMaxFloodLines) {
      scan.lines.push_back(std::move(found));
    } else {
      ++scan.not_kept;
    }
    pos = end;  // one message per line
  }
  return scan;
}

std::string_view FloodActionText(FloodAction action) {
  return action == FloodAction::kSendingCookies ? "Sending cookies" : "Dropping request";
}

std::string_view FloodWordingKernels(FloodWording wording) {
  switch (wording) {
    case FloodWording::kLowercase: return "Linux 2.6.2x and before";
    case FloodWording::kPortOnly: return "Linux 2.6.3x to 3.0";
    case FloodWording::kCheckCounters: return "Linux 3.1 to 6.1";
    case FloodWording::kWithAddress: return "Linux 6.2 and later";
  }
  return "";
}

}  // namespace synlint::live
