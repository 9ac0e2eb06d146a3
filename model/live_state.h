// SPDX-License-Identifier: MIT
// What `synlint audit` reads from the running kernel (issue #21): running
// sysctl values, the listening TCP sockets (netlink sock_diag) with their
// queues and owners, and the kernel's counters. Plain data, gathered once
// before the rules run; rules read it through Host::live_state.
//
// Fields are only ever added to these structs, never renamed or removed.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "parsers/live/inet_diag.h"
#include "parsers/live/kernel_log.h"

namespace synlint {

/// One listening socket as the kernel reports it (inet_diag, state LISTEN).
struct LiveListener {
  int family = 0;       // AF_INET or AF_INET6 (AF_UNIX if ever added)
  std::string address;  // "0.0.0.0", "127.0.0.1", "::", "::1"
  uint32_t port = 0;
  /// The accept-queue limit: sk_max_ack_backlog, i.e. min(backlog, somaxconn)
  /// at the last listen() (inet_diag idiag_wqueue for a listener).
  int64_t accept_queue_limit = 0;
  /// Connections waiting in the accept queue now: sk_ack_backlog (idiag_rqueue).
  int64_t accept_queue_now = 0;
  /// Request sockets in SYN_RECV for this address:port now.
  int64_t syn_recv_now = 0;
  uint64_t inode = 0;  // the socket's inode (0: not reported)
  /// The owning process, when its /proc/PID/fd could be read.
  std::optional<int> pid;
  std::string comm;  // /proc/PID/comm ("nginx"); "" when unknown
  std::string unit;  // systemd unit from /proc/PID/cgroup ("nginx.service"); "" when none/unknown
  /// "address:port" as users read it: "127.0.0.1:80", "[::]:443".
  std::string Endpoint() const { return live::EndpointText(address, port); }
};

/// A running sysctl value read from /proc/sys.
struct LiveSysctl {
  std::string value;  // the file's text, trailing newline removed
};

struct LiveState {
  /// uname -r of the running kernel, whole ("6.1.0-25-amd64").
  std::string kernel_release;
  /// Running values by dotted key ("net.core.somaxconn" -> "4096"); a key
  /// that could not be read is absent (and said in `unseen`).
  std::map<std::string, std::string> sysctl;
  /// Every TCP listener of the network namespace, sorted by (port, address).
  std::vector<LiveListener> listeners;
  /// Kernel counters by "Group.Name" ("TcpExt.ListenOverflows"), since boot
  /// (filled by the counter reader).
  std::map<std::string, int64_t> counters;
  /// What could not be read and why ("owners of sockets: /proc/1234/fd: permission denied (not root)").
  std::vector<std::string> unseen;
  /// The network namespace audited: "" for the process's own, else the
  /// --netns path or "pid N".
  std::string netns;
  /// The audited network namespace is not the one of PID 1 (the host's,
  /// where the boot-time sysctl loader runs); false when unknown.
  bool other_netns = false;
  /// `audit --watch SECONDS`: how much each counter rose between the first
  /// and the last sample, `counter_seconds` apart (model/live_counters.h);
  /// 0 and empty with one sample (totals only). A counter that went down
  /// (a reset) is absent.
  double counter_seconds = 0;
  std::map<std::string, int64_t> counter_deltas;
  /// The kernel log read (`--kernel-log FILE`, "<stdin>", or "dmesg" for the
  /// ring buffer), "" when none, and its "Possible SYN flooding" lines.
  std::string kernel_log;
  std::vector<live::FloodLine> flood_lines;
};

}  // namespace synlint
