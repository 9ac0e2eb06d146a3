#include "linter/edits.h"

#include <algorithm>

namespace synlint {

bool EditsConflict(const TextEdit& a, const TextEdit& b) {
  if (a.file != b.file) return false;
  if (a == b) return false;  // identical edits are merged, not conflicting
  if (a.span.empty() && b.span.empty()) return a.span.begin == b.span.begin;
  if (a.span.empty())
    return a.span.begin > b.span.begin && a.span.begin < b.span.end;
  if (b.span.empty())
    return b.span.begin > a.span.begin && b.span.begin < a.span.end;
  return a.span.begin < b.span.end && b.span.begin < a.span.end;
}

std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.span.end < b.span.end;  // an insertion before a replacement at the same offset
  });
  std::string out;
  out.reserve(text.size());
  uint32_t at = 0;
  for (const TextEdit& e : edits) {
    if (e.span.begin < at || e.span.end > text.size()) continue;  // defensive
    out.append(text.substr(at, e.span.begin - at));
    out.append(e.replacement);
    at = e.span.end;
  }
  out.append(text.substr(std::min<size_t>(at, text.size())));
  return out;
}

MergedEdits MergeFixes(const std::vector<const Fix*>& fixes) {
  MergedEdits out;
  for (size_t i = 0; i < fixes.size(); ++i) {
    bool ok = true;
    for (const TextEdit& e : fixes[i]->edits) {
      for (const TextEdit& have : out.by_file[e.file]) {
        if (EditsConflict(e, have)) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) {
      out.skipped.push_back(i);
      continue;
    }
    for (const TextEdit& e : fixes[i]->edits) {
      auto& list = out.by_file[e.file];
      if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
    }
    out.applied.push_back(i);
  }
  for (auto& [file, list] : out.by_file) {
    std::stable_sort(list.begin(), list.end(), [](const TextEdit& a, const TextEdit& b) {
      return a.span.begin < b.span.begin;
    });
  }
  return out;
}

}  // namespace synlint
