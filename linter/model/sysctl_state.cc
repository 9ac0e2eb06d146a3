#include "linter/model/sysctl_state.h"

#include "linter/file_system.h"

namespace synlint {

void SysctlState::Build(const std::vector<sysctl::DiscoveredFile>& files,
                        const std::map<std::string, sysctl::ParseResult>& parses) {
  entries_.clear();
  exact_.clear();
  globs_.clear();
  excluded_.clear();
  glob_winner_.clear();
  size_t count = 0;
  for (const auto& f : files) {
    if (auto it = parses.find(f.file->path); it != parses.end()) count += it->second.assignments.size();
  }
  entries_.reserve(count);
  for (const auto& f : files) {
    auto it = parses.find(f.file->path);
    if (it == parses.end()) continue;
    for (const auto& a : it->second.assignments) {
      const size_t index = entries_.size();
      entries_.push_back({f.file, &a, f.listed_as, index});
      const bool glob = a.is_glob();
      if (a.exclusion) {
        excluded_.insert(a.name);
      } else if (glob) {
        globs_.push_back(index);
      } else {
        exact_[a.name].push_back(index);
      }
    }
  }
}

const SysctlEntry* SysctlState::Winner(const std::string& key) const {
  if (auto it = exact_.find(key); it != exact_.end()) return &entries_[it->second.back()];
  // Only globs and exclusions are left to look at: a key without an exact
  // assignment is decided by the last matching glob, unless excluded.
  if (globs_.empty() || excluded_.count(key)) return nullptr;
  auto [cached, fresh] = glob_winner_.try_emplace(key, nullptr);
  if (!fresh) return cached->second;
  for (auto it = globs_.rbegin(); it != globs_.rend(); ++it) {
    if (GlobMatch(entries_[*it].assignment->name, key)) return cached->second = &entries_[*it];
  }
  return nullptr;
}

std::vector<const SysctlEntry*> SysctlState::History(const std::string& key) const {
  std::vector<const SysctlEntry*> out;
  if (auto it = exact_.find(key); it != exact_.end()) {
    for (size_t i : it->second) out.push_back(&entries_[i]);
  }
  return out;
}

std::vector<std::string> SysctlState::Keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : exact_) out.push_back(k);
  return out;
}

}  // namespace synlint
