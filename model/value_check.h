// SPDX-License-Identifier: MIT
// Does the kernel accept a value for a key? Shared by SL102 and the model
// (a rejected write leaves the previous value in force).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/kernel_version.h"
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
  /// kRejected by the handler the kernels synlint has sources of use for the
  /// key, while the target kernel's own source was not read (CheckIntType).
  bool proven = true;
};

/// Checks type, field count, enforced bounds and documented enum values.
ValueCheck CheckValue(const KeyInfo& info, const std::string& value);

/// Checks the value's numbers against the C type the key's handler parses
/// into on `kernel` (model/kernel_int_type.h): every field with
/// `every_field`, else the first (the one every handler reads). Accepted
/// when the handler is not known to synlint.
ValueCheck CheckIntType(std::string_view key, const std::string& value, const KernelVersion& kernel,
                        bool every_field);

/// CheckValue(), then CheckIntType() for an integer key (every field of a
/// vector); the judgement SL102 reports and the model applies.
ValueCheck CheckKnownValue(const KeyInfo& info, const std::string& value, const KernelVersion& kernel);

/// Whitespace-separated fields of a value.
std::vector<std::string> ValueFields(const std::string& value);

}  // namespace synlint
