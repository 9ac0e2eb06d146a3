// SPDX-License-Identifier: MIT
#include "parsers/nginx/directives.h"

#include <algorithm>
#include <array>

namespace synlint::nginx {

namespace {

constexpr uint8_t kBlock = kTakesBlock;
constexpr uint8_t kRaw = kTakesBlock | kRawBlock;
constexpr uint8_t kAny = kAnyArgs;

// Sorted by name (checked below). Argument counts follow the nginx
// documentation of each directive.
constexpr std::array kDirectives = {
    DirectiveInfo{"accept_mutex", 0, 1, 1},
    DirectiveInfo{"access_log", 0, 1, kAny},
    DirectiveInfo{"add_header", 0, 2, 3},
    DirectiveInfo{"alias", 0, 1, 1},
    DirectiveInfo{"allow", 0, 1, 1},
    DirectiveInfo{"autoindex", 0, 1, 1},
    DirectiveInfo{"break", 0, 0, 0},
    DirectiveInfo{"charset_map", kRaw, 2, 2},
    DirectiveInfo{"client_body_buffer_size", 0, 1, 1},
    DirectiveInfo{"client_body_timeout", 0, 1, 1},
    DirectiveInfo{"client_header_timeout", 0, 1, 1},
    DirectiveInfo{"client_max_body_size", 0, 1, 1},
    DirectiveInfo{"daemon", 0, 1, 1},
    DirectiveInfo{"default_type", 0, 1, 1},
    DirectiveInfo{"deny", 0, 1, 1},
    DirectiveInfo{"env", 0, 1, 1},
    DirectiveInfo{"error_log", 0, 1, kAny},
    DirectiveInfo{"error_page", 0, 2, kAny},
    DirectiveInfo{"events", kBlock, 0, 0},
    DirectiveInfo{"expires", 0, 1, 2},
    DirectiveInfo{"fastcgi_index", 0, 1, 1},
    DirectiveInfo{"fastcgi_param", 0, 2, 3},
    DirectiveInfo{"fastcgi_pass", 0, 1, 1},
    DirectiveInfo{"geo", kRaw, 1, 2},
    DirectiveInfo{"grpc_pass", 0, 1, 1},
    DirectiveInfo{"gzip", 0, 1, 1},
    DirectiveInfo{"gzip_comp_level", 0, 1, 1},
    DirectiveInfo{"gzip_min_length", 0, 1, 1},
    DirectiveInfo{"gzip_proxied", 0, 1, kAny},
    DirectiveInfo{"gzip_types", 0, 1, kAny},
    DirectiveInfo{"gzip_vary", 0, 1, 1},
    DirectiveInfo{"http", kBlock, 0, 0},
    DirectiveInfo{"if", kBlock, 1, kAny},
    DirectiveInfo{"include", 0, 1, 1},
    DirectiveInfo{"index", 0, 1, kAny},
    DirectiveInfo{"internal", 0, 0, 0},
    DirectiveInfo{"keepalive", 0, 1, 1},
    DirectiveInfo{"keepalive_requests", 0, 1, 1},
    DirectiveInfo{"keepalive_timeout", 0, 1, 2},
    DirectiveInfo{"limit_except", kBlock, 1, kAny},
    DirectiveInfo{"listen", 0, 1, kAny},
    DirectiveInfo{"load_module", 0, 1, 1},
    DirectiveInfo{"location", kBlock, 1, 2},
    DirectiveInfo{"log_format", 0, 2, kAny},
    DirectiveInfo{"mail", kBlock, 0, 0},
    DirectiveInfo{"map", kRaw, 2, 2},
    DirectiveInfo{"master_process", 0, 1, 1},
    DirectiveInfo{"match", kRaw, 1, 1},
    DirectiveInfo{"memcached_pass", 0, 1, 1},
    DirectiveInfo{"multi_accept", 0, 1, 1},
    DirectiveInfo{"pid", 0, 1, 1},
    DirectiveInfo{"proxy_buffer_size", 0, 1, 1},
    DirectiveInfo{"proxy_buffering", 0, 1, 1},
    DirectiveInfo{"proxy_buffers", 0, 2, 2},
    DirectiveInfo{"proxy_connect_timeout", 0, 1, 1},
    DirectiveInfo{"proxy_http_version", 0, 1, 1},
    DirectiveInfo{"proxy_pass", 0, 1, 1},
    DirectiveInfo{"proxy_read_timeout", 0, 1, 1},
    DirectiveInfo{"proxy_redirect", 0, 1, 2},
    DirectiveInfo{"proxy_send_timeout", 0, 1, 1},
    DirectiveInfo{"proxy_set_header", 0, 2, 2},
    DirectiveInfo{"resolver", 0, 1, kAny},
    DirectiveInfo{"return", 0, 1, 2},
    DirectiveInfo{"rewrite", 0, 2, 3},
    DirectiveInfo{"root", 0, 1, 1},
    DirectiveInfo{"scgi_pass", 0, 1, 1},
    DirectiveInfo{"sendfile", 0, 1, 1},
    DirectiveInfo{"server", kBlock, 0, 0},
    DirectiveInfo{"server_name", 0, 1, kAny},
    DirectiveInfo{"server_names_hash_bucket_size", 0, 1, 1},
    DirectiveInfo{"server_tokens", 0, 1, 1},
    DirectiveInfo{"set", 0, 2, 2},
    DirectiveInfo{"split_clients", kRaw, 2, 2},
    DirectiveInfo{"ssl_certificate", 0, 1, 1},
    DirectiveInfo{"ssl_certificate_key", 0, 1, 1},
    DirectiveInfo{"ssl_ciphers", 0, 1, 1},
    DirectiveInfo{"ssl_prefer_server_ciphers", 0, 1, 1},
    DirectiveInfo{"ssl_protocols", 0, 1, kAny},
    DirectiveInfo{"ssl_session_cache", 0, 1, 2},
    DirectiveInfo{"ssl_session_timeout", 0, 1, 1},
    DirectiveInfo{"stream", kBlock, 0, 0},
    DirectiveInfo{"tcp_nodelay", 0, 1, 1},
    DirectiveInfo{"tcp_nopush", 0, 1, 1},
    DirectiveInfo{"try_files", 0, 2, kAny},
    DirectiveInfo{"types", kRaw, 0, 0},
    DirectiveInfo{"types_hash_max_size", 0, 1, 1},
    DirectiveInfo{"upstream", kBlock, 1, 1},
    DirectiveInfo{"use", 0, 1, 1},
    DirectiveInfo{"user", 0, 1, 2},
    DirectiveInfo{"uwsgi_pass", 0, 1, 1},
    DirectiveInfo{"worker_connections", 0, 1, 1},
    DirectiveInfo{"worker_cpu_affinity", 0, 1, kAny},
    DirectiveInfo{"worker_processes", 0, 1, 1},
    DirectiveInfo{"worker_rlimit_nofile", 0, 1, 1},
};

constexpr bool NameLess(const DirectiveInfo& a, const DirectiveInfo& b) { return a.name < b.name; }
static_assert(std::is_sorted(kDirectives.begin(), kDirectives.end(), NameLess),
              "kDirectives must be sorted by name");

// "server" inside an upstream block names a backend, not a virtual server.
constexpr DirectiveInfo kUpstreamServer{"server", 0, 1, kAny};

// Parameters of ngx_http_core_listen() / ngx_stream_core_listen() after the
// address; names ending in '=' take a value.
constexpr std::array<std::string_view, 20> kListenParameters = {
    "accept_filter=", "backlog=",      "bind",    "default",   "default_server",
    "deferred",       "fastopen=",     "http2",   "ipv6only=", "multipath",
    "proxy_protocol", "quic",          "rcvbuf=", "reuseport", "setfib=",
    "sndbuf=",        "so_keepalive=", "spdy",    "ssl",       "udp",
};

}  // namespace

const DirectiveInfo* FindDirective(std::string_view name, std::string_view parent) {
  if (name == "server" && parent == "upstream") return &kUpstreamServer;
  auto it = std::lower_bound(kDirectives.begin(), kDirectives.end(), name,
                             [](const DirectiveInfo& d, std::string_view n) { return d.name < n; });
  if (it == kDirectives.end() || it->name != name) return nullptr;
  return &*it;
}

const DirectiveInfo* FindDirectiveInAnyContext(std::string_view name) {
  if (name == kUpstreamServer.name) return nullptr;
  return FindDirective(name, "");
}

bool ParentChangesDirectives(std::string_view parent) { return parent == "upstream"; }

bool IsListenParameter(std::string_view arg) {
  for (std::string_view p : kListenParameters) {
    if (p.back() == '=') {
      if (arg.substr(0, p.size()) == p) return true;
    } else if (arg == p) {
      return true;
    }
  }
  return false;
}

}  // namespace synlint::nginx
