// SPDX-License-Identifier: MIT
#include "rules/live/live_rules.h"

namespace synlint {

Location LiveLocation(const std::string& proc_path) {
  Location loc;
  loc.file = PathRef(proc_path);
  return loc;
}

}  // namespace synlint
