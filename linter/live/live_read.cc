// SPDX-License-Identifier: MIT
#include "linter/live/live_read.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <tuple>

#include "model/proc_sys.h"
#include "parsers/live/inet_diag.h"
#include "parsers/live/proc_owner.h"

namespace synlint {

namespace {

constexpr int kTcpListen = 10;  // TCP_LISTEN in include/net/tcp_states.h

/// Reads /proc/sys's file for `key`; the errno on failure.
int ReadProcSys(const std::string& proc, const std::string& key, std::string* out) {
  const std::string rel = ProcSysPath(key);  // "proc/sys/..."
  if (rel.empty()) return ENOENT;
  const std::string path = proc + rel.substr(4);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno;
  char buf[4096];
  const ssize_t n = read(fd, buf, sizeof buf);
  const int e = errno;
  close(fd);
  if (n < 0) return e;
  std::string_view text(buf, static_cast<size_t>(n));
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.remove_suffix(1);
  *out = std::string(text);
  return 0;
}

/// The keys whose running value matters: every key the model knows on the
/// running kernel and every key a sysctl file sets by name (not globs).
std::set<std::string> KeysToRead(const Host& host) {
  std::set<std::string> keys;
  for (const auto& [key, info] : host.kb->keys()) {
    if (info.ExistsOn(host.kernel)) keys.insert(key);
  }
  for (sysctl::Loader l : {sysctl::Loader::kSystemd, sysctl::Loader::kProcps}) {
    for (const SysctlEntry& e : host.sysctl(l).entries()) {
      if (!e.assignment->exclusion && !e.assignment->is_glob()) keys.insert(e.key());
    }
  }
  return keys;
}

void ReadSysctls(const Host& host, const LiveReadOptions& o, LiveState* live) {
  std::vector<std::string> denied;
  int denied_errno = 0;
  for (const std::string& key : KeysToRead(host)) {
    std::string value;
    const int e = ReadProcSys(o.proc, key, &value);
    if (e == 0) {
      live->sysctl.emplace(key, std::move(value));
    } else if (e != ENOENT && e != ENOTDIR) {  // a key this kernel lacks is SL101's
      denied.push_back(key);
      denied_errno = e;
    }
  }
  if (!denied.empty()) {
    std::string list;
    for (const auto& k : denied) list += (list.empty() ? "" : ", ") + k;
    live->unseen.push_back("running values of " + list + ": " + std::strerror(denied_errno) +
                           (geteuid() != 0 ? " (not root)" : ""));
  }
}

/// The listener a SYN_RECV request of `r` belongs to: the same family,
/// address and port, else a wildcard listener of the port (an IPv4 request
/// on a dual-stack [::] listener is an AF_INET request socket).
LiveListener* ListenerOf(std::vector<LiveListener>& listeners, const live::InetSocket& r) {
  LiveListener* wildcard = nullptr;
  LiveListener* dual = nullptr;
  for (LiveListener& l : listeners) {
    if (l.port != r.port) continue;
    if (l.family == r.family && l.address == r.address) return &l;
    if (l.family == r.family && (l.address == "0.0.0.0" || l.address == "::")) wildcard = &l;
    if (r.family == AF_INET && l.family == AF_INET6 && l.address == "::") dual = &l;
  }
  return wildcard ? wildcard : dual;
}

void ReadListeners(const LiveReadOptions& o, LiveState* live) {
  std::vector<live::InetSocket> sockets;
  for (const int family : {AF_INET, AF_INET6}) {
    std::string err;
    if (!live::DumpTcpSockets(family, live::kStateListen | live::kStateSynRecv, &sockets, &err)) {
      live->unseen.push_back(std::string(family == AF_INET ? "IPv4" : "IPv6") + " listeners: " + err);
    }
  }
  for (const live::InetSocket& s : sockets) {
    if (s.state != kTcpListen) continue;
    LiveListener l;
    l.family = s.family;
    l.address = s.address;
    l.port = s.port;
    l.accept_queue_limit = s.wqueue;
    l.accept_queue_now = s.rqueue;
    l.inode = s.inode;
    live->listeners.push_back(std::move(l));
  }
  std::sort(live->listeners.begin(), live->listeners.end(), [](const LiveListener& a, const LiveListener& b) {
    return std::tie(a.port, a.family, a.address) < std::tie(b.port, b.family, b.address);
  });
  for (const live::InetSocket& s : sockets) {
    if (s.state == kTcpListen) continue;
    if (LiveListener* l = ListenerOf(live->listeners, s)) ++l->syn_recv_now;
  }
  std::set<uint64_t> inodes;
  for (const LiveListener& l : live->listeners) {
    if (l.inode) inodes.insert(l.inode);
  }
  const live::OwnerScan scan = live::ScanSocketOwners(o.proc, inodes);
  size_t unknown = 0;
  for (LiveListener& l : live->listeners) {
    const auto it = scan.owners.find(l.inode);
    if (it == scan.owners.end()) {
      ++unknown;
      continue;
    }
    l.pid = it->second.pid;
    l.comm = it->second.comm;
    l.unit = it->second.unit;
  }
  if (unknown == 0) return;
  std::string why = std::to_string(unknown) + " listener(s) have no known owner: ";
  if (scan.unreadable > 0) {
    why += std::to_string(scan.unreadable) + " process(es)' open files could not be read (" + o.proc + "/" +
           std::to_string(scan.first_unreadable_pid) + "/fd: " + std::strerror(scan.first_errno) + ")" +
           (geteuid() != 0 ? "; as root synlint sees every process" : "");
  } else {
    why += "no process this " + o.proc + " shows holds them (a process of another PID namespace?)";
  }
  live->unseen.push_back(why);
}

}  // namespace

LiveState ReadLiveState(const Host& host, const LiveReadOptions& o) {
  LiveState live;
  live.netns = o.netns;
  struct utsname u;
  if (uname(&u) == 0) live.kernel_release = u.release;
  ReadSysctls(host, o, &live);
  ReadListeners(o, &live);
  return live;
}

}  // namespace synlint
