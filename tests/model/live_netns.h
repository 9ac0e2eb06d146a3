// SPDX-License-Identifier: MIT
// Helpers for tests against the running kernel in a network namespace of the
// test's own: unshare(CLONE_NEWNET) in the (single-threaded) test process, lo
// up, sysctls written under /proc/sys (per namespace for the net.* keys used
// here), loopback listeners and bounded bursts of connects. Nothing outside
// the new namespace is touched (the kernel log, which is not per namespace,
// may get the kernel's own SYN-flood line).
#pragma once

#include <fcntl.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

namespace synlint::testing {

/// Moves this process into a new network namespace with lo up; "" on
/// success, else why not (for GTEST_SKIP).
inline std::string EnterNewNetns() {
  if (unshare(CLONE_NEWNET) != 0) return std::string("unshare(CLONE_NEWNET): ") + std::strerror(errno);
  const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return std::string("socket: ") + std::strerror(errno);
  ifreq ifr{};
  std::strncpy(ifr.ifr_name, "lo", IFNAMSIZ - 1);
  std::string error;
  if (ioctl(fd, SIOCGIFFLAGS, &ifr) != 0) error = std::string("SIOCGIFFLAGS lo: ") + std::strerror(errno);
  ifr.ifr_flags = static_cast<short>(ifr.ifr_flags | IFF_UP);
  if (error.empty() && ioctl(fd, SIOCSIFFLAGS, &ifr) != 0)
    error = std::string("SIOCSIFFLAGS lo up: ") + std::strerror(errno);
  close(fd);
  return error;
}

/// Writes a /proc/sys value ("net/ipv4/tcp_syncookies"); false on failure.
inline bool WriteProcSys(const std::string& path, const std::string& value) {
  std::ofstream out("/proc/sys/" + path);
  out << value << "\n";
  out.flush();
  return static_cast<bool>(out);
}

/// A TCP listener on 127.0.0.1 or ::1 with `backlog`, on a port the kernel
/// picks; never accepts. `defer_accept` (seconds) keeps each handshake's
/// request socket in the SYN queue, which fills it on loopback.
struct LoopbackListener {
  int fd = -1;
  uint16_t port = 0;
  bool ipv6 = false;
  LoopbackListener(int backlog, bool v6, int defer_accept) : ipv6(v6) {
    fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return;
    if (defer_accept > 0) setsockopt(fd, IPPROTO_TCP, TCP_DEFER_ACCEPT, &defer_accept, sizeof defer_accept);
    sockaddr_storage ss{};
    socklen_t len = 0;
    if (v6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&ss);
      a->sin6_family = AF_INET6;
      a->sin6_addr = in6addr_loopback;
      len = sizeof *a;
    } else {
      auto* a = reinterpret_cast<sockaddr_in*>(&ss);
      a->sin_family = AF_INET;
      a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      len = sizeof *a;
    }
    if (bind(fd, reinterpret_cast<sockaddr*>(&ss), len) != 0 || listen(fd, backlog) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) {
      close(fd);
      fd = -1;
      return;
    }
    port = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&ss)->sin6_port : reinterpret_cast<sockaddr_in*>(&ss)->sin_port);
  }
  ~LoopbackListener() {
    if (fd >= 0) close(fd);
  }
  LoopbackListener(const LoopbackListener&) = delete;
  LoopbackListener& operator=(const LoopbackListener&) = delete;
};

/// `count` non-blocking connects to the listener (bounded: count <= 1000).
/// On loopback each SYN is handled inside connect(), so the kernel's counters
/// have moved when this returns. The client sockets are returned open.
inline std::vector<int> ConnectBurst(const LoopbackListener& l, int count) {
  std::vector<int> fds;
  for (int i = 0; i < count && i < 1000; ++i) {
    const int fd = socket(l.ipv6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) break;
    if (l.ipv6) {
      sockaddr_in6 a{};
      a.sin6_family = AF_INET6;
      a.sin6_addr = in6addr_loopback;
      a.sin6_port = htons(l.port);
      connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    } else {
      sockaddr_in a{};
      a.sin_family = AF_INET;
      a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
      a.sin_port = htons(l.port);
      connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    }
    fds.push_back(fd);
  }
  return fds;
}

inline void CloseAll(std::vector<int>* fds) {
  for (const int fd : *fds) close(fd);
  fds->clear();
}

}  // namespace synlint::testing
