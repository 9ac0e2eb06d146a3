// SPDX-License-Identifier: MIT
#include "parsers/apache/listen_address.h"

#include <arpa/inet.h>

namespace synlint::apache {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// atoi() of a digit run, saturated so that huge values stay out of range.
uint32_t Port(std::string_view digits) {
  uint32_t v = 0;
  for (char c : digits) {
    v = v * 10 + static_cast<uint32_t>(c - '0');
    if (v > 100000) return 100000;
  }
  return v;
}

}  // namespace

ListenAddress ParseListenAddress(std::string_view s) {
  ListenAddress out;
  const std::string kInvalid = "invalid address or port";
  if (s.empty()) {
    out.error = kInvalid;
    return out;
  }
  size_t digits = s.size();
  while (digits > 0 && IsDigit(s[digits - 1])) --digits;
  if (digits == 0) {  // the whole text is the port
    out.port = Port(s);
    if (out.port < 1 || out.port > 65535) out.error = kInvalid;
    if (!out.error.empty()) out.port = 0;
    return out;
  }
  size_t addr_len = s.size();
  if (s[digits - 1] == ':' && digits < s.size()) {
    if (digits == 1) {  // ":80"
      out.error = kInvalid;
      return out;
    }
    out.port = Port(s.substr(digits));
    if (out.port < 1 || out.port > 65535) {
      out.port = 0;
      out.error = kInvalid;
      return out;
    }
    addr_len = digits - 1;
  }
  std::string_view addr = s.substr(0, addr_len);
  if (addr[0] == '[') {
    if (addr.size() < 2 || addr.back() != ']' || addr.find(']') != addr.size() - 1) {
      out.port = 0;
      out.error = kInvalid;
      return out;
    }
    addr = addr.substr(1, addr.size() - 2);
    const size_t scope = addr.find('%');
    if (scope != std::string_view::npos) {
      out.port = 0;
      out.error = scope + 1 == addr.size() ? kInvalid : "scope id is not supported";
      return out;
    }
    const std::string a(addr);
    in6_addr parsed;
    if (inet_pton(AF_INET6, a.c_str(), &parsed) != 1) {
      out.port = 0;
      out.error = kInvalid;
      return out;
    }
    out.ipv6 = true;
    out.host = a;
  } else if (addr != "*") {
    out.host = std::string(addr);
  }
  if (out.port == 0) out.error = "port must be specified";
  return out;
}

}  // namespace synlint::apache
