// SPDX-License-Identifier: MIT
// What the listener parsers (nginx, Apache, systemd) hand to the host model:
// one ServiceFacts per service found under the root.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/config_format.h"
#include "core/finding.h"
#include "core/small_map.h"
#include "core/syntax.h"

namespace synlint {

/// A value set in a config file, with where it is written.
struct Setting {
  std::string text;              // as written ("4096", "infinity", "${N}")
  std::optional<int64_t> value;  // when numeric and known
  Location location;             // the value's span (or the directive's)
};

/// One socket a service asks the kernel to listen() on.
struct Listener {
  std::string service;       // "nginx", "apache2", "httpd", "web.socket"
  std::string address_text;  // as written: "80", "*:80", "[::]:443", "/run/a.sock"
  std::string host;          // normalised: "0.0.0.0", "::", "127.0.0.1"; "" for unix
  uint32_t port = 0;         // 0 for AF_UNIX / abstract sockets
  bool is_unix = false;
  std::string context;                 // "http", "stream", "ListenStream", ...
  std::optional<Setting> backlog;      // explicit backlog, when set
  Location declared_at;                // the listen directive / Listen / ListenStream=
  /// Listen parameters that nginx counts as "listen options" (backlog=,
  /// rcvbuf=, reuseport, ...), each with its argument's location.
  std::vector<Setting> options;
  /// An empty span where a fix can add a backlog setting for this listener
  /// (nginx: before the ';' of the listen directive; Apache: the start of
  /// the line after the Listen directive; systemd: end of [Socket]).
  std::optional<Location> insert_at;
  /// Server-specific data a fix needs (e.g. "insert_at" offsets), free-form.
  SmallMap<std::string> extra;
};

/// Everything one service's configuration says that synlint reasons about.
struct ServiceFacts {
  std::string service;  // "nginx", "apache2", "httpd", "web.socket"
  /// The format of its configuration: nginx, apache or systemd (a socket unit); never sysctl.
  ConfigFormat kind = ConfigFormat::kNginx;
  std::string main_file;  // root-relative entry point
  std::vector<Listener> listeners;
  /// Related limits by name: "worker_connections", "worker_rlimit_nofile",
  /// "worker_processes", "MaxRequestWorkers", "ServerLimit",
  /// "ThreadsPerChild", "LimitNOFILE", "Backlog", ...
  SmallMap<Setting> limits;
  /// Places that make outgoing TCP connections (proxy_pass to a TCP
  /// upstream, ProxyPass, ...): tcp_syn_retries matters for them.
  std::vector<Location> outbound_connects;
  /// Files read for this service, in the order they were read: {path, format}.
  std::vector<std::pair<std::string, ConfigFormat>> files;
  /// SL001 (syntax), SL002 (file problems) and format rules found while loading.
  std::vector<Finding> findings;
  /// Server-specific data about the whole service, free-form (systemd: the
  /// socket unit's Accept=, paired service, drop-in directory, ...), kept
  /// once rather than in each Listener::extra.
  SmallMap<std::string> extra;
};

/// SL001 for a syntax error in `file`.
Finding SyntaxFinding(const SourceFile& file, const SyntaxError& e);
/// Whether FileProblemFinding's `path` is a root-relative path (a file of
/// the host, found or missing) or the text as the config wrote it (a path
/// that leads outside the root): only the first is shown as a host path.
enum class QuotedPath { kInRoot, kAsWritten };
/// SL002 for a file that cannot be used; `at` is where it was referenced
/// (an include directive), or the file itself at 1:1 when `at` is null.
Finding FileProblemFinding(const std::string& path, const std::string& reason,
                           const Location* at = nullptr, QuotedPath quoted = QuotedPath::kInRoot);
/// "a -> b -> a": the files of an include cycle, for SL002 messages; `f`
/// gets each of them in `message_paths`.
std::string IncludeCycleChain(const std::vector<std::string>& files, Finding* f);

}  // namespace synlint
