// SPDX-License-Identifier: MIT
#include "core/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <optional>

#include "core/confined_write.h"
#include "core/regular_file.h"

namespace synlint {

namespace {

NodeKind KindOf(mode_t m) {
  if (S_ISREG(m)) return NodeKind::kRegular;
  if (S_ISDIR(m)) return NodeKind::kDirectory;
  if (S_ISLNK(m)) return NodeKind::kSymlink;
  return NodeKind::kOther;
}

std::vector<std::string> SplitPath(std::string_view p) {
  std::vector<std::string> parts;
  size_t i = 0;
  while (i <= p.size()) {
    size_t j = p.find('/', i);
    if (j == std::string_view::npos) j = p.size();
    if (j > i) parts.emplace_back(p.substr(i, j - i));
    i = j + 1;
  }
  return parts;
}

std::string JoinParts(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

}  // namespace

bool NormalizePath(std::string_view path, std::string* out) {
  std::vector<std::string> stack;
  for (auto& part : SplitPath(path)) {
    if (part == ".") continue;
    if (part == "..") {
      if (stack.empty()) return false;
      stack.pop_back();
      continue;
    }
    stack.push_back(std::move(part));
  }
  *out = JoinParts(stack);
  return true;
}

std::string JoinPath(std::string_view dir, std::string_view rel) {
  if (!rel.empty() && rel.front() == '/') return std::string(rel.substr(1));
  if (dir.empty()) return std::string(rel);
  if (rel.empty()) return std::string(dir);
  std::string out(dir);
  if (out.back() != '/') out += '/';
  out += rel;
  return out;
}

std::string_view DirName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

namespace {

/// The default PendingWrite: checked when prepared, written when committed.
class DeferredWrite : public PendingWrite {
 public:
  DeferredWrite(FileSystem& fs, std::string path, std::string_view contents, uint32_t mode)
      : fs_(fs), path_(std::move(path)), contents_(contents), mode_(mode) {}
  bool Commit(std::string* err) override { return fs_.WriteFile(path_, contents_, mode_, err); }

 private:
  FileSystem& fs_;
  std::string path_;
  std::string contents_;
  uint32_t mode_;
};

}  // namespace

std::unique_ptr<PendingWrite> FileSystem::PrepareWrite(const std::string& path, std::string_view contents,
                                                       uint32_t new_mode, const std::string* expected,
                                                       std::string* err) {
  const NodeKind kind = Lstat(path).kind;
  if (!expected && kind != NodeKind::kMissing) {
    *err = "it appeared since it was checked";
    return nullptr;
  }
  if (expected) {
    std::string now, read_err;
    if (kind != NodeKind::kRegular) {
      *err = "it is no longer a regular file";
      return nullptr;
    }
    if (!ReadFile(path, &now, &read_err)) {
      *err = "cannot read it again: " + read_err;
      return nullptr;
    }
    if (now != *expected) {
      *err = "it changed since it was read (run synlint again)";
      return nullptr;
    }
  }
  return std::make_unique<DeferredWrite>(*this, path, contents, new_mode);
}

Resolved Resolve(const FileSystem& fs, std::string_view path) {
  Resolved r;
  std::vector<std::string> todo = SplitPath(path);
  std::reverse(todo.begin(), todo.end());  // pop from the back
  std::string done;                        // the components resolved so far, joined
  std::vector<size_t> starts;              // where each component of `done` begins
  auto pop = [&] {
    done.resize(starts.back() == 0 ? 0 : starts.back() - 1);
    starts.pop_back();
  };
  // The kind of `done` when the last step was an lstat of it (the root is a
  // directory); after ".." or a symlink it must be looked up again.
  std::optional<NodeKind> kind = NodeKind::kDirectory;
  int hops = 0;
  while (!todo.empty()) {
    std::string part = std::move(todo.back());
    todo.pop_back();
    if (part == ".") continue;
    if (part == "..") {
      if (starts.empty()) {
        r.status = Resolved::Status::kEscapes;
        r.error = "path leads outside the root";
        return r;
      }
      pop();
      kind.reset();
      continue;
    }
    if (!done.empty()) done += '/';
    starts.push_back(done.size());
    done += part;
    const NodeStat st = fs.Lstat(done);
    if (st.kind == NodeKind::kMissing) {
      r.status = Resolved::Status::kMissing;
      r.path = std::move(done);
      for (auto it = todo.rbegin(); it != todo.rend(); ++it) r.path += "/" + *it;
      return r;
    }
    kind = st.kind;
    if (st.kind != NodeKind::kSymlink) continue;
    r.via_symlink = true;
    if (++hops > 40) {
      r.status = Resolved::Status::kLoop;
      r.error = "too many levels of symbolic links (a symlink loop) at '" + done + "'";
      return r;
    }
    std::string target;
    if (!fs.ReadLink(done, &target)) {
      r.status = Resolved::Status::kMissing;
      r.path = std::move(done);
      return r;
    }
    if (target == "/dev/null" && todo.empty()) {
      r.status = Resolved::Status::kDevNull;
      r.path = std::move(done);
      return r;
    }
    pop();
    if (!target.empty() && target.front() == '/') {
      done.clear();
      starts.clear();
    }
    kind.reset();
    std::vector<std::string> more = SplitPath(target);
    for (auto it = more.rbegin(); it != more.rend(); ++it) todo.push_back(std::move(*it));
  }
  r.path = std::move(done);
  if (r.path.empty()) {
    r.kind = NodeKind::kDirectory;
  } else {
    r.kind = kind ? *kind : fs.Lstat(r.path).kind;
  }
  r.status = r.kind == NodeKind::kMissing ? Resolved::Status::kMissing
                                          : Resolved::Status::kOk;
  return r;
}

bool HasGlob(std::string_view p) {
  return p.find_first_of("*?[") != std::string_view::npos;
}

bool GlobMatch(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0, star_p = std::string_view::npos, star_i = 0;
  auto match_class = [&](size_t& pp, char c) -> int {
    // Returns 1 match, 0 no match, -1 malformed (treat '[' literally).
    size_t q = pp + 1;
    bool negate = false;
    if (q < pat.size() && (pat[q] == '!' || pat[q] == '^')) {
      negate = true;
      ++q;
    }
    bool matched = false;
    bool first = true;
    while (q < pat.size() && (first || pat[q] != ']')) {
      first = false;
      char lo = pat[q];
      if (q + 2 < pat.size() && pat[q + 1] == '-' && pat[q + 2] != ']') {
        if (c >= lo && c <= pat[q + 2]) matched = true;
        q += 3;
      } else {
        if (c == lo) matched = true;
        ++q;
      }
    }
    if (q >= pat.size()) return -1;
    pp = q + 1;
    return matched != negate ? 1 : 0;
  };
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star_p = p++;
      star_i = i;
      continue;
    }
    if (p < pat.size()) {
      if (pat[p] == '?') {
        ++p;
        ++i;
        continue;
      }
      if (pat[p] == '[') {
        size_t pp = p;
        const int m = match_class(pp, s[i]);
        if (m == 1) {
          p = pp;
          ++i;
          continue;
        }
        if (m == -1 && s[i] == '[') {
          ++p;
          ++i;
          continue;
        }
      } else if (pat[p] == '\\' && p + 1 < pat.size() && pat[p + 1] == s[i]) {
        p += 2;
        ++i;
        continue;
      } else if (pat[p] == s[i]) {
        ++p;
        ++i;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    p = star_p + 1;
    i = ++star_i;
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string> ExpandGlob(const FileSystem& fs,
                                    std::string_view pattern) {
  std::string norm;
  if (!NormalizePath(pattern, &norm)) return {};
  if (!HasGlob(norm)) return {norm};
  std::vector<std::string> parts = SplitPath(norm);
  std::vector<std::string> current{""};
  for (size_t k = 0; k < parts.size(); ++k) {
    std::vector<std::string> next;
    const bool last = k + 1 == parts.size();
    for (const auto& base : current) {
      if (!HasGlob(parts[k])) {
        std::string p = JoinPath(base, parts[k]);
        const Resolved r = Resolve(fs, p);
        if (last ? r.status != Resolved::Status::kMissing
                 : r.kind == NodeKind::kDirectory)
          next.push_back(p);
        continue;
      }
      const Resolved dir = Resolve(fs, base);
      if (dir.status != Resolved::Status::kOk) continue;
      std::vector<std::string> names = fs.ListDir(dir.path);
      std::sort(names.begin(), names.end());
      for (const auto& name : names) {
        if (name[0] == '.' && parts[k][0] != '.') continue;  // like glob(3)
        if (GlobMatch(parts[k], name)) next.push_back(JoinPath(base, name));
      }
    }
    current = std::move(next);
  }
  std::sort(current.begin(), current.end());
  return current;
}

// ---------------------------------------------------------------- disk

DiskFileSystem::DiskFileSystem(std::string root, std::string anchor)
    : root_(std::move(root)), anchor_(std::move(anchor)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  if (root_.empty()) root_.push_back('/');  // not = "/": gcc 12 -O3 -Wrestrict false positive (GCC PR 105329)
  while (anchor_.size() > 1 && anchor_.back() == '/') anchor_.pop_back();
  if (anchor_.empty() || anchor_ == root_) {
    anchor_.clear();
  } else if (anchor_ == "/" || (root_.compare(0, anchor_.size(), anchor_) == 0 && root_.size() > anchor_.size() &&
                                root_[anchor_.size()] == '/')) {
    below_ = root_.substr(anchor_ == "/" ? 1 : anchor_.size() + 1);
  } else {
    outside_anchor_ = true;  // every write is refused
  }
}

std::string DiskFileSystem::HostPath(const std::string& path) const {
  if (path.empty()) return root_;
  return root_ == "/" ? "/" + path : root_ + "/" + path;
}

NodeStat DiskFileSystem::Lstat(const std::string& path) const {
  auto [cached, fresh] = lstat_cache_.try_emplace(path);
  if (!fresh) return cached->second;
  NodeStat& out = cached->second;
  struct stat st;
  if (lstat(HostPath(path).c_str(), &st) != 0) return out;
  out.kind = KindOf(st.st_mode);
  out.mode = st.st_mode & 07777;
  out.size = static_cast<uint64_t>(st.st_size);
  out.uid = st.st_uid;
  out.gid = st.st_gid;
  out.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 +
                 st.st_mtim.tv_nsec;
  return out;
}

bool DiskFileSystem::ReadLink(const std::string& path,
                              std::string* target) const {
  char buf[4096];
  const ssize_t n = readlink(HostPath(path).c_str(), buf, sizeof buf);
  if (n < 0 || n == static_cast<ssize_t>(sizeof buf)) return false;
  target->assign(buf, static_cast<size_t>(n));
  return true;
}

bool DiskFileSystem::ReadFile(const std::string& path, std::string* contents,
                              std::string* err) const {
  // Only a regular file is opened for good (a FIFO would block, a device never
  // end). It is read straight into `contents`, up to the size fstat gave (a
  // file that grows meanwhile is read as it was then); a size of 0 (procfs) is
  // read until end of file. The open refuses a symlink.
  uint64_t size = 0;
  const int fd = OpenRegularFile(HostPath(path), O_NOFOLLOW, err, &size);
  if (fd < 0) return false;
  contents->clear();
  const auto expected = static_cast<size_t>(size);
  contents->resize(expected);
  size_t got = 0;
  while (got < expected) {
    const ssize_t n = read(fd, contents->data() + got, expected - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      *err = std::strerror(errno);
      close(fd);
      return false;
    }
    if (n == 0) break;  // shrank since fstat
    got += static_cast<size_t>(n);
  }
  contents->resize(got);
  const bool ok = expected != 0 || AppendToEnd(fd, contents, err);
  close(fd);
  return ok;
}

std::vector<std::string> DiskFileSystem::ListDir(const std::string& path) const {
  std::vector<std::string> out;
  DIR* d = opendir(HostPath(path).c_str());
  if (!d) return out;
  while (const dirent* e = readdir(d)) {
    const std::string name = e->d_name;
    if (name != "." && name != "..") out.push_back(name);
  }
  closedir(d);
  return out;
}

std::unique_ptr<PendingWrite> DiskFileSystem::Prepare(const std::string& path, std::string_view contents,
                                                      uint32_t new_mode, bool check,
                                                      const std::string* expected, std::string* err) {
  lstat_cache_.clear();  // the write changes this path and may create directories
  if (outside_anchor_) {
    *err = "the root '" + root_ + "' is not inside '" + anchor_ + "'";
    return nullptr;
  }
  std::string norm;
  if (!NormalizePath(path, &norm) || norm.empty()) {
    *err = "it is not a file inside the root";
    return nullptr;
  }
  // The directory is resolved as reads resolve it (a symlink inside the root
  // is followed there); the kernel then opens the result with no symlink
  // followed, so a swap since this resolution fails instead of escaping.
  ConfinedWrite w;
  w.root = anchor_.empty() ? root_ : anchor_;
  w.name = std::string(BaseName(norm));
  w.shown = norm;
  w.contents = contents;
  w.new_mode = new_mode;
  w.check = check;
  w.expected = expected;
  const std::string dir(DirName(norm));
  const Resolved r = Resolve(*this, dir);
  lstat_cache_.clear();
  switch (r.status) {
    case Resolved::Status::kOk:
      if (r.kind != NodeKind::kDirectory) {
        *err = "'" + dir + "' is not a directory";
        return nullptr;
      }
      w.dir = JoinPath(below_, r.path);
      break;
    case Resolved::Status::kMissing:
      if (r.via_symlink) {
        *err = "'" + dir + "' is a symlink that leads to no directory inside the root; not followed";
        return nullptr;
      }
      w.dir = JoinPath(below_, dir);
      w.create_dir = true;  // like `install -D`
      break;
    case Resolved::Status::kDevNull:
      *err = "'" + dir + "' is a symlink to /dev/null; not followed";
      return nullptr;
    case Resolved::Status::kLoop:
    case Resolved::Status::kEscapes:
      *err = "'" + dir + "': " + r.error + "; not followed";
      return nullptr;
  }
  return PrepareConfinedWrite(w, err);
}

std::unique_ptr<PendingWrite> DiskFileSystem::PrepareWrite(const std::string& path, std::string_view contents,
                                                           uint32_t new_mode, const std::string* expected,
                                                           std::string* err) {
  return Prepare(path, contents, new_mode, true, expected, err);
}

bool DiskFileSystem::WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                               std::string* err) {
  std::unique_ptr<PendingWrite> w = Prepare(path, contents, new_mode, false, nullptr, err);
  const bool ok = w && w->Commit(err);
  lstat_cache_.clear();
  return ok;
}

// -------------------------------------------------------------- memory

void MemoryFileSystem::AddParents(const std::string& path) {
  std::string_view dir = DirName(path);
  while (!dir.empty()) {
    nodes_.try_emplace(std::string(dir), Node{NodeKind::kDirectory, "", 0755, true});
    dir = DirName(dir);
  }
}

void MemoryFileSystem::AddFile(const std::string& path, std::string contents,
                               uint32_t mode) {
  AddParents(path);
  nodes_[path] = Node{NodeKind::kRegular, std::move(contents), mode, true};
}

void MemoryFileSystem::AddSymlink(const std::string& path, std::string target) {
  AddParents(path);
  nodes_[path] = Node{NodeKind::kSymlink, std::move(target), 0777, true};
}

void MemoryFileSystem::AddDir(const std::string& path) {
  AddParents(path);
  nodes_.try_emplace(path, Node{NodeKind::kDirectory, "", 0755, true});
}

void MemoryFileSystem::SetUnreadable(const std::string& path) {
  nodes_[path].readable = false;
}

const MemoryFileSystem::Node* MemoryFileSystem::Find(const std::string& path) const {
  auto it = nodes_.find(path);
  return it == nodes_.end() ? nullptr : &it->second;
}

NodeStat MemoryFileSystem::Lstat(const std::string& path) const {
  NodeStat st;
  if (path.empty()) {
    st.kind = NodeKind::kDirectory;
    return st;
  }
  if (const Node* n = Find(path)) {
    st.kind = n->kind;
    st.mode = n->mode;
    st.size = n->contents.size();
  }
  return st;
}

bool MemoryFileSystem::ReadLink(const std::string& path, std::string* target) const {
  const Node* n = Find(path);
  if (!n || n->kind != NodeKind::kSymlink) return false;
  *target = n->contents;
  return true;
}

bool MemoryFileSystem::ReadFile(const std::string& path, std::string* contents,
                                std::string* err) const {
  const Node* n = Find(path);
  if (!n) {
    *err = "No such file or directory";
    return false;
  }
  if (!n->readable) {
    *err = "Permission denied";
    return false;
  }
  if (n->kind == NodeKind::kDirectory) {
    *err = "Is a directory";
    return false;
  }
  *contents = n->contents;
  return true;
}

std::vector<std::string> MemoryFileSystem::ListDir(const std::string& path) const {
  std::vector<std::string> out;
  const std::string prefix = path.empty() ? "" : path + "/";
  for (auto it = nodes_.lower_bound(prefix); it != nodes_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string_view rest = std::string_view(it->first).substr(prefix.size());
    if (!rest.empty() && rest.find('/') == std::string_view::npos)
      out.emplace_back(rest);
  }
  return out;
}

bool MemoryFileSystem::WriteFile(const std::string& path,
                                 std::string_view contents, uint32_t new_mode,
                                 std::string* err) {
  auto it = nodes_.find(path);
  if (it != nodes_.end()) {
    if (it->second.kind != NodeKind::kRegular) {
      *err = "not a regular file";
      return false;
    }
    it->second.contents = std::string(contents);
    return true;
  }
  AddFile(path, std::string(contents), new_mode);
  return true;
}

}  // namespace synlint
