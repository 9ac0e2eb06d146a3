#include "linter/model/sysctl_state.h"

#include "linter/file_system.h"

namespace synlint {

void SysctlState::Build(const std::vector<sysctl::DiscoveredFile>& files,
                        const std::map<std::string, sysctl::ParseResult>& parses) {
  entries_.clear();
  exact_.clear();
  for (const auto& f : files) {
    auto it = parses.find(f.file->path);
    if (it == parses.end()) continue;
    for (const auto& a : it->second.assignments) {
      const size_t index = entries_.size();
      entries_.push_back({f.file, &a, f.listed_as, index});
      if (!a.is_glob() && !a.exclusion) exact_[a.name].push_back(index);
    }
  }
}

const SysctlEntry* SysctlState::Winner(const std::string& key) const {
  if (auto it = exact_.find(key); it != exact_.end()) return &entries_[it->second.back()];
  bool excluded = false;
  const SysctlEntry* glob = nullptr;
  for (const SysctlEntry& e : entries_) {
    const auto& a = *e.assignment;
    if (a.exclusion && a.name == key) excluded = true;
    if (a.is_glob() && !a.exclusion && GlobMatch(a.name, key)) glob = &e;
  }
  return excluded ? nullptr : glob;
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
