// SPDX-License-Identifier: MIT
#include "parsers/systemd/address.h"

#include <arpa/inet.h>

#include "parsers/systemd/values.h"

namespace synlint::systemd {

namespace {

constexpr size_t kSunPathSize = 108;  // sizeof(sockaddr_un::sun_path) on Linux

/// parse_ip_port(): a number 1-65535, no leading blanks. Sets `*out_of_range`
/// when the text is a number that is not a port.
std::optional<uint32_t> ParsePort(std::string_view s, bool* out_of_range) {
  *out_of_range = false;
  if (s.empty() || s.front() == ' ' || s.front() == '\t') return std::nullopt;
  const auto wide = ParseUnsigned(s, UINT64_MAX);
  if (!wide) return std::nullopt;
  if (*wide == 0 || *wide > 65535) {
    *out_of_range = true;
    return std::nullopt;
  }
  return static_cast<uint32_t>(*wide);
}

bool Ipv4Text(std::string_view s, std::string* canonical) {
  const std::string copy(s);
  in_addr a{};
  if (inet_pton(AF_INET, copy.c_str(), &a) != 1) return false;
  char buf[INET_ADDRSTRLEN];
  if (!inet_ntop(AF_INET, &a, buf, sizeof buf)) return false;
  *canonical = buf;
  return true;
}

bool Ipv6Text(std::string_view s, std::string* canonical) {
  const std::string copy(s);
  in6_addr a{};
  if (inet_pton(AF_INET6, copy.c_str(), &a) != 1) return false;
  char buf[INET6_ADDRSTRLEN];
  if (!inet_ntop(AF_INET6, &a, buf, sizeof buf)) return false;
  *canonical = buf;
  return true;
}

/// ifname_valid(): 1-15 bytes, printable, no '/', ':' or blanks, not "." / "..".
bool ValidInterfaceName(std::string_view s) {
  if (s.empty() || s.size() > 15 || s == "." || s == "..") return false;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= ' ' || u >= 0x7f || c == '/' || c == ':' || c == '%') return false;
  }
  return true;
}

}  // namespace

std::string_view FamilyName(ListenAddress::Family f) {
  switch (f) {
    case ListenAddress::Family::kUnix:
      return "unix";
    case ListenAddress::Family::kIpv4:
      return "ipv4";
    case ListenAddress::Family::kIpv6:
      return "ipv6";
    case ListenAddress::Family::kVsock:
      return "vsock";
  }
  return "?";
}

std::optional<ListenAddress> ParseListenAddress(std::string_view text, std::string* error) {
  ListenAddress a;
  auto fail = [&](std::string why) -> std::optional<ListenAddress> {
    *error = std::move(why);
    return std::nullopt;
  };
  if (text.empty()) return fail("the address is empty");
  if (text.front() == '/' || text.front() == '@') {
    a.family = ListenAddress::Family::kUnix;
    a.abstract = text.front() == '@';
    a.path = std::string(text);
    const size_t limit = a.abstract ? kSunPathSize - 1 : kSunPathSize;
    if (text.size() >= limit)
      return fail("unix socket path is " + std::to_string(text.size()) + " bytes; the limit is " +
                  std::to_string(limit - 1));
    return a;
  }
  for (std::string_view prefix : {"vsock:", "vsock-stream:", "vsock-dgram:", "vsock-seqpacket:"}) {
    if (text.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = text.substr(prefix.size());
    const size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return fail("expected 'vsock:CID:PORT'");
    const auto port = ParseUnsigned(rest.substr(colon + 1));
    if (!port) return fail("invalid vsock port '" + std::string(rest.substr(colon + 1)) + "'");
    const std::string_view cid = rest.substr(0, colon);
    if (!cid.empty() && !ParseUnsigned(cid))
      return fail("invalid vsock CID '" + std::string(cid) + "'");
    a.family = ListenAddress::Family::kVsock;
    a.host = "vsock:" + (cid.empty() ? std::string() : std::to_string(*ParseUnsigned(cid)));
    a.port = static_cast<uint32_t>(*port);
    return a;
  }
  bool out_of_range = false;
  if (auto port = ParsePort(text, &out_of_range)) {
    a.family = ListenAddress::Family::kIpv6;
    a.host = "::";
    a.port = *port;
    a.port_only = true;
    return a;
  }
  if (out_of_range) return fail("port " + std::string(text) + " is out of range 1-65535");

  std::string_view s = text;
  if (s.find('#') != std::string_view::npos) return fail("a server name ('#') is not allowed here");
  if (const size_t pct = s.find('%'); pct != std::string_view::npos) {
    a.interface = std::string(s.substr(pct + 1));
    if (!ValidInterfaceName(a.interface))
      return fail("invalid interface name '" + a.interface + "'");
    s = s.substr(0, pct);
  }
  const size_t colon = s.rfind(':');
  if (colon == std::string_view::npos)
    return fail("expected a port, 'v.w.x.y:PORT', '[ipv6]:PORT', a path or '@name'");
  if (s.front() == '[') {
    if (colon == 0 || s[colon - 1] != ']') return fail("expected '[ipv6]:PORT'");
    if (!Ipv6Text(s.substr(1, colon - 2), &a.host))
      return fail("invalid IPv6 address '" + std::string(s.substr(1, colon - 2)) + "'");
    a.family = ListenAddress::Family::kIpv6;
  } else {
    std::string ignored;
    if (Ipv6Text(s, &ignored))
      return fail("the address has no port; write '[" + std::string(s) + "]:PORT'");
    if (!Ipv4Text(s.substr(0, colon), &a.host))
      return fail("invalid IPv4 address '" + std::string(s.substr(0, colon)) + "'");
    a.family = ListenAddress::Family::kIpv4;
  }
  const auto port = ParsePort(s.substr(colon + 1), &out_of_range);
  if (!port) {
    return fail(out_of_range
                    ? "port " + std::string(s.substr(colon + 1)) + " is out of range 1-65535"
                    : "invalid port '" + std::string(s.substr(colon + 1)) + "'");
  }
  a.port = *port;
  return a;
}

}  // namespace synlint::systemd
