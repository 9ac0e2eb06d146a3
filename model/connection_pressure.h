// SPDX-License-Identifier: MIT
// Whether the host shows it is fighting connection pressure: evidence that
// makes a capped default backlog the thing to fix (SL201 rises to a warning
// on it). The evidence is the files (the SYN- and accept-queue settings an
// administrator tuned away from the kernel's default) and, under `synlint
// audit`, what the running kernel counted: accept- and SYN-queue overflows
// (since boot, or while --watch sampled), read as model/live_counters.h reads
// them.
#pragma once

#include <string>
#include <vector>

#include "model/host.h"

namespace synlint {

/// One piece of evidence.
struct PressureSign {
  std::string what;                    // "'net.ipv4.tcp_max_syn_backlog = 65536'"
  const SysctlEntry* entry = nullptr;  // the assignment, when the sign is a setting in the files
  bool live = false;                   // a counter of the running kernel, not a setting
};

/// The keys an administrator tunes when connections are being dropped
/// ("possible SYN flooding on port 80"): the accept-queue cap, the SYN queue,
/// SYN cookies and the SYN and SYN-ACK retries.
const std::vector<std::string>& ConnectionPressureKeys();

/// Each of those keys whose assignment in force sets a value other than the
/// target kernel's default (any value when the default is computed at boot),
/// in the order of ConnectionPressureKeys(); then, when the host has live
/// state, the accept- and SYN-queue overflows the kernel counted (the deltas
/// of --watch when it sampled, else the totals since boot).
std::vector<PressureSign> ConnectionPressureSigns(const Host& host);

}  // namespace synlint
