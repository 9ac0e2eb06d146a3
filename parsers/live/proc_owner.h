// SPDX-License-Identifier: MIT
// Which process holds a socket: /proc/PID/fd links "socket:[INODE]", the
// process name from /proc/PID/comm and its systemd unit from
// /proc/PID/cgroup. The text parsing is pure; ScanSocketOwners is the I/O.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace synlint::live {

/// The inode of a socket fd's link target "socket:[12345]"; nullopt for
/// anything else ("pipe:[7]", "/dev/null", "socket:[x]").
std::optional<uint64_t> SocketInode(std::string_view link_target);

/// The systemd unit a process runs in, from its /proc/PID/cgroup text: the
/// cgroup v2 line ("0::/system.slice/nginx.service"), else the v1
/// "name=systemd" line; the last path component ending in .service, .socket
/// or .scope. "" when there is none (a kernel thread, no systemd).
std::string UnitFromCgroup(std::string_view cgroup_text);

/// /proc/PID/comm without its newline.
std::string CommFromText(std::string_view comm_text);

struct SocketOwner {
  int pid = 0;
  std::string comm;
  std::string unit;
};

struct OwnerScan {
  std::map<uint64_t, SocketOwner> owners;  // by inode
  /// Processes whose fd directory could not be read (other users' without
  /// root: EACCES), counted; and the first such pid.
  size_t unreadable = 0;
  int first_unreadable_pid = 0;
  int first_errno = 0;
};

/// Scans `proc_dir`/PID/fd (in pid order, stopping once every inode in
/// `inodes` has an owner) and gives each inode its lowest pid (a server's
/// master process before its workers).
OwnerScan ScanSocketOwners(const std::string& proc_dir, const std::set<uint64_t>& inodes);

}  // namespace synlint::live
