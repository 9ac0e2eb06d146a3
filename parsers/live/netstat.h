// SPDX-License-Identifier: MIT
// Parser for the kernel's SNMP counter files, /proc/net/netstat and
// /proc/net/snmp (net/ipv4/proc.c netstat_seq_show(), snmp_seq_show()):
// each group is two lines with the same prefix, a header of names and a line
// of values in the same order,
//
//   TcpExt: SyncookiesSent SyncookiesRecv ... ListenOverflows ListenDrops ...
//   TcpExt: 0 0 ... 12 12 ...
//
// Which names a group has depends on the kernel, so every name is kept as it
// is written and nothing is assumed about positions. Bad input (a value line
// that does not match its header, a value that is not a number, a line with
// no prefix) is reported with its line and the rest is still read.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace synlint::live {

/// One problem in a counter file, at a 1-based line.
struct CounterFileError {
  uint32_t line = 0;
  std::string message;  // lowercase, no final period
};

/// Counters by "Group.Name" ("TcpExt.ListenOverflows", "Tcp.PassiveOpens";
/// nstat(8) prints the same names without the dot). A value the kernel
/// prints signed and negative (Tcp MaxConn is -1, "no limit") is not a
/// counter and is left out.
using CounterMap = std::map<std::string, uint64_t, std::less<>>;

struct CounterFile {
  CounterMap counters;
  std::vector<std::string> groups;  // prefixes in file order ("TcpExt", "IpExt")
  std::vector<CounterFileError> errors;
};

/// Parses the text of /proc/net/netstat or /proc/net/snmp (same format).
CounterFile ParseCounterFile(std::string_view text);

/// A counter's key: "TcpExt" and "ListenOverflows" -> "TcpExt.ListenOverflows".
std::string CounterName(std::string_view group, std::string_view field);

/// Reads and parses `path` (a /proc file: read to its end, at most 1 MiB).
/// nullopt with `*error` set ("PATH: No such file or directory") when it
/// cannot be read; parse errors are in the result, for the caller to report
/// as "PATH:LINE: message".
std::optional<CounterFile> ReadCounterFile(const std::string& path, std::string* error);

}  // namespace synlint::live
