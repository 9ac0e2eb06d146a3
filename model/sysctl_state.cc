// SPDX-License-Identifier: MIT
#include "model/sysctl_state.h"

#include <algorithm>

#include "core/file_system.h"

namespace synlint {

void SysctlState::Build(const std::vector<sysctl::DiscoveredFile>& files,
                        const std::map<std::string, sysctl::ParseResult>& parses,
                        const std::vector<ScriptSetting>* scripts) {
  entries_.clear();
  exact_.clear();
  globs_.clear();
  excluded_.clear();
  glob_winner_.clear();
  size_t count = 0;
  for (const auto& f : files) {
    if (auto it = parses.find(f.file->path); it != parses.end()) count += it->second.assignments.size();
  }
  if (scripts) count += scripts->size();
  entries_.reserve(count);
  exact_.reserve(count);
  auto add = [&](const SourceFile* file, const sysctl::Assignment& a, std::string_view listed_as) {
    const auto index = static_cast<uint32_t>(entries_.size());
    SysctlEntry& e = entries_.emplace_back(SysctlEntry{file, &a, listed_as, index});
    if (a.exclusion) {
      excluded_.insert(a.name);
    } else if (a.is_glob()) {
      globs_.push_back(index);
    } else {
      auto [last, fresh] = exact_.try_emplace(a.name, index);
      if (!fresh) {
        e.prev_same = last->second;
        last->second = index;
      }
    }
  };
  for (const auto& f : files) {
    auto it = parses.find(f.file->path);
    if (it == parses.end()) continue;
    for (const auto& a : it->second.assignments) add(f.file, a, f.listed_as);
  }
  scripts_ = scripts;
  first_script_ = static_cast<uint32_t>(entries_.size());
  if (scripts) {
    for (const ScriptSetting& s : *scripts) add(s.file, s.assignment, s.listed_as);
  }
}

const SysctlEntry* SysctlState::LastExact(std::string_view key) const {
  const auto it = exact_.find(key);
  return it == exact_.end() ? nullptr : &entries_[it->second];
}

const SysctlEntry* SysctlState::Winner(std::string_view key) const {
  if (const SysctlEntry* e = LastExact(key)) return e;
  // Only globs and exclusions are left to look at: a key without an exact
  // assignment is decided by the last matching glob, unless excluded.
  if (globs_.empty() || excluded_.count(key)) return nullptr;
  auto cached = glob_winner_.find(key);
  if (cached == glob_winner_.end()) cached = glob_winner_.emplace(std::string(key), nullptr).first;
  else return cached->second;
  for (auto it = globs_.rbegin(); it != globs_.rend(); ++it) {
    if (GlobMatch(entries_[*it].assignment->name, key)) return cached->second = &entries_[*it];
  }
  return nullptr;
}

std::vector<const SysctlEntry*> SysctlState::History(std::string_view key) const {
  std::vector<const SysctlEntry*> out;
  for (const SysctlEntry* e = LastExact(key); e; e = Previous(*e)) out.push_back(e);
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<std::string_view> SysctlState::Keys() const {
  std::vector<std::string_view> out;
  out.reserve(exact_.size());
  for (const auto& [k, v] : exact_) out.push_back(k);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace synlint
