// SPDX-License-Identifier: MIT
#include "core/regular_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace synlint {

int OpenRegularFile(const std::string& host_path, int flags, std::string* err, uint64_t* size) {
  const int fd = open(host_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | flags);
  if (fd < 0) {
    *err = std::strerror(errno);
    return -1;
  }
  struct stat st = {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    *err = S_ISREG(st.st_mode) ? std::strerror(errno) : kNotRegularFile;
    close(fd);
    return -1;
  }
  if (size != nullptr) *size = static_cast<uint64_t>(st.st_size);
  // O_NONBLOCK stays: it has no effect on a regular file (read(2): "regular
  // files never block"), and clearing it cost two system calls a file.
  return fd;
}

bool AppendToEnd(int fd, std::string* contents, std::string* err) {
  char buf[65536];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = std::strerror(errno);
      return false;
    }
    if (n == 0) return true;
    contents->append(buf, static_cast<size_t>(n));
  }
}

bool ReadRegularFile(const std::string& host_path, std::string* contents, std::string* err) {
  const int fd = OpenRegularFile(host_path, 0, err);
  if (fd < 0) return false;
  contents->clear();
  const bool ok = AppendToEnd(fd, contents, err);
  close(fd);
  return ok;
}

}  // namespace synlint
