// SPDX-License-Identifier: MIT
#include "linter/engine/actions.h"

#include "model/restart_advice.h"

namespace synlint {

std::vector<Action> ActionsForFix(const Host& host, const FixResult& fix) {
  if (!fix.fixed_host || fix.fixed.empty()) return {};
  return RestartActions(host, *fix.fixed_host);
}

}  // namespace synlint
