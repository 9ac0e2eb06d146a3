// SPDX-License-Identifier: MIT
// What must be run for a change to reach the kernel: sysctl files need
// their loader, and a listener's queues change only when the service calls
// listen() again, which each server does differently (kernel-facts.md §5-§7,
// rule 10).
#pragma once

#include <string>
#include <vector>

#include "model/host.h"

namespace synlint {

/// Something an operator must run after a change (restart, reload, ...).
struct Action {
  std::string command;  // "systemctl restart nginx"
  std::string reason;   // "nginx re-reads net.core.somaxconn only at listen()"
  std::string service;  // "nginx", "sysctl", "web.socket"
};

/// One listener whose queues differ between two versions of a host.
struct ListenerChange {
  std::string service;       // "nginx"
  std::string address_text;  // "80"
  int64_t accept_before = 0, accept_after = 0;
  int64_t syn_before = 0, syn_after = 0;
  bool request_changed = false;  // the service's own backlog setting changed
  Location where;                // the backlog setting (after), or the listener
  Action action;                 // what re-creates the socket
};

/// What makes `service` call listen() again, so its sockets get the
/// current configuration and somaxconn; `request_changed`: the service's own
/// backlog setting is not the one its sockets were opened with.
Action ReopenAction(const Host& host, const ServiceFacts& service, bool request_changed);

/// Listeners whose effective queues differ from `before` to `after`.
std::vector<ListenerChange> ListenerChanges(const Host& before, const Host& after);

/// The commands a change from `before` to `after` needs, in order: apply
/// sysctl files, then re-listen each affected service.
std::vector<Action> RestartActions(const Host& before, const Host& after);

}  // namespace synlint
