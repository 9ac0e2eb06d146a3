// SPDX-License-Identifier: MIT
// The effective sysctl values one loader produces: every assignment in the
// order it is applied, and for each key the one that wins.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/source.h"
#include "model/script_settings.h"
#include "parsers/sysctl/discover.h"
#include "parsers/sysctl/parser.h"

namespace synlint {

struct SysctlEntry {
  const SourceFile* file = nullptr;
  const sysctl::Assignment* assignment = nullptr;
  std::string_view listed_as;  // path the loader found it under (in the DiscoveredFile)
  uint32_t order = 0;          // application order: the index in SysctlState::entries()
  /// The previous exact assignment of the same key (an index in entries()),
  /// or kNone: History() walks these links.
  uint32_t prev_same = kNone;
  static constexpr uint32_t kNone = UINT32_MAX;
  const std::string& key() const { return assignment->name; }
  const std::string& value() const { return assignment->text; }
};

class SysctlState {
 public:
  /// Applies `files` in order; `parses` holds each file's parse by real path.
  /// Then the writes of scripts (`scripts`, in applied order; null: none), which run
  /// after the sysctl files and so win while they are in force (their phase says when).
  void Build(const std::vector<sysctl::DiscoveredFile>& files,
             const std::map<std::string, sysctl::ParseResult>& parses,
             const std::vector<ScriptSetting>* scripts = nullptr);

  /// The script write `e` is, or null for an assignment of a sysctl file.
  const ScriptSetting* Script(const SysctlEntry& e) const {
    return scripts_ && e.order >= first_script_ ? &(*scripts_)[e.order - first_script_] : nullptr;
  }

  /// Every assignment (exact keys, globs and exclusions) in applied order.
  const std::vector<SysctlEntry>& entries() const { return entries_; }
  /// The assignment that decides `key`: the last exact one, else the last
  /// matching glob (unless `-key` excludes it); null when nothing sets it.
  const SysctlEntry* Winner(std::string_view key) const;
  /// The last exact assignment of `key` (accepted by the kernel or not);
  /// null when no line names it exactly. Its prev_same links lead back
  /// through the earlier ones.
  const SysctlEntry* LastExact(std::string_view key) const;
  const SysctlEntry* Previous(const SysctlEntry& e) const {
    return e.prev_same == SysctlEntry::kNone ? nullptr : &entries_[e.prev_same];
  }
  /// All exact assignments of `key`, in applied order.
  std::vector<const SysctlEntry*> History(std::string_view key) const;
  /// Every key with an exact assignment, sorted. The views point into the
  /// parses the state was built from.
  std::vector<std::string_view> Keys() const;
  /// Calls fn(key, its last exact assignment) for every key with an exact
  /// assignment, in no set order: for rules whose findings are sorted
  /// afterwards anyway (Keys() sorts hundreds of thousands on some hosts).
  template <typename Fn>
  void ForEachKey(Fn&& fn) const {
    for (const auto& [key, last] : exact_) fn(key, entries_[last]);
  }

 private:
  struct ViewHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<SysctlEntry> entries_;
  const std::vector<ScriptSetting>* scripts_ = nullptr;
  uint32_t first_script_ = 0;  // entries_ from here on are scripts_, in order
  /// Key -> index of its last exact assignment. The keys are views of the
  /// assignments' names (a host of per-interface keys has hundreds of
  /// thousands: a map of string to vector was 87 MB of a 10 MiB host).
  std::unordered_map<std::string_view, uint32_t> exact_;
  std::vector<uint32_t> globs_;          // glob assignments (not exclusions), in applied order
  std::unordered_set<std::string_view> excluded_;  // keys named by a `-key` exclusion
  /// Glob winners already looked up: a rule may ask for one key per line.
  mutable std::unordered_map<std::string, const SysctlEntry*, ViewHash, std::equal_to<>> glob_winner_;
};

}  // namespace synlint
