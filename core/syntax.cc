// SPDX-License-Identifier: MIT
#include "core/syntax.h"

namespace synlint {

bool TokensCover(const std::vector<Token>& tokens, std::string_view text) {
  uint32_t at = 0;
  for (const Token& t : tokens) {
    if (t.span.begin != at || t.span.end < t.span.begin) return false;
    at = t.span.end;
  }
  return at == text.size();
}

}  // namespace synlint
