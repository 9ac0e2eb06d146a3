// SPDX-License-Identifier: MIT
// The kernel behaviour changes synlint's model, rules and tune depend on, by
// name. The first version with each new behaviour, and where that comes from,
// are data in model/knowledge/kernel.yaml (`changes:`); code asks
// `Host::Has(change)` and never writes a version number.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace synlint {

enum class KernelChange {
  /// sk_ack_backlog and sk_max_ack_backlog are u32; before, a backlog of
  /// 65536 or more was truncated to 16 bits (65536 -> 0).
  kBacklog32Bit,
  /// The SYN queue is full at sk_max_ack_backlog (the listen backlog);
  /// before, reqsk_queue_alloc() sized a table once at the first listen(),
  /// capped by tcp_max_syn_backlog and rounded up to a power of two.
  kSynQueueFromBacklog,
  /// net.ipv4.ip_unprivileged_port_start exists and ip_local_port_range
  /// refuses a start below it.
  kPortRangeAboveUnprivileged,
  /// The SYN queue is full only past sk_max_ack_backlog (`>`), so it holds
  /// one request more than the limit (a backlog of 0 admits one SYN). Stable
  /// branches got it mid-series (`backports:`), so ask `Host::State`.
  kReqskQueueFullStrict,
  /// The default of tcp_max_syn_backlog is max(128, ehash_entries / 128);
  /// before, ehash_entries / 256.
  kMaxSynBacklogEhash128,
};

/// Every change with its stable name in kernel.yaml, in enum order.
inline constexpr std::array<std::pair<KernelChange, std::string_view>, 5> kKernelChanges = {{
    {KernelChange::kBacklog32Bit, "backlog_32bit"},
    {KernelChange::kSynQueueFromBacklog, "syn_queue_from_backlog"},
    {KernelChange::kPortRangeAboveUnprivileged, "port_range_above_unprivileged"},
    {KernelChange::kReqskQueueFullStrict, "reqsk_queue_full_strict"},
    {KernelChange::kMaxSynBacklogEhash128, "max_syn_backlog_ehash_128"},
}};

/// Whether a kernel has a change: a version without its stable release
/// cannot tell for a change that its series got mid-way.
enum class ChangeState { kAbsent, kPresent, kUnknown };

constexpr std::string_view KernelChangeName(KernelChange c) {
  return kKernelChanges[static_cast<size_t>(c)].second;
}

constexpr std::optional<KernelChange> KernelChangeNamed(std::string_view name) {
  for (const auto& [change, n] : kKernelChanges) {
    if (n == name) return change;
  }
  return std::nullopt;
}

}  // namespace synlint
