// SPDX-License-Identifier: MIT
// The kernel's listen-path counters and what they mean (issue #21): which are
// read, two samples turned into deltas and rates, and the reading of those
// deltas as the kernel means them (docs/live-counters.md has the sources).
//
// Counters are per network namespace: /proc/net/netstat shows the reader's
// own (netstat_seq_show() in net/ipv4/proc.c prints seq->private, the
// namespace of the opener), and a new namespace starts at 0.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace synlint {

namespace counter {
inline constexpr std::string_view kListenOverflows = "TcpExt.ListenOverflows";
inline constexpr std::string_view kListenDrops = "TcpExt.ListenDrops";
inline constexpr std::string_view kReqQFullDoCookies = "TcpExt.TCPReqQFullDoCookies";
inline constexpr std::string_view kReqQFullDrop = "TcpExt.TCPReqQFullDrop";
inline constexpr std::string_view kSyncookiesSent = "TcpExt.SyncookiesSent";
inline constexpr std::string_view kSyncookiesRecv = "TcpExt.SyncookiesRecv";
inline constexpr std::string_view kSyncookiesFailed = "TcpExt.SyncookiesFailed";
inline constexpr std::string_view kPassiveOpens = "Tcp.PassiveOpens";
inline constexpr std::string_view kAttemptFails = "Tcp.AttemptFails";
}  // namespace counter

/// The counters synlint keeps, in the order it shows them.
const std::vector<std::string_view>& LiveCounterKeys();

/// Counters by "Group.Name", as LiveState::counters holds them.
using LiveCounterMap = std::map<std::string, int64_t>;

/// Reads `proc_net`/netstat and `proc_net`/snmp ("/proc/net": the namespace
/// of this process) and keeps LiveCounterKeys(); a counter the kernel does
/// not have is absent. What could not be read or parsed is appended to
/// `problems` as "PATH: why" or "PATH:LINE: why".
LiveCounterMap ReadLiveCounters(const std::string& proc_net, std::vector<std::string>* problems);

/// How a counter moved between two samples.
struct CounterDelta {
  int64_t delta = 0;
  double per_second = 0;
  /// The later value is smaller: the counter was reset (another namespace,
  /// a reboot); delta and rate are unknown.
  bool reset = false;
};

struct CounterRates {
  double seconds = 0;
  std::map<std::string, CounterDelta> by_key;  // keys present in both samples
  /// The delta of `key`, nullopt when it is absent or was reset.
  std::optional<int64_t> Delta(std::string_view key) const;
};

/// Deltas and rates from `before` to `after`, taken `seconds` apart (> 0).
CounterRates ComputeRates(const LiveCounterMap& before, const LiveCounterMap& after, double seconds);

/// What counter movements mean for the listeners, read as the kernel counts
/// them (tcp_conn_request(), tcp_syn_flood_action(), tcp_v4_syn_recv_sock()
/// in Linux 4.10 and later).
struct ListenPathReading {
  /// Accept-queue overflows: ListenOverflows. Since 4.10 the SYN itself is
  /// dropped when the accept queue is full (and counted here and in
  /// ListenDrops); a final ACK that finds it full counts here too.
  int64_t accept_queue_overflows = 0;
  /// SYN-queue overflows: TCPReqQFullDrop, plus TCPReqQFullDoCookies when
  /// tcp_syncookies is not 2. nullopt when syncookies is 2 (every SYN counts
  /// in TCPReqQFullDoCookies then, full queue or not) or unknown and
  /// TCPReqQFullDoCookies moved.
  std::optional<int64_t> syn_queue_overflows;
  /// SYNs answered with a cookie instead of a queued request (SyncookiesSent:
  /// cookies made in cookie_init_sequence(), not SYN-ACKs known to have left).
  int64_t cookies_sent = 0;
  /// Drops in the listen path that are neither accept- nor SYN-queue
  /// overflows (ListenDrops - ListenOverflows - TCPReqQFullDrop): the ¾
  /// tcp_max_syn_backlog rule with syncookies 0, memory, bad cookies, ...
  int64_t other_listen_drops = 0;
  /// Things that do not add up (ListenDrops < ListenOverflows, a reset):
  /// said to the user, never silently fixed.
  std::vector<std::string> notes;
};

/// Reads counter deltas (from ComputeRates, or totals since boot as deltas
/// from zero) with the running tcp_syncookies (nullopt: unknown).
ListenPathReading ReadListenPath(const std::map<std::string, int64_t>& deltas,
                                 std::optional<int64_t> tcp_syncookies);
ListenPathReading ReadListenPath(const CounterRates& rates, std::optional<int64_t> tcp_syncookies);

}  // namespace synlint
