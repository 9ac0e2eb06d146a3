// SPDX-License-Identifier: MIT
// What `synlint tune` proposes for one host and one load: per listener the
// backlog to ask for and the queues the kernel then gives, and the sysctls
// behind them (net.core.somaxconn, tcp_max_syn_backlog, tcp_syncookies),
// for the target kernel (kernel-facts.md §1-§3, §7). Pure arithmetic on the
// Host; edits are built from it in tune_fixes.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "linter/tune/load_spec.h"
#include "model/host.h"

namespace synlint::tune {

/// What one listener gets from the kernel, now or after the changes.
struct QueueState {
  int64_t requested = 0;        // what the service passes to listen()
  std::string requested_label;  // "backlog=1024", "default backlog 511", "default Backlog="
  int64_t accept_queue = 0;     // sk_max_ack_backlog: min(requested, somaxconn)
  int64_t syn_queue = 0;        // SYN_RECV entries the queue holds before it is full
  int64_t syn_queue_max = 0;    // == syn_queue unless the host does not tell (QueueLimits::syn_limit_max)
  /// With tcp_syncookies = 0 on Linux >= 4.4: unproven peers are dropped
  /// once this many are pending (tcp_max_syn_backlog - it/4 + 1), up to
  /// syn_early_drop_max when its default depends on the machine.
  std::optional<int64_t> syn_early_drop;
  int64_t syn_early_drop_max = 0;
  bool operator==(const QueueState&) const = default;
};

/// One TCP listener: the load on its port, and its queues now and proposed.
struct ListenerPlan {
  std::string service;  // "nginx", "apache2", "web.socket"
  /// nginx, apache or systemd; printed as its service kind ("systemd-socket").
  ConfigFormat kind = ConfigFormat::kNginx;
  std::string address;  // as written: "80", "[::]:443"
  uint32_t port = 0;
  std::string where;    // "etc/nginx/nginx.conf:12"
  size_t view = 0;      // index into ListenerViews(host)
  std::string setting;  // the backlog setting it shares: "'backlog=' of nginx 80"
  bool sized = false;   // a load applies to its port
  int64_t need = 0;     // what the load needs (RequiredQueue), uncapped
  int64_t target = 0;   // need capped at what the kernel can store
  QueueState current;
  QueueState proposed;
  std::string reason;  // "20000/s × 50 ms × 2 = 2000" and what changed it
  bool Changes() const { return !(current == proposed); }
};

/// A backlog setting the plan raises: one per nginx address:port, per
/// Apache server (ListenBacklog), per systemd socket unit (Backlog=).
struct BacklogChange {
  size_t view = 0;  // ListenerViews index of the listener whose setting is written
  int64_t from = 0;
  int64_t to = 0;
  std::string setting;  // as ListenerPlan::setting
};

/// One kernel setting tune looks at, changed or not.
struct SysctlPlan {
  std::string key;
  int64_t current = 0;
  std::string current_from;  // "etc/sysctl.d/60-net.conf:2" or "Linux 6.1 default"
  int64_t proposed = 0;
  std::string reason;
  bool Changes() const { return current != proposed; }
};

struct TunePlan {
  KernelVersion kernel;
  std::vector<ListenerPlan> listeners;  // TCP listeners in service order
  std::vector<BacklogChange> backlogs;
  /// net.core.somaxconn, net.ipv4.tcp_max_syn_backlog, net.ipv4.tcp_syncookies.
  std::vector<SysctlPlan> sysctls;
  std::vector<std::string> warnings;  // lowercase, no final period

  const SysctlPlan* Sysctl(const std::string& key) const;
  bool HasChanges() const;
};

inline constexpr const char* kSomaxconn = "net.core.somaxconn";
inline constexpr const char* kMaxSynBacklog = "net.ipv4.tcp_max_syn_backlog";
inline constexpr const char* kSyncookies = "net.ipv4.tcp_syncookies";

/// The largest backlog (and somaxconn) the target kernel keeps without
/// truncation: 65535 before 4.1 (u16 sk_max_ack_backlog), else INT_MAX
/// (listen() takes an int) or the knowledge base's bound if lower.
int64_t MaxBacklog(const Host& host);

/// Sizes every TCP listener for `load` on `host`'s target kernel:
/// - need = ceil(rate × delay/1000 × headroom) for its port, capped at
///   MaxBacklog (with a warning that the load cannot be met);
/// - a backlog setting is raised to the largest need of the listeners that
///   share it, and never lowered (a larger backlog, and systemd >= 254's
///   INT_MAX default, are kept);
/// - somaxconn = max(largest need, current, kernel default), capped at
///   MaxBacklog;
/// - tcp_max_syn_backlog >= the largest accept queue on Linux < 4.4 (it caps
///   the SYN table there), otherwise left as is (read only with syncookies off);
/// - tcp_syncookies = 1.
TunePlan PlanTuning(const Host& host, const LoadSpec& load);

}  // namespace synlint::tune
