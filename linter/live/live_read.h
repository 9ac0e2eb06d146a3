// SPDX-License-Identifier: MIT
// Reads the running kernel's state for `synlint audit` (issue #21): the
// running values of the host's sysctl keys, every TCP listener with its
// queues, SYN_RECV requests and owner. Reads /proc and netlink of the
// network namespace the process is in (EnterNetns switches it first); never
// writes.
#pragma once

#include <string>

#include "model/host.h"
#include "model/live_state.h"

namespace synlint {

struct LiveReadOptions {
  std::string proc = "/proc";  // where procfs is mounted
  std::string netns;           // label for LiveState::netns ("" = the process's own)
};

/// Reads the live state for `host`: /proc/sys for every key the knowledge
/// base knows on the running kernel and every key the host's sysctl files
/// set exactly; listeners through sock_diag; owners through /proc/PID/fd.
/// What cannot be read goes to LiveState::unseen, never fails the run.
LiveState ReadLiveState(const Host& host, const LiveReadOptions& options = {});

/// Moves the process into the network namespace at `path` (a bind mount
/// such as /run/netns/NAME, or /proc/PID/ns/net); root only. False with `err`.
bool EnterNetns(const std::string& path, std::string* err);

}  // namespace synlint
