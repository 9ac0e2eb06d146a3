// SPDX-License-Identifier: MIT
// Fingerprints that identify a finding across runs while the lines around it
// move: a hash of the rule, the host, the root-relative file and the text of
// the finding's line with its blanks collapsed, never the line number. Two
// findings alike in all of these get ":2", ":3", ... in file order.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linter/report.h"

namespace synlint {

/// The hash part for one finding: 16 hex digits (64-bit FNV-1a).
std::string FingerprintHash(const Report& r, const Finding& f, std::string_view host);

/// One fingerprint per finding of `r.findings`, in order.
std::vector<std::string> FindingFingerprints(const Report& r);
/// One fingerprint per finding of `r.suppressed_findings`, in order.
std::vector<std::string> SuppressedFingerprints(const Report& r);

}  // namespace synlint
