// SPDX-License-Identifier: MIT
// A baseline for adopting synlint on an old repository: `--write-baseline
// FILE` records every current finding, and `--baseline FILE` does not report
// (or fix) those again, so a CI gate fails only on new ones.
//
// A finding's fingerprint is its rule, the path it is shown by, and the text
// of the line it is on with the indentation and trailing blanks trimmed:
// not its line number, so it survives lines added or removed above it, and
// not its message, which may name other places by line. Editing the line,
// renaming the file or moving the finding to another line's text makes it
// new. Two findings of one rule on identical lines of one file share a
// fingerprint.
//
// The file is text, one finding a line, sorted:
//   FINGERPRINT RULE PATH:LINE MESSAGE
// where only the 16 hex digits of FINGERPRINT are read; the rest is there for
// the reviewer. '#' lines and blank lines are comments.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "linter/report.h"

namespace synlint::cli {

/// 16 lowercase hex digits (FNV-1a, 64 bits) of the rule, the path and the trimmed line.
std::string BaselineFingerprint(std::string_view rule, std::string_view path, std::string_view line);

class Baseline {
 public:
  /// Reads `path`; false with `err` ("FILE:LINE: ...") for a line that is not a baseline entry.
  bool Load(const std::string& path, std::string* err);
  bool Contains(const std::string& fingerprint) const { return fingerprints_.count(fingerprint) > 0; }
  size_t size() const { return fingerprints_.size(); }

 private:
  std::set<std::string> fingerprints_;
};

/// Writes the baseline of `report`'s findings to `path`; the number of
/// entries, or -1 with `err`.
long WriteBaseline(const std::string& path, const Report& report, std::string* err);

}  // namespace synlint::cli
