// SPDX-License-Identifier: MIT
#include "linter/live/netns_list.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <tuple>

#include "linter/live/live_read.h"
#include "parsers/live/proc_owner.h"

namespace synlint {

namespace {

bool IsPid(const char* name) {
  if (!*name) return false;
  for (const char* p = name; *p; ++p)
    if (*p < '0' || *p > '9') return false;
  return true;
}

std::string ReadComm(const std::string& proc, int pid) {
  const int fd = open((proc + "/" + std::to_string(pid) + "/comm").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  char buf[64];
  const ssize_t n = read(fd, buf, sizeof buf);
  close(fd);
  return n > 0 ? live::CommFromText(std::string_view(buf, static_cast<size_t>(n))) : "";
}

/// Reads the listeners of the namespace at `path` in a child process that
/// enters it; one line per socket ("FAMILY PORT RQUEUE WQUEUE ADDRESS"), or
/// "E message". Bounded: the child's output is read to its end, the child
/// is waited for.
void ReadListeners(NetnsInfo* ns) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    ns->error = std::string("pipe: ") + std::strerror(errno);
    return;
  }
  const pid_t child = fork();
  if (child < 0) {
    ns->error = std::string("fork: ") + std::strerror(errno);
    close(fds[0]);
    close(fds[1]);
    return;
  }
  if (child == 0) {
    close(fds[0]);
    std::ostringstream out;
    std::string err;
    if (!ns->current && !EnterNetns(ns->enter, &err)) {
      out << "E " << err << "\n";
    } else {
      for (int family : {AF_INET, AF_INET6}) {
        std::vector<live::InetSocket> sockets;
        if (!live::DumpTcpSockets(family, live::kStateListen, &sockets, &err)) {
          out << "E " << err << "\n";
          break;
        }
        for (const auto& s : sockets)
          out << s.family << " " << s.port << " " << s.rqueue << " " << s.wqueue << " " << s.address << "\n";
      }
    }
    const std::string text = out.str();
    size_t done = 0;
    while (done < text.size()) {
      const ssize_t n = write(fds[1], text.data() + done, text.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string text;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(fds[0], buf, sizeof buf);
    if (n > 0) {
      text.append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("E ", 0) == 0) {
      ns->error = line.substr(2);
      continue;
    }
    std::istringstream f(line);
    live::InetSocket s;
    s.state = 10;
    f >> s.family >> s.port >> s.rqueue >> s.wqueue >> s.address;
    if (f) ns->listeners.push_back(s);
  }
  std::sort(ns->listeners.begin(), ns->listeners.end(), [](const auto& a, const auto& b) {
    return std::tie(a.port, a.address) < std::tie(b.port, b.address);
  });
}

}  // namespace

std::vector<NetnsInfo> ListNetworkNamespaces(const std::string& proc, const std::string& run_netns,
                                             std::vector<std::string>* unseen) {
  std::map<uint64_t, NetnsInfo> by_inode;
  struct stat self {};
  const bool self_known = stat((proc + "/self/ns/net").c_str(), &self) == 0;
  size_t denied = 0;
  if (DIR* d = opendir(proc.c_str())) {
    while (const dirent* e = readdir(d)) {
      if (!IsPid(e->d_name)) continue;
      const std::string path = proc + "/" + e->d_name + "/ns/net";
      struct stat st {};
      if (stat(path.c_str(), &st) != 0) {
        if (errno == EACCES || errno == EPERM) ++denied;
        continue;
      }
      NetnsInfo& ns = by_inode[st.st_ino];
      ns.inode = st.st_ino;
      ns.pids.push_back(std::atoi(e->d_name));
    }
    closedir(d);
  } else {
    unseen->push_back(proc + ": " + std::strerror(errno));
  }
  if (denied) {
    unseen->push_back(std::to_string(denied) +
                      " processes' network namespaces (permission denied; root sees all)");
  }
  if (DIR* d = opendir(run_netns.c_str())) {
    while (const dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      const std::string path = run_netns + "/" + e->d_name;
      struct stat st {};
      if (stat(path.c_str(), &st) != 0) continue;
      NetnsInfo& ns = by_inode[st.st_ino];
      ns.inode = st.st_ino;
      ns.names.push_back(e->d_name);
    }
    closedir(d);
  }
  std::vector<NetnsInfo> out;
  for (auto& [inode, ns] : by_inode) {
    std::sort(ns.pids.begin(), ns.pids.end());
    std::sort(ns.names.begin(), ns.names.end());
    ns.current = self_known && inode == self.st_ino;
    if (!ns.pids.empty()) ns.comm = ReadComm(proc, ns.pids.front());
    ns.enter = !ns.names.empty() ? run_netns + "/" + ns.names.front()
                                 : proc + "/" + std::to_string(ns.pids.front()) + "/ns/net";
    ReadListeners(&ns);
    out.push_back(std::move(ns));
  }
  std::stable_partition(out.begin(), out.end(), [](const NetnsInfo& n) { return n.current; });
  return out;
}

}  // namespace synlint
