// SPDX-License-Identifier: MIT
#include "rules/edits/sysctl_entries.h"

#include <unordered_set>

namespace synlint {

Location KeyLocation(const SysctlEntry& e) { return MakeLocation(*e.file, e.assignment->key); }

Location ValueLocation(const SysctlEntry& e) {
  const Span v = e.assignment->value;
  return MakeLocation(*e.file, v.empty() ? e.assignment->key : v);
}

std::vector<const SysctlEntry*> AllAssignments(const Host& host) {
  // A state lists each file it reads as one run of entries, one per
  // assignment of the file's parse, in order; a file read twice (by both
  // loaders, or through 99-sysctl.conf and sysctl.conf) repeats its run with
  // the same assignments. So "each assignment once" is "each file's run
  // once": a set of files, not of 250k assignments (12% of clean/sysctl).
  const SysctlState& mine = host.sysctl();
  const SysctlState& other = host.sysctl(
      host.loader == sysctl::Loader::kSystemd ? sysctl::Loader::kProcps : sysctl::Loader::kSystemd);
  std::vector<const SysctlEntry*> out;
  out.reserve(mine.entries().size());
  std::unordered_set<const SourceFile*> files_done;
  // When both loaders read the same files they share one state.
  const SysctlState* const states[] = {&mine, &other == &mine ? nullptr : &other};
  for (const SysctlState* st : states) {
    if (!st) continue;
    const SourceFile* run = nullptr;
    const sysctl::Assignment* last = nullptr;
    bool skip = false;
    for (const SysctlEntry& e : st->entries()) {
      if (e.file != run || e.assignment <= last) {  // a new run starts
        run = e.file;
        skip = !files_done.insert(run).second;
      }
      last = e.assignment;
      if (!skip) out.push_back(&e);
    }
  }
  return out;
}

std::string Where(const SysctlEntry& e) {
  return e.file->path + ":" + std::to_string(e.file->lines().At(e.assignment->key.begin).line);
}

}  // namespace synlint
