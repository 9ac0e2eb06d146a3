// SPDX-License-Identifier: MIT
// Apache httpd listeners and limits as synlint::ServiceFacts.
//
// Normalisation of Listener.host: `Listen 80` and `Listen *:80` bind the
// wildcard address of httpd's default family, which on Linux with IPv6 is a
// dual-stack "::" socket and otherwise "0.0.0.0" (server/listen.c
// find_default_family); synlint writes that as host "*", the way `ss -ltn`
// shows such a socket. An IPv6 literal is written without brackets ("::1"),
// anything else as written. address_text is the argument as written.
//
// Listener.context is "Listen"; extra["protocol"] is the protocol argument
// lowercased, or httpd's default ("https" for port 443, else "http");
// extra["indent"] is the Listen line's leading blanks; extra["insert_prefix"]
// is "\n" when the Listen line is the last line and has no line break (so a
// fix inserting "ListenBacklog N\n" at insert_at must start a line first).
// A Listen whose argument holds an unknown ${VAR} still gives a Listener,
// with port 0 and extra["unresolved"] = "1".
//
// ServiceFacts.limits: "MaxRequestWorkers" (also from the old name
// MaxClients), "ServerLimit", "ThreadsPerChild", "StartServers" as set in
// the server config (the last one wins), "ListenBacklog" (the same Setting
// as every Listener.backlog), and "mpm" ("prefork", "worker", "event") from
// the LoadModule of mpm_*_module, located at the module name.
// outbound_connects: the URL argument of ProxyPass, ProxyPassMatch,
// BalancerMember, ProxyRemote(Match) and RewriteRule with the [P] flag when
// it is an http(s)/ws(s)/ajp/fcgi/scgi/uwsgi/h2(c) URL (not unix: sockets,
// not balancer:// names, whose members are counted instead).
#pragma once

#include <optional>

#include "core/file_reader.h"
#include "core/service.h"
#include "parsers/apache/loader.h"

namespace synlint::apache {

/// Loads one Apache service from `options` and extracts its facts.
ServiceFacts ExtractApacheFacts(SourceSet& sources, const LoadOptions& options,
                                const std::string& service);

/// Finds Apache under the root: Debian's etc/apache2/apache2.conf (service
/// "apache2", ServerRoot etc/apache2, variables from etc/apache2/envvars)
/// first, then Red Hat's etc/httpd/conf/httpd.conf (service "httpd",
/// ServerRoot etc/httpd). nullopt when neither main file exists.
std::optional<ServiceFacts> LoadApacheService(SourceSet& sources);

}  // namespace synlint::apache
