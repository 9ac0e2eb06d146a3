// SPDX-License-Identifier: MIT
// Static description of a rule; each rule file defines one.
#pragma once

#include <string_view>

#include "core/finding.h"

namespace synlint {

enum class FixAvailability { kNone, kSometimes, kAlways };

struct RuleMeta {
  std::string_view id;        // "SL104"
  std::string_view name;      // kebab-case: "syn-retries-outbound-only"
  Severity severity;          // default severity
  std::string_view summary;   // one line, lowercase, no final period
  FixAvailability fix = FixAvailability::kNone;
  std::string_view since = "0.1.0";
  std::string_view doc_path;  // "rules/sysctl/SL104.md" (embedded in the binary)
};

}  // namespace synlint
