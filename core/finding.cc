// SPDX-License-Identifier: MIT
#include "core/finding.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace synlint {

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "info";
  }
  return "?";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "error") return Severity::kError;
  if (name == "warning") return Severity::kWarning;
  if (name == "info") return Severity::kInfo;
  return std::nullopt;
}

std::string_view ApplicabilityName(Applicability a) {
  switch (a) {
    case Applicability::kSafe: return "safe";
    case Applicability::kUnsafe: return "unsafe";
    case Applicability::kDisplayOnly: return "display-only";
  }
  return "?";
}

Location MakeLocation(const SourceFile& file, Span span, std::string note) {
  Location loc;
  loc.file = file.path_ref();
  loc.span = span;
  loc.start = file.lines().At(span.begin);
  loc.end = file.lines().At(span.end);
  loc.note = std::move(note);
  return loc;
}

bool FindingLess(const Finding& a, const Finding& b) {
  return std::tie(a.location.file, a.location.span.begin, a.rule, a.message) <
         std::tie(b.location.file, b.location.span.begin, b.rule, b.message);
}

void SortFindings(std::vector<Finding>* findings) {
  std::vector<Finding>& all = *findings;
  if (std::is_sorted(all.begin(), all.end(), FindingLess)) return;
  std::vector<uint32_t> order(all.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&all](uint32_t a, uint32_t b) { return FindingLess(all[a], all[b]); });
  std::vector<Finding> sorted;
  sorted.reserve(all.size());
  for (uint32_t i : order) sorted.push_back(std::move(all[i]));
  all = std::move(sorted);
}

}  // namespace synlint
