// SPDX-License-Identifier: MIT
// What an nginx configuration says about listening sockets and limits, as
// synlint::ServiceFacts.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/file_reader.h"
#include "core/service.h"
#include "parsers/nginx/loader.h"

namespace synlint::nginx {

/// Facts of a loaded configuration (service "nginx", kind nginx):
/// - listeners: one per stream `listen` (TCP only) in http/server,
///   stream/server and mail/server, plus the implicit *:80 of an http server
///   without `listen` (extra["implicit"] = "true");
/// - limits: "worker_connections" (events), "worker_rlimit_nofile",
///   "worker_processes", as written (nginx's worker_connections default of
///   512 applies when absent and is not recorded);
/// - outbound_connects: proxy_pass/fastcgi_pass/uwsgi_pass/scgi_pass/
///   grpc_pass/memcached_pass whose target is TCP (not "unix:", nor an
///   upstream whose servers are all unix sockets); targets held in variables
///   count as TCP;
/// - files: every file read, once, format nginx; findings: from loading.
ServiceFacts ExtractNginx(const NginxConfig& config);

/// How many listeners ExtractNginx() makes at most when no file is included
/// twice: one per `listen` and per `server` block with no `listen` directly
/// inside.
size_t ListenerCapacity(const NginxConfig& config);

/// Loads and extracts; nullopt when `main_path` does not exist.
std::optional<ServiceFacts> LoadNginxService(SourceSet& sources,
                                             const std::string& main_path = "etc/nginx/nginx.conf",
                                             std::string prefix = "");

}  // namespace synlint::nginx
