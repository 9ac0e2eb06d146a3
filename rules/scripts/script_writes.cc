// SPDX-License-Identifier: MIT
// What the SL4xx rules share about the writes of scripts.
#include "rules/scripts/script_rules.h"

namespace synlint {

const SysctlEntry* FileAssignmentBefore(const Host& host, const SysctlEntry& entry) {
  const SysctlState& st = host.sysctl();
  for (const SysctlEntry* e = st.Previous(entry); e; e = st.Previous(*e)) {
    if (!st.Script(*e) && host.Accepted(*e)) return e;
  }
  return nullptr;
}

}  // namespace synlint
