// SPDX-License-Identifier: MIT
#include "parsers/live/proc_owner.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>

namespace synlint::live {

namespace {

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() > tail.size() && s.substr(s.size() - tail.size()) == tail;
}

/// The unit in one cgroup path ("/system.slice/nginx.service/x" -> "nginx.service").
std::string UnitInPath(std::string_view path) {
  std::string unit;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const std::string_view part = path.substr(start, slash - start);
    if (EndsWith(part, ".service") || EndsWith(part, ".socket") || EndsWith(part, ".scope"))
      unit = std::string(part);
    start = slash + 1;
  }
  return unit;
}

/// Reads a small file whole; false on error (errno set).
bool ReadSmall(const std::string& path, std::string* out) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[4096];
  out->clear();
  while (true) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0) {
      const int e = errno;
      close(fd);
      errno = e;
      return false;
    }
    if (n == 0) break;
    out->append(buf, static_cast<size_t>(n));
    if (out->size() > 65536) break;  // a cgroup file is a few lines
  }
  close(fd);
  return true;
}

std::optional<int> PidOf(const char* name) {
  int pid = 0;
  const char* end = name + std::char_traits<char>::length(name);
  const auto [p, ec] = std::from_chars(name, end, pid);
  if (ec != std::errc() || p != end || pid <= 0) return std::nullopt;
  return pid;
}

}  // namespace

std::optional<uint64_t> SocketInode(std::string_view link) {
  constexpr std::string_view kPrefix = "socket:[";
  if (link.size() <= kPrefix.size() + 1 || link.substr(0, kPrefix.size()) != kPrefix || link.back() != ']')
    return std::nullopt;
  const std::string_view digits = link.substr(kPrefix.size(), link.size() - kPrefix.size() - 1);
  uint64_t inode = 0;
  const auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), inode);
  if (ec != std::errc() || p != digits.data() + digits.size()) return std::nullopt;
  return inode;
}

std::string UnitFromCgroup(std::string_view text) {
  std::string v2, systemd_v1, any;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    // hierarchy-ID:controller-list:cgroup-path (cgroups(7)); the path may hold ':'.
    const size_t c1 = line.find(':');
    const size_t c2 = c1 == std::string_view::npos ? c1 : line.find(':', c1 + 1);
    if (c2 == std::string_view::npos) continue;
    const std::string_view id = line.substr(0, c1);
    const std::string_view controllers = line.substr(c1 + 1, c2 - c1 - 1);
    const std::string unit = UnitInPath(line.substr(c2 + 1));
    if (unit.empty()) continue;
    if (id == "0" && controllers.empty()) v2 = unit;
    else if (controllers == "name=systemd") systemd_v1 = unit;
    else if (any.empty()) any = unit;
  }
  if (!v2.empty()) return v2;
  if (!systemd_v1.empty()) return systemd_v1;
  return any;
}

std::string CommFromText(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\0')) text.remove_suffix(1);
  return std::string(text);
}

OwnerScan ScanSocketOwners(const std::string& proc_dir, const std::set<uint64_t>& inodes) {
  OwnerScan scan;
  if (inodes.empty()) return scan;
  std::vector<int> pids;
  if (DIR* d = opendir(proc_dir.c_str())) {
    while (const dirent* e = readdir(d)) {
      if (auto pid = PidOf(e->d_name)) pids.push_back(*pid);
    }
    closedir(d);
  }
  std::sort(pids.begin(), pids.end());
  std::string link(64, '\0');
  for (const int pid : pids) {
    if (scan.owners.size() == inodes.size()) break;
    const std::string base = proc_dir + "/" + std::to_string(pid);
    const std::string fd_dir = base + "/fd";
    DIR* d = opendir(fd_dir.c_str());
    if (!d) {
      if (errno == ENOENT) continue;  // the process ended
      if (scan.unreadable++ == 0) {
        scan.first_unreadable_pid = pid;
        scan.first_errno = errno;
      }
      continue;
    }
    std::vector<uint64_t> found;
    while (const dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      const ssize_t n = readlinkat(dirfd(d), e->d_name, link.data(), link.size());
      if (n <= 0 || static_cast<size_t>(n) >= link.size()) continue;
      const auto inode = SocketInode(std::string_view(link.data(), static_cast<size_t>(n)));
      if (inode && inodes.count(*inode) && !scan.owners.count(*inode)) found.push_back(*inode);
    }
    closedir(d);
    if (found.empty()) continue;
    SocketOwner owner;
    owner.pid = pid;
    std::string text;
    if (ReadSmall(base + "/comm", &text)) owner.comm = CommFromText(text);
    if (ReadSmall(base + "/cgroup", &text)) owner.unit = UnitFromCgroup(text);
    for (const uint64_t inode : found) scan.owners.emplace(inode, owner);
  }
  return scan;
}

}  // namespace synlint::live
