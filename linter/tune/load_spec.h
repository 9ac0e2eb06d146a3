// SPDX-License-Identifier: MIT
// The load a host must absorb, as `synlint tune` is told it: new connections
// per second at peak and how long one may wait to be accepted, globally or
// per port, with a safety factor. From it, the accept queue each listener
// needs (Little's law: queue = arrival rate x waiting time).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace synlint::tune {

/// A safety factor kept exactly, in thousandths ("2" = 2000, "1.5" = 1500).
struct Headroom {
  int64_t milli = 2000;
  /// "2", "1.5", "1.125": the shortest decimal form.
  std::string ToString() const;
  bool operator==(const Headroom&) const = default;
};

/// Parses "2", "2x", "1.5", "1.25x" (at most three decimals, 1 to 1000);
/// `what` names the value in the error.
std::optional<Headroom> ParseHeadroom(std::string_view text, std::string* err,
                                      std::string_view what = "--headroom");

/// Limits on the inputs, so the arithmetic stays exact.
inline constexpr int64_t kMaxPeakRate = 1'000'000'000;   // connections per second
inline constexpr int64_t kMaxAcceptDelayMs = 3'600'000;  // one hour

/// Parses a positive decimal integer no larger than `max`; `what` names the
/// value in the error ("--peak-rate").
std::optional<int64_t> ParsePositive(std::string_view text, int64_t max, std::string_view what,
                                     std::string* err);

/// Load values, each optional: a port's missing ones fall back to the global ones.
struct Load {
  std::optional<int64_t> peak_rate;        // new connections per second at peak
  std::optional<int64_t> accept_delay_ms;  // longest wait for accept() at peak
  std::optional<Headroom> headroom;
};

/// Parses a --port value: "443:peak-rate=20000,accept-delay=50[,headroom=1.5]".
bool ParsePortLoad(std::string_view text, uint32_t* port, Load* out, std::string* err);

/// The complete load for one port.
struct ResolvedLoad {
  int64_t peak_rate = 0;
  int64_t accept_delay_ms = 0;
  Headroom headroom;
  bool per_port = false;  // any value came from --port
};

struct LoadSpec {
  Load global;                     // headroom unset means 2
  std::map<uint32_t, Load> ports;  // --port overrides
  /// The load on `port`: its override, field by field falling back to the
  /// global values; nullopt when no rate or no delay applies to it.
  std::optional<ResolvedLoad> For(uint32_t port) const;
  /// "20000/s, accept delay 50 ms, headroom 2; port 443: 40000/s, ..." for output.
  std::string Describe() const;
};

/// The accept queue a load needs, and how it was computed.
struct QueueNeed {
  int64_t queue = 0;       // ceil(rate x delay / 1000 x headroom), exact
  std::string derivation;  // "20000/s × 50 ms × 2 = 2000"
};
QueueNeed RequiredQueue(const ResolvedLoad& load);

}  // namespace synlint::tune
