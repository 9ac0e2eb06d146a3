// SPDX-License-Identifier: MIT
#include "core/text_lines.h"

namespace synlint {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    j = j == std::string_view::npos ? text.size() : j + 1;
    lines.push_back(text.substr(i, j - i));  // keeps its terminator
    i = j;
  }
  return lines;
}

std::string LineEndingOf(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace synlint
