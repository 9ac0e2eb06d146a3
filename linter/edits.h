// SPDX-License-Identifier: MIT
// Applying fixes: byte-range edits on the original text, never a re-print.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"

namespace synlint {

/// True when two edits to the same file cannot both apply: their spans
/// overlap, or both insert at the same offset with different text.
bool EditsConflict(const TextEdit& a, const TextEdit& b);

/// Applies edits to `text`. Edits must not conflict (see `MergeFixes`); they
/// are applied in order of span start, bytes between them copied unchanged.
std::string ApplyEdits(std::string_view text, std::vector<TextEdit> edits);

/// The outcome of merging many fixes into one consistent set of edits.
struct MergedEdits {
  std::map<std::string, std::vector<TextEdit>> by_file;  // sorted, no conflicts
  std::vector<size_t> applied;  // indices into the input fixes
  std::vector<size_t> skipped;  // conflicting with an earlier accepted fix
};

/// Accepts fixes in the given order, each whole or not at all: a fix with any
/// edit conflicting with an accepted one is skipped. Identical edits from
/// different fixes are kept once.
MergedEdits MergeFixes(const std::vector<const Fix*>& fixes);

}  // namespace synlint
