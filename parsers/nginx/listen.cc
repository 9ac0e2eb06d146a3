// SPDX-License-Identifier: MIT
#include "parsers/nginx/listen.h"

#include <arpa/inet.h>

#include <array>
#include <limits>

namespace synlint::nginx {

namespace {

constexpr uint32_t kDefaultPort = 80;

// Parameters that make a `listen` carry "listen options" (lsopt.set in
// ngx_http_core_listen); names ending in '=' take a value.
constexpr std::array<std::string_view, 12> kListenOptions = {
    "bind",           "setfib=",  "fastopen=", "backlog=",  "rcvbuf=",       "sndbuf=",
    "accept_filter=", "deferred", "ipv6only=", "reuseport", "so_keepalive=", "multipath",
};

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool IsListenOption(std::string_view arg) {
  for (std::string_view o : kListenOptions) {
    if (o.back() == '=' ? StartsWith(arg, o) : arg == o) return true;
  }
  return false;
}

/// Canonical text of an IP literal, or "" when `s` is none of family `af`.
std::string CanonicalIp(int af, std::string_view s) {
  if (s.size() >= INET6_ADDRSTRLEN) return "";
  char in[INET6_ADDRSTRLEN] = {};
  s.copy(in, s.size());
  unsigned char buf[16];
  if (inet_pton(af, in, buf) != 1) return "";
  char out[INET6_ADDRSTRLEN];
  return inet_ntop(af, buf, out, sizeof out) ? std::string(out) : "";
}

bool ParsePort(std::string_view text, ListenAddress* a) {
  const std::optional<int64_t> n = ParseNginxInt(text);
  if (!n || *n < 1 || *n > 65535) {
    a->error = "invalid port";
    return false;
  }
  a->port = static_cast<uint32_t>(*n);
  return true;
}

std::optional<int64_t> OptionValue(std::string_view arg) {
  const size_t eq = arg.find('=');
  if (eq == std::string_view::npos) return std::nullopt;
  const std::string_view name = arg.substr(0, eq + 1);
  const std::string_view value = arg.substr(eq + 1);
  if (name == "rcvbuf=" || name == "sndbuf=") return ParseNginxSize(value);
  if (name == "backlog=" || name == "setfib=" || name == "fastopen=") return ParseNginxInt(value);
  if (name == "ipv6only=") {
    if (value == "on") return 1;
    if (value == "off") return 0;
  }
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> ParseNginxInt(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    if (v > (std::numeric_limits<int64_t>::max() - (c - '0')) / 10) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

std::optional<int64_t> ParseNginxSize(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t scale = 1;
  switch (text.back()) {
    case 'k':
    case 'K':
      scale = 1024;
      break;
    case 'm':
    case 'M':
      scale = 1024 * 1024;
      break;
    case 'g':
    case 'G':
      scale = 1024 * 1024 * 1024;
      break;
    default:
      break;
  }
  if (scale != 1) text.remove_suffix(1);
  const std::optional<int64_t> n = ParseNginxInt(text);
  if (!n || *n > std::numeric_limits<int64_t>::max() / scale) return std::nullopt;
  return *n * scale;
}

ListenAddress ParseListenAddress(std::string_view text) {
  ListenAddress a;
  if (text.size() >= 5 && (text.substr(0, 5) == "unix:" || text.substr(0, 5) == "UNIX:")) {
    a.is_unix = true;
    a.unix_path = std::string(text.substr(5));
    if (a.unix_path.empty()) a.error = "no path in the unix domain socket";
    return a;
  }
  a.port = kDefaultPort;
  if (!text.empty() && text.front() == '[') {
    const size_t close = text.find(']');
    if (close == std::string_view::npos) {
      a.error = "invalid host";
      return a;
    }
    a.host = CanonicalIp(AF_INET6, text.substr(1, close - 1));
    if (a.host.empty()) {
      a.host = std::string(text.substr(1, close - 1));
      a.error = "invalid IPv6 address";
    }
    const std::string_view rest = text.substr(close + 1);
    if (rest.empty()) return a;
    if (rest.front() != ':') {
      a.error = "invalid host";
      return a;
    }
    ParsePort(rest.substr(1), &a);
    return a;
  }
  std::string_view host = text;
  const size_t colon = text.find(':');
  if (colon != std::string_view::npos) {
    host = text.substr(0, colon);
    if (!ParsePort(text.substr(colon + 1), &a)) {
      a.host = std::string(host);
      return a;
    }
  } else if (ParseNginxInt(text)) {
    // A bare number is a port on all addresses.
    a.host = "0.0.0.0";
    ParsePort(text, &a);
    return a;
  }
  if (host.empty()) {
    a.error = "no host";
    return a;
  }
  if (host == "*") {
    a.host = "0.0.0.0";
    return a;
  }
  a.host = CanonicalIp(AF_INET, host);
  if (a.host.empty()) a.host = std::string(host);  // a name nginx resolves at start
  return a;
}

std::optional<Listener> MakeListener(const SourceFile& file, const ParseResult& r, uint32_t d,
                                     std::string_view context) {
  const Directive& dir = r.directives[d];
  Listener l;
  l.service = "nginx";
  l.context = std::string(context);
  l.declared_at = MakeLocation(file, dir.span());
  l.insert_at = MakeLocation(file, Span{dir.terminator().begin, dir.terminator().begin});
  if (dir.arg_count() == 0) {
    l.extra["invalid"] = "'listen' needs an address";
    return l;
  }
  l.address_text = WordValue(file.text, r.words[dir.name + 1]);
  ListenAddress a = ParseListenAddress(l.address_text);
  l.host = std::move(a.host);
  l.port = a.port;
  l.is_unix = a.is_unix;
  if (!a.error.empty()) l.extra["invalid"] = a.error;
  for (uint32_t w = dir.name + 2; w < dir.args_end; ++w) {
    const std::string arg = WordValue(file.text, r.words[w]);
    const Location at = MakeLocation(file, r.words[w].span());
    if (arg == "udp" || arg == "quic") return std::nullopt;
    if (arg == "default_server" || arg == "default") l.extra["default_server"] = "true";
    if (!IsListenOption(arg)) continue;
    l.options.push_back(Setting{arg, OptionValue(arg), at});
    if (StartsWith(arg, "backlog=")) {
      std::optional<int64_t> n = ParseNginxInt(arg.substr(8));
      if (n && *n == 0) n.reset();  // nginx: invalid backlog
      l.backlog = Setting{arg.substr(8), n, at};
    }
  }
  return l;
}

Listener MakeImplicitListener(const SourceFile& file, const ParseResult& r, uint32_t server) {
  const Directive& dir = r.directives[server];
  Listener l;
  l.service = "nginx";
  l.context = "http";
  l.address_text = "*:80";
  l.host = "0.0.0.0";
  l.port = kDefaultPort;
  l.declared_at = MakeLocation(file, r.words[dir.name].span(), "server without 'listen'");
  const uint32_t after_brace = dir.has_block ? dir.block().begin + 1 : dir.span().end;
  l.insert_at = MakeLocation(file, Span{after_brace, after_brace});
  l.extra["implicit"] = "true";
  l.extra["note"] = "nginx listens on *:8000 instead when it is not started as root";
  return l;
}

}  // namespace synlint::nginx
