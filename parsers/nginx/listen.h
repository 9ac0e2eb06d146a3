// SPDX-License-Identifier: MIT
// The `listen` directive: address normalisation and listen options, as
// ngx_http_core_listen() / ngx_parse_url() read them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/service.h"
#include "parsers/nginx/parser.h"

namespace synlint::nginx {

/// A listen address after nginx's parsing.
struct ListenAddress {
  std::string host;  // "0.0.0.0", "::", "127.0.0.1", "localhost"; "" for unix
  uint32_t port = 0;
  bool is_unix = false;
  std::string unix_path;  // for "unix:/run/a.sock"
  std::string error;      // why nginx would reject it ("invalid port"), or ""
};

/// Parses the first `listen` argument: "80" and "*:80" are 0.0.0.0:80,
/// "[::]:80" is ::, a missing port is 80, "unix:/path" is a unix socket.
/// IPv4/IPv6 literals are printed in canonical form; host names are kept.
ListenAddress ParseListenAddress(std::string_view text);

/// ngx_atoi: decimal digits only, no sign; nullopt otherwise or on overflow.
std::optional<int64_t> ParseNginxInt(std::string_view text);
/// ngx_parse_size: a number with an optional k/K, m/M or g/G suffix.
std::optional<int64_t> ParseNginxSize(std::string_view text);

/// Builds the Listener for `listen` directive `d` of `file` in `context`
/// ("http", "stream", "mail"). Returns nullopt for datagram listeners
/// ("udp" in stream, "quic" in http): they never call listen().
std::optional<Listener> MakeListener(const SourceFile& file, const ParseResult& r, uint32_t d,
                                     std::string_view context);

/// The Listener nginx adds for an http `server` block without `listen`:
/// *:80 (nginx uses *:8000 when not started as root). `server` is the
/// server directive; insert_at is just after its '{'.
Listener MakeImplicitListener(const SourceFile& file, const ParseResult& r, uint32_t server);

}  // namespace synlint::nginx
