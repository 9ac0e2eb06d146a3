// The effective sysctl values one loader produces: every assignment in the
// order it is applied, and for each key the one that wins.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "linter/source.h"
#include "parsers/sysctl/discover.h"
#include "parsers/sysctl/parser.h"

namespace synlint {

struct SysctlEntry {
  const SourceFile* file = nullptr;
  const sysctl::Assignment* assignment = nullptr;
  std::string_view listed_as;  // path the loader found it under (in the DiscoveredFile)
  size_t order = 0;       // application order
  const std::string& key() const { return assignment->name; }
  const std::string& value() const { return assignment->text; }
};

class SysctlState {
 public:
  /// Applies `files` in order; `parses` holds each file's parse by real path.
  void Build(const std::vector<sysctl::DiscoveredFile>& files,
             const std::map<std::string, sysctl::ParseResult>& parses);

  /// Every assignment (exact keys, globs and exclusions) in applied order.
  const std::vector<SysctlEntry>& entries() const { return entries_; }
  /// The assignment that decides `key`: the last exact one, else the last
  /// matching glob (unless `-key` excludes it); null when nothing sets it.
  const SysctlEntry* Winner(const std::string& key) const;
  /// All exact assignments of `key`, in applied order.
  std::vector<const SysctlEntry*> History(const std::string& key) const;
  /// Every key with an exact assignment, sorted.
  std::vector<std::string> Keys() const;

 private:
  std::vector<SysctlEntry> entries_;
  std::map<std::string, std::vector<size_t>> exact_;
  std::vector<size_t> globs_;       // glob assignments (not exclusions), in applied order
  std::set<std::string> excluded_;  // keys named by a `-key` exclusion
  /// Glob winners already looked up: a rule may ask for one key per line.
  mutable std::unordered_map<std::string, const SysctlEntry*> glob_winner_;
};

}  // namespace synlint
