// SPDX-License-Identifier: MIT
#include "core/confined_write.h"

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <random>

namespace synlint {

namespace {

WriteStepHook& Hook() {
  static WriteStepHook hook;
  return hook;
}

bool Step(std::string_view step, const std::string& path, std::string* err) {
  if (!Hook() || Hook()(step, path)) return true;
  *err = "failed at step '" + std::string(step) + "' (test hook)";
  return false;
}

std::atomic<bool> force_walk{false};

std::string Errno(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

/// A descriptor closed when it goes out of scope.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.fd_) { o.fd_ = -1; }
  Fd& operator=(Fd&& o) noexcept {
    std::swap(fd_, o.fd_);
    return *this;
  }
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  bool ok() const { return fd_ >= 0; }

 private:
  int fd_;
};

// ------------------------------------------------- temp files for signals

// Temporary files being written, kept where a signal handler can reach them
// without allocating: a slot is claimed by setting its descriptor last.
constexpr int kSlots = 256;
struct TempSlot {
  std::atomic<int> dir_fd{-1};
  char name[NAME_MAX + 1] = {};
};
TempSlot slots[kSlots];

int RegisterTemp(int dir_fd, const std::string& name) {
  for (int i = 0; i < kSlots; ++i) {
    if (slots[i].dir_fd.load() != -1) continue;
    std::snprintf(slots[i].name, sizeof slots[i].name, "%s", name.c_str());
    slots[i].dir_fd.store(dir_fd);
    return i;
  }
  return -1;  // not removable by a signal handler; still removed on every other path
}

void UnregisterTemp(int slot) {
  if (slot >= 0) slots[slot].dir_fd.store(-1);
}

// ------------------------------------------------------------ directories

/// Opens `rel` (no symlinks, no "..") below `root_fd` as a directory, with
/// the kernel refusing any symlink on the way.
int OpenDirNoSymlinks(int root_fd, const std::string& rel) {
  const char* p = rel.empty() ? "." : rel.c_str();
#ifdef SYS_openat2
  static std::atomic<bool> has_openat2{true};
  if (has_openat2 && !force_walk) {
    open_how how{};
    how.flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS;
    const long fd = syscall(SYS_openat2, root_fd, p, &how, sizeof how);
    if (fd >= 0 || errno != ENOSYS) return static_cast<int>(fd);
    has_openat2 = false;  // an older kernel: walk instead
  }
#endif
  int cur = dup(root_fd);
  size_t i = 0;
  while (cur >= 0 && i < rel.size()) {
    size_t j = rel.find('/', i);
    if (j == std::string::npos) j = rel.size();
    const std::string part = rel.substr(i, j - i);
    i = j + 1;
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      close(cur);
      errno = EXDEV;
      return -1;
    }
    const int next = openat(cur, part.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int saved = errno;
    close(cur);
    errno = saved;
    cur = next;
  }
  return cur;
}

struct CreatedDir {
  int parent_fd;  // owned
  std::string name;
};

/// Opens `rel`, creating its missing components (0755) one at a time from
/// the deepest one that exists; `created` lists them, outermost first.
int OpenOrCreateDir(int root_fd, const std::string& rel, bool create, std::vector<CreatedDir>* created) {
  int fd = OpenDirNoSymlinks(root_fd, rel);
  if (fd >= 0 || errno != ENOENT || !create || rel.empty()) return fd;
  const size_t slash = rel.rfind('/');
  const std::string parent = slash == std::string::npos ? "" : rel.substr(0, slash);
  const std::string name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  const int parent_fd = OpenOrCreateDir(root_fd, parent, create, created);
  if (parent_fd < 0) return -1;
  if (mkdirat(parent_fd, name.c_str(), 0755) == 0) {
    created->push_back({dup(parent_fd), name});
  } else if (errno != EEXIST) {
    const int saved = errno;
    close(parent_fd);
    errno = saved;
    return -1;
  }
  fd = openat(parent_fd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  const int saved = errno;
  close(parent_fd);
  errno = saved;
  return fd;
}

// ------------------------------------------------------------- contents

bool ReadAll(int fd, std::string* out) {
  out->clear();
  char buf[65536];
  off_t off = 0;
  for (;;) {
    const ssize_t n = pread(fd, buf, sizeof buf, off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) return true;
    out->append(buf, static_cast<size_t>(n));
    off += n;
  }
}

bool WriteAll(int fd, std::string_view s) {
  size_t off = 0;
  while (off < s.size()) {
    const ssize_t n = write(fd, s.data() + off, s.size() - off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

/// Copies every extended attribute (ACLs are system.posix_acl_access,
/// SELinux labels security.selinux) from `from` to `to`.
bool CopyXattrs(int from, int to, std::string* err) {
  ssize_t n = flistxattr(from, nullptr, 0);
  if (n < 0 && (errno == ENOTSUP || errno == ENOSYS)) return true;
  if (n < 0) {
    *err = Errno("cannot list its extended attributes");
    return false;
  }
  std::string names(static_cast<size_t>(n), '\0');
  n = flistxattr(from, names.data(), names.size());
  if (n < 0) {
    *err = Errno("cannot list its extended attributes");
    return false;
  }
  names.resize(static_cast<size_t>(n));
  for (size_t i = 0; i < names.size();) {
    const std::string name = names.c_str() + i;
    i += name.size() + 1;
    if (name.empty()) continue;
    const ssize_t size = fgetxattr(from, name.c_str(), nullptr, 0);
    std::string value(size > 0 ? static_cast<size_t>(size) : 0, '\0');
    const ssize_t got = size < 0 ? -1 : fgetxattr(from, name.c_str(), value.data(), value.size());
    if (got < 0 || fsetxattr(to, name.c_str(), value.data(), static_cast<size_t>(got), 0) != 0) {
      *err = Errno(("cannot keep its extended attribute '" + name + "'").c_str());
      return false;
    }
  }
  return true;
}

/// Gives the temporary file `to` the metadata of the file it replaces:
/// owner and group first (chown clears setuid/setgid), then the mode, then
/// the extended attributes, then the mode again if an ACL changed it.
bool CopyMetadata(int from, const struct stat& st, int to, std::string* err) {
  if (fchown(to, st.st_uid, st.st_gid) != 0) {
    *err = Errno(("cannot keep its owner " + std::to_string(st.st_uid) + ":" + std::to_string(st.st_gid))
                     .c_str());
    return false;
  }
  const mode_t mode = st.st_mode & 07777;
  if (fchmod(to, mode) != 0) {
    *err = Errno("cannot keep its mode");
    return false;
  }
  if (!CopyXattrs(from, to, err)) return false;
  struct stat now;
  if (fstat(to, &now) == 0 && (now.st_mode & 07777) != mode && fchmod(to, mode) != 0) {
    *err = Errno("cannot keep its mode");
    return false;
  }
  return true;
}

std::string TempName(std::string_view name) {
  static std::mt19937_64 rng{std::random_device{}()};
  static const char kChars[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  std::string out(1, '.');  // appended, not "." + ...: gcc 12 -O3 -Wrestrict false positive (GCC PR 105329)
  out.append(name.substr(0, 200)).append(".synlint-tmp-");
  for (int i = 0; i < 6; ++i) out += kChars[rng() % (sizeof kChars - 1)];
  return out;
}

// ---------------------------------------------------------- the write

class DiskPendingWrite : public PendingWrite {
 public:
  DiskPendingWrite(const ConfinedWrite& w, Fd dir, std::vector<CreatedDir> created)
      : shown_(w.shown), name_(w.name), check_(w.check), must_exist_(w.expected != nullptr),
        dir_(std::move(dir)), created_(std::move(created)) {
    if (w.expected) expected_ = *w.expected;
  }
  ~DiskPendingWrite() override {
    if (temp_.ok()) {
      unlinkat(dir_.get(), temp_name_.c_str(), 0);
      UnregisterTemp(slot_);
    }
    // Directories made for this file, innermost first; one still in use by
    // another file is not empty and stays (files are undone in reverse).
    for (auto it = created_.rbegin(); it != created_.rend(); ++it) {
      if (!committed_) unlinkat(it->parent_fd, it->name.c_str(), AT_REMOVEDIR);
      close(it->parent_fd);
    }
  }

  bool Prepare(const ConfinedWrite& w, std::string* err);
  bool Commit(std::string* err) override;

 private:
  void RemoveLeftovers(const std::string& dir);
  /// Checks the target as it is now (opened as `fd`) against what the run read.
  bool CheckTarget(int fd, std::string* err) const;

  std::string shown_, name_;
  bool check_, must_exist_;
  std::string expected_;
  Fd dir_;
  std::vector<CreatedDir> created_;
  Fd temp_;
  std::string temp_name_;
  int slot_ = -1;
  bool existed_ = false;
  dev_t dev_ = 0;
  ino_t ino_ = 0;
  bool committed_ = false;
};

void DiskPendingWrite::RemoveLeftovers(const std::string& dir) {
  // A live run holds a lock on its own temporary files; a free one was left
  // by a run that was killed.
  DIR* d = fdopendir(dup(dir_.get()));
  if (!d) return;
  while (const dirent* e = readdir(d)) {
    if (!IsSynlintTempName(e->d_name)) continue;
    Fd old(openat(dir_.get(), e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (old.ok() && flock(old.get(), LOCK_EX | LOCK_NB) == 0 && unlinkat(dir_.get(), e->d_name, 0) == 0)
      notes_.push_back("removed '" + JoinPath(dir, e->d_name) +
                       "', a temporary file left by an interrupted synlint run");
  }
  closedir(d);
}

bool DiskPendingWrite::CheckTarget(int fd, std::string* err) const {
  struct stat at, opened;
  if (fstatat(dir_.get(), name_.c_str(), &at, AT_SYMLINK_NOFOLLOW) != 0 || fstat(fd, &opened) != 0 ||
      at.st_dev != opened.st_dev || at.st_ino != opened.st_ino || opened.st_dev != dev_ ||
      opened.st_ino != ino_) {
    *err = "it was replaced since it was read";
    return false;
  }
  if (!check_) return true;
  std::string now;
  if (!ReadAll(fd, &now)) {
    *err = Errno("cannot read it again");
    return false;
  }
  if (now != expected_) {
    *err = "it changed since it was read (run synlint again)";
    return false;
  }
  return true;
}

bool DiskPendingWrite::Prepare(const ConfinedWrite& w, std::string* err) {
  const int dir = dir_.get();
  if (!Step("dir-opened", shown_, err)) return false;
  RemoveLeftovers(w.dir);
  struct stat st;
  existed_ = fstatat(dir, name_.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (!existed_ && errno != ENOENT) {
    *err = Errno("cannot look at it");
    return false;
  }
  if (check_ && !must_exist_ && existed_) {
    *err = "it appeared since it was checked";
    return false;
  }
  if (check_ && must_exist_ && !existed_) {
    *err = "it is no longer a regular file (it was removed)";
    return false;
  }
  Fd old;
  if (existed_) {
    if (!S_ISREG(st.st_mode)) {
      *err = "it is no longer a regular file";
      return false;
    }
    old = Fd(openat(dir, name_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!old.ok() || fstat(old.get(), &st) != 0) {
      *err = Errno("cannot open it");
      return false;
    }
    dev_ = st.st_dev;
    ino_ = st.st_ino;
    if (!CheckTarget(old.get(), err)) return false;
    if (faccessat(dir, name_.c_str(), W_OK, 0) != 0) {
      *err = Errno("it is not writable");
      return false;
    }
  }
  for (int tries = 0; !temp_.ok(); ++tries) {
    temp_name_ = TempName(name_);
    temp_ = Fd(openat(dir, temp_name_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
    if (!temp_.ok() && (errno != EEXIST || tries > 100)) {
      *err = Errno(("cannot create a temporary file in '" + (w.dir.empty() ? "." : w.dir) + "'").c_str());
      return false;
    }
  }
  slot_ = RegisterTemp(dir, temp_name_);
  flock(temp_.get(), LOCK_EX);  // marks it as in use for other runs' leftover search
  if (!WriteAll(temp_.get(), w.contents)) {
    *err = Errno("cannot write its temporary file");
    return false;
  }
  if (existed_ ? !CopyMetadata(old.get(), st, temp_.get(), err) : fchmod(temp_.get(), w.new_mode) != 0) {
    if (!existed_) *err = Errno("cannot set its mode");
    return false;
  }
  if (fsync(temp_.get()) != 0) {
    *err = Errno("cannot fsync its temporary file");
    return false;
  }
  return Step("temp-written", shown_, err);
}

bool DiskPendingWrite::Commit(std::string* err) {
  if (!Step("before-rename", shown_, err)) return false;
  const int dir = dir_.get();
  Fd target;
  if (existed_) {
    // Under the lock editors and other synlint runs take, the file must be
    // the one read, with the text read: otherwise refuse, not overwrite.
    target = Fd(openat(dir, name_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC));
    if (!target.ok()) {
      *err = errno == ENOENT ? "it was removed since it was read" : Errno("cannot open it");
      return false;
    }
    if (flock(target.get(), LOCK_EX | LOCK_NB) != 0) {
      *err = errno == EWOULDBLOCK ? "it is locked by another process (an editor or another synlint run)"
                                  : Errno("cannot lock it");
      return false;
    }
    if (!CheckTarget(target.get(), err)) return false;
    if (renameat(dir, temp_name_.c_str(), dir, name_.c_str()) != 0) {
      *err = Errno("cannot rename its temporary file over it");
      return false;
    }
  } else if (renameat2(dir, temp_name_.c_str(), dir, name_.c_str(), RENAME_NOREPLACE) != 0) {
    // Never over a file created meanwhile.
    *err = errno == EEXIST ? "it appeared since it was checked"
                           : Errno("cannot rename its temporary file into place");
    return false;
  }
  committed_ = true;
  UnregisterTemp(slot_);
  slot_ = -1;
  temp_ = Fd();
  fsync(dir);  // the rename itself survives a crash
  return true;
}

}  // namespace

bool IsSynlintTempName(std::string_view name) {
  const size_t at = name.rfind(".synlint-tmp-");
  return !name.empty() && name[0] == '.' && at != std::string_view::npos && at > 0 &&
         name.size() == at + 13 + 6;
}

void RemovePendingTempFiles() {
  for (TempSlot& s : slots) {
    const int fd = s.dir_fd.exchange(-1);
    if (fd >= 0) unlinkat(fd, s.name, 0);
  }
}

void SetWriteStepHookForTest(WriteStepHook hook) { Hook() = std::move(hook); }

void ForceDescriptorWalkForTest(bool on) { force_walk = on; }

std::unique_ptr<PendingWrite> PrepareConfinedWrite(const ConfinedWrite& w, std::string* err) {
  if (!Step("dir-resolved", w.shown, err)) return nullptr;
  Fd root(open(w.root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root.ok()) {
    *err = Errno(("cannot open the root '" + w.root + "'").c_str());
    return nullptr;
  }
  std::vector<CreatedDir> created;
  Fd dir(OpenOrCreateDir(root.get(), w.dir, w.create_dir, &created));
  if (!dir.ok()) {
    const bool swapped = errno == ELOOP || errno == ENOTDIR || errno == EXDEV;
    *err = swapped ? "'" + w.dir + "' is no longer a plain directory inside the root (a symlink or another "
                         "file took its place); not followed"
                   : Errno(("cannot open '" + (w.dir.empty() ? "." : w.dir) + "'").c_str());
    DiskPendingWrite undo(w, Fd(), std::move(created));  // removes directories made on the way
    return nullptr;
  }
  auto pending = std::make_unique<DiskPendingWrite>(w, std::move(dir), std::move(created));
  if (!pending->Prepare(w, err)) return nullptr;
  return pending;
}

}  // namespace synlint
