// SPDX-License-Identifier: MIT
// Findings, fixes and the byte-range edits fixes are made of.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace synlint {

enum class Severity { kInfo = 0, kWarning = 1, kError = 2 };
std::string_view SeverityName(Severity s);
std::optional<Severity> ParseSeverity(std::string_view name);

/// Replace `span` of `file` with `replacement`: an empty replacement deletes,
/// an empty span inserts. A file not yet on disk is created (span {0,0}).
struct TextEdit {
  PathRef file;  // root-relative real path, interned
  Span span;
  std::string replacement;
  bool operator==(const TextEdit&) const = default;
};

/// How safe it is to apply a fix without review (ordered: higher is safer).
enum class Applicability { kDisplayOnly = 0, kUnsafe = 1, kSafe = 2 };
std::string_view ApplicabilityName(Applicability a);

struct Fix {
  std::string title;  // imperative: "set 'net.ipv4.tcp_syncookies = 1'"
  Applicability applicability = Applicability::kSafe;
  std::vector<TextEdit> edits;  // sorted by (file, span.begin)
};

/// A place in a file, with its derived line/column.
struct Location {
  PathRef file;  // root-relative, interned
  Span span;
  LineCol start;
  LineCol end;
  std::string note;  // for related locations: what this place is
};
Location MakeLocation(const SourceFile& file, Span span, std::string note = "");

struct Finding {
  std::string rule;  // "SL104"
  Severity severity = Severity::kWarning;
  Location location;
  std::string message;  // lowercase, no final period
  std::vector<Location> related;
  std::optional<Fix> fix;
  /// Root-relative paths the message names that are none of its locations
  /// (a missing include, the files of an include cycle), so that the CLI can
  /// show them as it shows locations (repository paths for .synlint.yaml hosts).
  std::vector<PathRef> message_paths;
};

/// Orders findings by file, offset, rule.
bool FindingLess(const Finding& a, const Finding& b);
/// Stable sort by FindingLess. Sorts indices and moves each finding once, so
/// hundreds of thousands of findings are not shuffled through a merge sort.
void SortFindings(std::vector<Finding>* findings);

}  // namespace synlint
