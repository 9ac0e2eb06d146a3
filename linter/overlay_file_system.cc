// SPDX-License-Identifier: MIT
#include "linter/overlay_file_system.h"

#include <algorithm>

namespace synlint {

NodeStat OverlayFileSystem::Lstat(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) {
    NodeStat st = base_.Lstat(path);
    if (st.kind == NodeKind::kMissing) {
      // A directory that exists only because the overlay created a file in it.
      const std::string prefix = path + "/";
      auto up = files_.lower_bound(prefix);
      if (up != files_.end() && up->first.compare(0, prefix.size(), prefix) == 0) {
        st.kind = NodeKind::kDirectory;
        st.mode = 0755;
      }
    }
    return st;
  }
  NodeStat st = base_.Lstat(path);
  st.kind = NodeKind::kRegular;
  if (st.mode == 0) st.mode = 0644;
  st.size = it->second.size();
  return st;
}

bool OverlayFileSystem::ReadLink(const std::string& path, std::string* target) const {
  if (files_.count(path)) return false;
  return base_.ReadLink(path, target);
}

bool OverlayFileSystem::ReadFile(const std::string& path, std::string* contents,
                                 std::string* err) const {
  auto it = files_.find(path);
  if (it == files_.end()) return base_.ReadFile(path, contents, err);
  *contents = it->second;
  return true;
}

std::vector<std::string> OverlayFileSystem::ListDir(const std::string& path) const {
  std::vector<std::string> out = base_.ListDir(path);
  const std::string prefix = path.empty() ? "" : path + "/";
  for (auto it = files_.lower_bound(prefix); it != files_.end(); ++it) {
    if (it->first.compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->first.substr(prefix.size());
    rest = rest.substr(0, rest.find('/'));
    if (std::find(out.begin(), out.end(), rest) == out.end()) out.push_back(rest);
  }
  return out;
}

bool OverlayFileSystem::WriteFile(const std::string& path, std::string_view contents,
                                  uint32_t, std::string*) {
  files_[path] = std::string(contents);
  return true;
}

}  // namespace synlint
