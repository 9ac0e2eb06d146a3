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

DiskFileSystem::DiskFileSystem(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
  if (root_.empty()) root_ = "/";
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

bool DiskFileSystem::WriteFile(const std::string& path,
                               std::string_view contents, uint32_t new_mode,
                               std::string* err) {
  lstat_cache_.clear();  // the write changes this path and may create directories
  const std::string host = HostPath(path);
  const std::string dir(DirName(host).empty() ? "/" : DirName(host));
  struct stat old;
  const bool exists = lstat(host.c_str(), &old) == 0;
  if (!exists) {
    // Create missing parent directories (0755), like `install -D`.
    for (size_t slash = root_.size() + 1; (slash = dir.find('/', slash)) != std::string::npos; ++slash)
      mkdir(dir.substr(0, slash).c_str(), 0755);
    mkdir(dir.c_str(), 0755);
  }
  if (exists && !S_ISREG(old.st_mode)) {
    *err = "not a regular file";
    return false;
  }
  if (exists && access(host.c_str(), W_OK) != 0) {
    *err = std::string("not writable: ") + std::strerror(errno);
    return false;
  }
  std::string tmpl = dir + "/." + std::string(BaseName(host)) + ".synlint-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  const int fd = mkstemp(name.data());
  if (fd < 0) {
    *err = std::string("cannot create a temporary file in '") + dir +
           "': " + std::strerror(errno);
    return false;
  }
  auto fail = [&](const char* what) {
    *err = std::string(what) + ": " + std::strerror(errno);
    close(fd);
    unlink(name.data());
    return false;
  };
  size_t off = 0;
  while (off < contents.size()) {
    const ssize_t n = write(fd, contents.data() + off, contents.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return fail("write failed");
    }
    off += static_cast<size_t>(n);
  }
  const mode_t mode = exists ? (old.st_mode & 07777) : new_mode;
  if (fchmod(fd, mode) != 0) return fail("cannot set mode");
  if (exists && fchown(fd, old.st_uid, old.st_gid) != 0 && geteuid() == 0)
    return fail("cannot keep owner");
  if (fsync(fd) != 0) return fail("fsync failed");
  if (close(fd) != 0) {
    unlink(name.data());
    *err = std::string("close failed: ") + std::strerror(errno);
    return false;
  }
  if (rename(name.data(), host.c_str()) != 0) {
    *err = std::string("rename failed: ") + std::strerror(errno);
    unlink(name.data());
    return false;
  }
  const int dfd = open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    fsync(dfd);
    close(dfd);
  }
  return true;
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
