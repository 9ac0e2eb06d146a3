// SPDX-License-Identifier: MIT
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "linter/live/live_read.h"

namespace synlint {

bool EnterNetns(const std::string& path, std::string* err) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    const int e = errno;
    *err = "cannot open network namespace '" + path + "': " + std::strerror(e);
    if (e == EACCES) *err += " (entering another namespace needs root)";
    return false;
  }
  // setns(2): CAP_SYS_ADMIN in the caller's and the target's user namespace.
  const int rc = setns(fd, CLONE_NEWNET);
  const int e = errno;
  close(fd);
  if (rc != 0) {
    *err = "cannot enter network namespace '" + path + "': " + std::strerror(e);
    if (e == EPERM) *err += " (entering another namespace needs root: CAP_SYS_ADMIN)";
    if (e == EINVAL) *err += " (not a network namespace)";
    return false;
  }
  return true;
}

}  // namespace synlint
