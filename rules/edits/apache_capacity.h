// SPDX-License-Identifier: MIT
// How many connections an Apache server handles at once, shared by SL205
// (a queue far beyond the workers) and SL206 (which must not propose one).
#pragma once

#include <cstdint>
#include <string>

#include "core/service.h"

namespace synlint {

/// Accept-queue slots per worker before SL205 calls the gap "far".
inline constexpr int64_t kBacklogPerWorker = 4;

struct ApacheCapacity {
  int64_t workers = 0;
  std::string why;                  // "'MaxRequestWorkers 150'", "the prefork default 256"
  const Setting* setting = nullptr;  // MaxRequestWorkers (or MaxClients), when written
  /// The largest accept queue SL205 leaves alone.
  int64_t MaxUsefulBacklog() const { return workers * kBacklogPerWorker - 1; }
};

ApacheCapacity ApacheWorkers(const ServiceFacts& s);

}  // namespace synlint
