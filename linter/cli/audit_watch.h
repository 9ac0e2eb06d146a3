// SPDX-License-Identifier: MIT
// `synlint audit`'s counters, rates and kernel log (issue #21, part B): the
// listen-path counters of the audited namespace (model/live_counters.h),
// `--watch SECONDS` (two samples, or on a terminal a live display every
// SECONDS until interrupted) and `--kernel-log FILE` (the kernel's
// "Possible SYN flooding" lines, parsers/live/kernel_log.h).
#pragma once

#include <chrono>
#include <ostream>
#include <string>

#include "model/live_counters.h"
#include "model/live_state.h"

namespace synlint::cli {

/// Counters of the audited namespace at one moment.
struct CounterSample {
  LiveCounterMap counters;
  std::chrono::steady_clock::time_point at;
  std::vector<std::string> problems;
};
CounterSample SampleCounters(const std::string& proc);

/// Puts the last sample's counters into `live`, and with two samples the
/// increase between them (a counter that went down is left out).
void AttachCounters(const CounterSample* first, const CounterSample& last, LiveState* live);

struct WatchOptions {
  double seconds = 0;    // --watch SECONDS (0: no watch)
  int count = 0;         // --watch-count N: samples on a terminal (0: until interrupted)
  bool terminal = false; // stdout is a terminal: live display
};

/// Samples the counters for `--watch`: the first sample now, then (on a
/// terminal) one display block every `seconds` written to `out` until
/// SIGINT or `count` samples, else one sleep of `seconds`. Returns the first
/// sample; the caller takes the last one right before reading the sockets.
CounterSample Watch(const WatchOptions& options, const std::string& proc, std::ostream& out);

/// The kernel log's SYN-flood lines into `live`: from `file` ("-" is stdin)
/// when given, else from the kernel ring buffer (/dev/kmsg) when this is the
/// host's own namespace and it may be read (what cannot be read goes to
/// `live->unseen`). False with `err` when `file` cannot be read.
bool ReadKernelLog(const std::string& file, bool own_netns, LiveState* live, std::string* err);

}  // namespace synlint::cli
