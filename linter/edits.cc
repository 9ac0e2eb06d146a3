// SPDX-License-Identifier: MIT
#include "linter/edits.h"

#include <algorithm>
#include <climits>
#include <cstdint>

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

namespace {

/// The accepted edits of one file, indexed by (begin, end). Edits that never
/// conflict have disjoint non-empty spans and no insertion strictly inside
/// one, so in (begin, end) order their ends never decrease: the edits that
/// can conflict with [b, e) sit just before the first key past (e, e), and
/// the walk back stops at the first end below b. Each check costs
/// O(log n + overlaps) instead of a scan of every accepted edit (`--diff` on a
/// file with 189k findings took minutes). Only a fix whose own edits conflict
/// with each other breaks the order; that file then falls back to the scan.
class FileEdits {
 public:
  explicit FileEdits(std::vector<TextEdit>* list) : list_(list) {}

  bool Conflicts(const TextEdit& e) const {
    if (!ordered_) {
      for (const TextEdit& have : *list_) {
        if (EditsConflict(e, have)) return true;
      }
      return false;
    }
    auto it = index_.upper_bound({e.span.end, UINT32_MAX});
    while (it != index_.begin()) {
      --it;
      const TextEdit& have = (*list_)[it->second];
      if (have.span.end < e.span.begin) break;
      if (EditsConflict(e, have)) return true;
    }
    return false;
  }

  /// Adds `e` unless an identical edit is there already.
  void Add(const TextEdit& e) {
    const auto [lo, hi] = index_.equal_range({e.span.begin, e.span.end});
    for (auto it = lo; it != hi; ++it) {
      if ((*list_)[it->second] == e) return;
    }
    if (ordered_ && Conflicts(e)) ordered_ = false;  // within one fix
    index_.emplace(std::pair{e.span.begin, e.span.end}, list_->size());
    list_->push_back(e);
  }

 private:
  std::vector<TextEdit>* list_;
  std::multimap<std::pair<uint32_t, uint32_t>, size_t> index_;  // (begin, end) -> index in list_
  bool ordered_ = true;  // no two edits in list_ conflict
};

}  // namespace

MergedEdits MergeFixes(const std::vector<const Fix*>& fixes) {
  MergedEdits out;
  std::map<std::string, FileEdits, std::less<>> files;
  auto file = [&](const std::string& path) -> FileEdits& {
    auto it = files.find(path);
    if (it == files.end()) it = files.emplace(path, FileEdits(&out.by_file[path])).first;
    return it->second;
  };
  for (size_t i = 0; i < fixes.size(); ++i) {
    bool ok = true;
    for (const TextEdit& e : fixes[i]->edits) {
      auto it = files.find(e.file);
      if (it != files.end() && it->second.Conflicts(e)) {
        ok = false;
        break;
      }
    }
    if (!ok) {
      out.skipped.push_back(i);
      continue;
    }
    for (const TextEdit& e : fixes[i]->edits) file(e.file).Add(e);
    out.applied.push_back(i);
  }
  for (auto& [path, list] : out.by_file) {
    std::stable_sort(list.begin(), list.end(), [](const TextEdit& a, const TextEdit& b) {
      return a.span.begin < b.span.begin;
    });
  }
  return out;
}

}  // namespace synlint
