// SPDX-License-Identifier: MIT
// What the kernel really gives each listener: the accept-queue limit
// (the backlog capped by somaxconn at listen() time) and the SYN-queue limit,
// per the target kernel (kernel-facts.md §1, §2, rule 4).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/host.h"

namespace synlint {

/// The backlog a service passes to listen() when the config sets none.
struct DefaultBacklog {
  int64_t value = 511;
  std::string reason;  // "nginx's NGX_LISTEN_BACKLOG on Linux"
  /// The value depends on what the version number does not tell (systemd
  /// 252 and 253 without their stable release: libc's SOMAXCONN before
  /// 252.12 and 253.6, INT_MAX from them).
  /// Rules do not judge an uncertain default.
  bool uncertain = false;
};
DefaultBacklog ServerDefaultBacklog(const Host& host, const ServiceFacts& service);

/// The queue limits for one backlog on the target kernel.
struct QueueLimits {
  int64_t somaxconn = 0;
  /// sk_max_ack_backlog = min((unsigned)backlog, somaxconn), u16 < 4.1: what
  /// `ss -ltn` shows as Send-Q. The accept queue holds one more
  /// (sk_acceptq_is_full() tests >).
  int64_t accept_limit = 0;
  bool wrapped = false;      // truncated modulo 65536 (kernel < 4.1)
  /// False for an AF_UNIX listener: unix_listen() keeps only the accept-queue
  /// limit, so it has no SYN queue and nothing below applies.
  bool has_syn_queue = true;
  /// Request sockets (SYN_RECV) the SYN queue holds before it overflows; when
  /// the host does not tell it (tcp_max_syn_backlog's default on < 4.4, or a
  /// series that got 3479c7549fb1 mid-way), syn_limit..syn_limit_max.
  int64_t syn_limit = 0;
  int64_t syn_limit_max = 0;
  /// With tcp_syncookies = 0 (>= 4.4): SYNs from unproven peers are dropped
  /// once this many requests are pending (tcp_max_syn_backlog - it / 4 + 1);
  /// syn_early_drop..syn_early_drop_max when tcp_max_syn_backlog's default
  /// depends on the machine.
  std::optional<int64_t> syn_early_drop;
  int64_t syn_early_drop_max = 0;
  std::string accept_why;  // "min(ListenBacklog 5000, somaxconn 512) = 512"
  std::string syn_why;     // "roundup_pow_of_two(max(8, min(511, 128, 65536)) + 1) = 256"

  bool SynKnown() const { return syn_limit == syn_limit_max; }
  /// "512" or "512..513".
  std::string SynText() const;
};

/// Computes the limits for `requested` (what the service passes to listen())
/// with the host's effective sysctls, or with `somaxconn_override` etc. when
/// given (to show what a proposed change would give).
QueueLimits ComputeQueues(const Host& host, int64_t requested, const std::string& requested_label,
                          std::optional<int64_t> somaxconn_override = std::nullopt,
                          std::optional<int64_t> max_syn_backlog_override = std::nullopt);

struct ListenerView {
  const ServiceFacts* service = nullptr;
  const Listener* listener = nullptr;
  int64_t requested = 0;
  bool explicit_backlog = false;
  std::string requested_label;  // "ListenBacklog 5000", "nginx default 511"
  std::string default_reason;   // when not explicit
  bool default_uncertain = false;  // see DefaultBacklog::uncertain
  QueueLimits queues;
  /// nginx: other `listen` directives of the same address:port. They share
  /// this socket (one listen() call), whose options come from the one
  /// `listen` that carries them (kernel-facts.md §5), so they get no view.
  std::vector<const Listener*> shared_with;
  /// An AF_UNIX socket (queues.has_syn_queue is false).
  bool unix_socket = false;
};

/// Every listening socket on the host with its computed queues, in service
/// order: one view per listener, except that nginx listeners of one
/// address:port are one socket (the view is the `listen` with options, else
/// the first).
std::vector<ListenerView> ListenerViews(const Host& host);

/// `net.core.somaxconn` in force, and the assignment it comes from (null
/// when it is the kernel default).
int64_t EffectiveSomaxconn(const Host& host, const SysctlEntry** from = nullptr);
/// The target kernel's default somaxconn (SOMAXCONN), from kernel.yaml's
/// defaults for the key.
int64_t SomaxconnDefault(const Host& host);

/// Smallest power of two strictly greater than... as the kernel's roundup_pow_of_two(n).
int64_t RoundUpPowerOfTwo(int64_t n);

/// Requests the 3/4 early drop of tcp_conn_request() lets pend for
/// unproven peers with this tcp_max_syn_backlog: it drops a SYN when
/// `max_syn_backlog - qlen < max_syn_backlog >> 2`, so qlen reaches
/// max_syn_backlog - (max_syn_backlog >> 2) + 1.
int64_t EarlyDropAt(int64_t max_syn_backlog);
/// The smallest tcp_max_syn_backlog whose early drop lets `pending` requests pend.
int64_t MaxSynBacklogFor(int64_t pending);

}  // namespace synlint
