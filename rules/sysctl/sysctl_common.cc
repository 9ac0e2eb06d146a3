#include "rules/sysctl/sysctl_rules.h"

#include <unordered_set>

namespace synlint {

Location KeyLocation(const SysctlEntry& e) { return MakeLocation(*e.file, e.assignment->key); }

Location ValueLocation(const SysctlEntry& e) {
  const Span v = e.assignment->value;
  return MakeLocation(*e.file, v.empty() ? e.assignment->key : v);
}

std::vector<const SysctlEntry*> AllAssignments(const Host& host) {
  std::vector<const SysctlEntry*> out;
  std::unordered_set<const sysctl::Assignment*> seen;
  seen.reserve(host.sysctl().entries().size());
  for (const SysctlState* st : {&host.sysctl(), &host.sysctl(host.loader == sysctl::Loader::kSystemd
                                                                 ? sysctl::Loader::kProcps
                                                                 : sysctl::Loader::kSystemd)}) {
    for (const SysctlEntry& e : st->entries()) {
      if (seen.insert(e.assignment).second) out.push_back(&e);
    }
  }
  return out;
}

std::string Where(const SysctlEntry& e) {
  return e.file->path + ":" + std::to_string(e.file->lines.At(e.assignment->key.begin).line);
}

}  // namespace synlint
