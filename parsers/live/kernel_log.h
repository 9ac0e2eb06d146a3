// SPDX-License-Identifier: MIT
// Finds the kernel's SYN-flood message in kernel log text (dmesg, journalctl
// -k, /var/log/kern.log). The message comes from tcp_syn_flood_action() in
// net/ipv4/tcp_input.c (tcp_ipv4.c before 4.x), printed the first time a
// listening socket's SYN queue overflows, and its wording has changed:
//
//   <= 2.6.2x   possible SYN flooding on port 80. Sending cookies.
//   2.6.3x-3.0  TCP: Possible SYN flooding on port 80. Dropping request.
//   3.1-6.1     TCP: request_sock_TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.
//               (the proto is "TCP"/"TCPv6" in 3.x, "request_sock_TCP"/"request_sock_TCPv6" from 4.x)
//   >= 6.2      TCP: request_sock_TCP: Possible SYN flooding on port 127.0.0.1:80. Sending cookies.
//               TCP: request_sock_TCPv6: Possible SYN flooding on port [::1]:443. Dropping request.
//               (commit d9282e48c608 "tcp: Add listening address to SYN flood message")
//
// Whatever precedes the kernel's text (a dmesg "[  12.345678]" stamp, a
// journal "Dec 07 22:00:01 host kernel:" prefix) is kept as the line's context.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlint::live {

enum class FloodAction {
  kSendingCookies,   // tcp_syncookies 1: the SYN was answered with a cookie
  kDroppingRequest,  // tcp_syncookies 0 (or no CONFIG_SYN_COOKIES): the SYN was dropped
};

/// Which kernels print the line this way (see the table above).
enum class FloodWording {
  kLowercase,     // "possible SYN flooding ...": 2.6.2x and before
  kPortOnly,      // "Possible ... port N. ACTION.": 2.6.3x to 3.0
  kCheckCounters, // "... ACTION.  Check SNMP counters.": 3.1 to 6.1
  kWithAddress,   // "... port ADDR:N. ACTION.": 6.2 and later
};

struct FloodLine {
  uint32_t line = 0;     // 1-based
  uint32_t port = 0;
  std::string address;   // "127.0.0.1", "::1" (brackets removed); "" when the kernel did not print one
  bool ipv6 = false;     // an IPv6 address, or a "...v6" proto
  FloodAction action = FloodAction::kSendingCookies;
  FloodWording wording = FloodWording::kCheckCounters;
  std::string proto;     // "request_sock_TCP", "TCPv6"; "" when the line has none
  std::string context;   // what precedes the kernel's text: "[11203.158460]", "Dec 07 22:00:01 web kernel:"
};

struct FloodScan {
  std::vector<FloodLine> lines;
  /// Lines that say "SYN flooding on port" in a form not recognised (cut,
  /// edited), by 1-based line number: reported, never guessed at.
  std::vector<uint32_t> unrecognised;
  /// Matches past the first kMaxFloodLines, counted but not kept.
  uint64_t not_kept = 0;
};

inline constexpr size_t kMaxFloodLines = 10000;

/// Every SYN-flood line of `text`, in order.
FloodScan FindSynFloodLines(std::string_view text);

std::string_view FloodActionText(FloodAction action);  // "Sending cookies", "Dropping request"
std::string_view FloodWordingKernels(FloodWording wording);  // "Linux 3.1 to 6.1", ...

}  // namespace synlint::live
