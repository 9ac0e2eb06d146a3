// SPDX-License-Identifier: MIT
#include "linter/git_file_system.h"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

namespace synlint {

bool RunCapture(const std::vector<std::string>& argv, std::string* out) {
  int pipefd[2];
  if (pipe(pipefd) != 0) return false;
  const pid_t pid = fork();
  if (pid < 0) return false;
  if (pid == 0) {
    dup2(pipefd[1], 1);
    close(pipefd[0]);
    close(pipefd[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(pipefd[1]);
  out->clear();
  char buf[65536];
  for (;;) {
    const ssize_t n = read(pipefd[0], buf, sizeof buf);
    if (n > 0) {
      out->append(buf, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;
  }
  close(pipefd[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

std::unique_ptr<GitFileSystem> GitFileSystem::Open(const std::string& root, const std::string& rev,
                                                   std::string* err) {
  std::string top, prefix, listing;
  if (!RunCapture({"git", "-C", root, "rev-parse", "--show-toplevel"}, &top) ||
      !RunCapture({"git", "-C", root, "rev-parse", "--show-prefix"}, &prefix)) {
    *err = "--changed-since: '" + root + "' is not inside a git work tree";
    return nullptr;
  }
  while (!top.empty() && top.back() == '\n') top.pop_back();
  while (!prefix.empty() && prefix.back() == '\n') prefix.pop_back();
  std::string commit;
  if (!RunCapture({"git", "-C", top, "rev-parse", "--verify", "--quiet", rev + "^{commit}"}, &commit)) {
    *err = "--changed-since: '" + rev + "' is not a commit in " + top;
    return nullptr;
  }
  std::vector<std::string> ls = {"git", "-C", top, "ls-tree", "-r", "-z", "--full-tree", rev};
  if (!prefix.empty()) ls.insert(ls.end(), {"--", prefix});
  if (!RunCapture(ls, &listing)) {
    *err = "--changed-since: cannot list '" + rev + "'";
    return nullptr;
  }
  auto fs = std::unique_ptr<GitFileSystem>(new GitFileSystem);
  fs->top_ = top;
  fs->rev_ = rev;
  size_t i = 0;
  while (i < listing.size()) {
    const size_t end = listing.find('\0', i);
    const std::string rec = listing.substr(i, end - i);
    i = end == std::string::npos ? listing.size() : end + 1;
    // "<mode> SP <type> SP <oid> TAB <path>"
    const size_t tab = rec.find('\t');
    if (tab == std::string::npos) continue;
    const std::string meta = rec.substr(0, tab);
    std::string path = rec.substr(tab + 1);
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    path = path.substr(prefix.size());
    const size_t s1 = meta.find(' ');
    const size_t s2 = meta.find(' ', s1 + 1);
    if (meta.substr(s1 + 1, s2 - s1 - 1) != "blob") continue;
    fs->entries_[path] = {meta.substr(0, s1), meta.substr(s2 + 1)};
  }
  return fs;
}

NodeStat GitFileSystem::Lstat(const std::string& path) const {
  NodeStat st;
  if (path.empty()) {
    st.kind = NodeKind::kDirectory;
    return st;
  }
  auto it = entries_.find(path);
  if (it != entries_.end()) {
    st.kind = it->second.mode == "120000" ? NodeKind::kSymlink : NodeKind::kRegular;
    st.mode = it->second.mode == "100755" ? 0755 : 0644;
    return st;
  }
  const std::string dir = path + "/";
  auto up = entries_.lower_bound(dir);
  if (up != entries_.end() && up->first.compare(0, dir.size(), dir) == 0) st.kind = NodeKind::kDirectory;
  return st;
}

bool GitFileSystem::ReadLink(const std::string& path, std::string* target) const {
  auto it = entries_.find(path);
  if (it == entries_.end() || it->second.mode != "120000") return false;
  return RunCapture({"git", "-C", top_, "cat-file", "blob", it->second.oid}, target);
}

bool GitFileSystem::ReadFile(const std::string& path, std::string* contents, std::string* err) const {
  auto it = entries_.find(path);
  if (it == entries_.end()) {
    *err = "not in " + rev_;
    return false;
  }
  if (!RunCapture({"git", "-C", top_, "cat-file", "blob", it->second.oid}, contents)) {
    *err = "git cat-file failed";
    return false;
  }
  return true;
}

std::vector<std::string> GitFileSystem::ListDir(const std::string& path) const {
  std::vector<std::string> out;
  const std::string dir = path.empty() ? "" : path + "/";
  for (auto it = entries_.lower_bound(dir); it != entries_.end(); ++it) {
    if (it->first.compare(0, dir.size(), dir) != 0) break;
    std::string rest = it->first.substr(dir.size());
    rest = rest.substr(0, rest.find('/'));
    if (out.empty() || out.back() != rest) out.push_back(rest);
  }
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

bool GitFileSystem::WriteFile(const std::string&, std::string_view, uint32_t, std::string* err) {
  *err = "a git revision is read-only";
  return false;
}

}  // namespace synlint
