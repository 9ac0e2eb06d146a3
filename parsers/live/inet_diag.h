// SPDX-License-Identifier: MIT
// TCP sockets as the kernel's sock_diag (NETLINK_SOCK_DIAG, inet_diag)
// reports them: the reply parsing is pure (unit-tested on recorded bytes);
// DumpTcpSockets is the thin I/O around it, through libmnl.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace synlint::live {

/// One inet_diag_msg: a socket of the dumped family and states.
struct InetSocket {
  int family = 0;       // AF_INET, AF_INET6
  int state = 0;        // TCP_LISTEN (10), TCP_SYN_RECV (3), ...
  std::string address;  // local address: "127.0.0.1", "::"
  uint16_t port = 0;    // local port
  /// For a listener (tcp_diag_get_info(), net/ipv4/tcp_diag.c): the accept
  /// queue now (sk_ack_backlog) and its limit (sk_max_ack_backlog).
  uint32_t rqueue = 0;
  uint32_t wqueue = 0;
  uint64_t inode = 0;  // 0 for request sockets
};

/// "address:port" as users read it: "127.0.0.1:80", "[::]:443".
inline std::string EndpointText(const std::string& address, uint32_t port) {
  const std::string p = std::to_string(port);
  return address.find(':') != std::string::npos ? "[" + address + "]:" + p : address + ":" + p;
}

enum class ReplyStatus { kMore, kDone, kError };

/// Parses one datagram of replies to an inet_diag dump, appending each
/// socket to `out`. kDone at NLMSG_DONE; kError (with `err`) on an
/// NLMSG_ERROR or a malformed message. `seq`/`portid` 0 skip those checks.
ReplyStatus ParseInetDiagReply(const void* buf, size_t len, uint32_t seq, uint32_t portid,
                               std::vector<InetSocket>* out, std::string* err);

/// States for DumpTcpSockets, as the kernel's TCPF_* bits.
inline constexpr uint32_t kStateListen = 1u << 10;   // TCPF_LISTEN
inline constexpr uint32_t kStateSynRecv = 1u << 3;   // TCPF_SYN_RECV (request sockets too)

/// Dumps the TCP sockets of `family` in `states` from the network namespace
/// of the calling process (the kernel filters by state). `raw`, when given,
/// receives every reply datagram as read (for recording test samples).
bool DumpTcpSockets(int family, uint32_t states, std::vector<InetSocket>* out, std::string* err,
                    std::vector<std::string>* raw = nullptr);

}  // namespace synlint::live
