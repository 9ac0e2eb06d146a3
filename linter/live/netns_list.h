// SPDX-License-Identifier: MIT
// `synlint audit --all-netns` (issue #21): every network namespace of the
// machine that a process or /run/netns holds, with its listening TCP
// sockets. Each namespace is entered in a child process (setns needs root),
// so the caller's namespace never changes. Read only.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "parsers/live/inet_diag.h"

namespace synlint {

struct NetnsInfo {
  uint64_t inode = 0;               // the namespace's inode: "net:[INODE]" in /proc/PID/ns/net
  bool current = false;             // the namespace synlint runs in
  std::vector<std::string> names;   // /run/netns/NAME bind mounts of it
  std::vector<int> pids;            // processes in it, ascending
  std::string comm;                 // /proc/PID/comm of the first pid
  std::string enter;                // the path entered to read it (/run/netns/NAME or /proc/PID/ns/net)
  std::vector<live::InetSocket> listeners;  // TCP LISTEN sockets, IPv4 and IPv6
  std::string error;                // why its sockets could not be read ("" when they were)
};

/// Every network namespace found through /proc/PID/ns/net and /run/netns,
/// sorted by inode, the current one first. What could not be looked at
/// (other users' processes when not root) goes to `unseen`.
std::vector<NetnsInfo> ListNetworkNamespaces(const std::string& proc, const std::string& run_netns,
                                             std::vector<std::string>* unseen);

}  // namespace synlint
