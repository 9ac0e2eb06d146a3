// SPDX-License-Identifier: MIT
// Does the kernel accept a value for a key? Shared by SL102 and the model
// (a rejected write leaves the previous value in force).
#pragma once

#include <string>
#include <vector>

#include "model/knowledge.h"

namespace synlint {

enum class ValueVerdict {
  kAccepted,
  kUndocumented,  // accepted by the kernel, but not a documented value
  kRejected,      // the write fails (EINVAL)
};

struct ValueCheck {
  ValueVerdict verdict = ValueVerdict::kAccepted;
  std::string reason;  // lowercase, for messages
};

/// Checks type, field count, enforced bounds and documented enum values.
ValueCheck CheckValue(const KeyInfo& info, const std::string& value);

/// Whitespace-separated fields of a value.
std::vector<std::string> ValueFields(const std::string& value);

}  // namespace synlint
