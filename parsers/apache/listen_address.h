// SPDX-License-Identifier: MIT
// The argument of httpd's `Listen`, split as apr_parse_addr_port() and
// ap_set_listener() (server/listen.c) do.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace synlint::apache {

struct ListenAddress {
  /// Empty when httpd accepts the address; otherwise its complaint in
  /// synlint's style ("invalid address or port", "port must be specified",
  /// "scope id is not supported").
  std::string error;
  /// The host as written without brackets ("127.0.0.1", "::1",
  /// "www.example.com"); empty for "80" and "*:80", which listen on every
  /// address.
  std::string host;
  bool ipv6 = false;  // written as "[...]"
  uint32_t port = 0;
};

/// Splits `[addr:]port`, `[v6addr]:port` and `*:port`.
ListenAddress ParseListenAddress(std::string_view text);

}  // namespace synlint::apache
