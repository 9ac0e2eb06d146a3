// SPDX-License-Identifier: MIT
// Socket addresses of ListenStream=, ListenSequentialPacket= and
// ListenDatagram= (systemd.socket(5); src/shared/socket-netlink.c
// socket_address_parse()).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace synlint::systemd {

struct ListenAddress {
  enum class Family { kUnix, kIpv4, kIpv6, kVsock };
  Family family = Family::kUnix;
  /// Normalised host: "0.0.0.0"-style dotted quad, canonical IPv6 text
  /// ("::", "::1"), "vsock:CID" (CID as written, "" for any); "" for unix.
  std::string host;
  uint32_t port = 0;       // 0 for unix sockets
  std::string path;        // unix: the path, or "@name" for abstract ones
  bool abstract = false;   // unix socket in the abstract namespace ("@name")
  bool port_only = false;  // "PORT" alone: an IPv6 socket on "::", dual-stack
                           // unless BindIPv6Only=ipv6-only
  std::string interface;   // "[x]:y%dev" / "v.w.x.y:z%dev"
};

std::string_view FamilyName(ListenAddress::Family f);

/// Parses one address in the order systemd tries: "/path" and "@name"
/// (unix; at most 107 bytes), "vsock:CID:PORT", "PORT" (1-65535),
/// "v.w.x.y:PORT", "[ipv6]:PORT", each IP form with an optional "%dev".
/// On failure returns nullopt and sets `*error` ("port 0 is out of range").
std::optional<ListenAddress> ParseListenAddress(std::string_view text, std::string* error);

}  // namespace synlint::systemd
