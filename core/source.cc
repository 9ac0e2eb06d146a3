// SPDX-License-Identifier: MIT
#include "core/source.h"

#include <algorithm>
#include <cstring>

namespace synlint {

LineIndex::LineIndex(std::string_view text) {
  // Counted first so the vector is allocated once: copies left behind by
  // growth would stay resident in the huge-page heap (linter/cli/huge_pages.h).
  if (text.empty()) return;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  auto next = [end](const char* p) {
    return static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p)));
  };
  size_t lines = 0;
  for (const char* p = next(begin); p; p = next(p + 1)) ++lines;
  starts_.reserve(lines + 1);
  for (const char* p = next(begin); p; p = next(p + 1))
    starts_.push_back(static_cast<uint32_t>(p - begin + 1));
  // A trailing '\n' does not open a new line unless text follows it.
  if (starts_.size() > 1 && starts_.back() == text.size()) starts_.pop_back();
}

LineCol LineIndex::At(uint32_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const uint32_t line = static_cast<uint32_t>(it - starts_.begin());
  return {line, offset - starts_[line - 1] + 1};
}

uint32_t LineIndex::LineStart(uint32_t line) const {
  if (line == 0) return 0;
  if (line > starts_.size()) return starts_.back();
  return starts_[line - 1];
}

std::string_view LineIndex::LineText(std::string_view text,
                                     uint32_t line) const {
  const uint32_t begin = std::min<size_t>(LineStart(line), text.size());
  size_t end = text.find('\n', begin);
  if (end == std::string_view::npos) end = text.size();
  if (end > begin && text[end - 1] == '\r') --end;
  return text.substr(begin, end - begin);
}

}  // namespace synlint
