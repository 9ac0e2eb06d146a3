// SPDX-License-Identifier: MIT
#include "linter/output/excerpt.h"

#include <algorithm>

#include "core/utf8.h"
#include "linter/output/escape.h"

namespace synlint {
namespace {

// Characters in valid UTF-8 text: the bytes that are not continuations.
size_t CountChars(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

Excerpt MakeExcerpt(const SourceFile& file, const Location& loc) {
  const std::string_view text = file.lines().LineText(file.text, loc.start.line);
  const size_t begin = std::min<size_t>(loc.start.column - 1, text.size());
  size_t end = text.size();
  if (loc.end.line == loc.start.line)
    end = std::clamp<size_t>(loc.end.column - 1, begin, text.size());

  Excerpt e;
  bool marked = false;
  auto mark = [&](size_t width) {
    for (size_t k = 0; k < width; ++k) {
      e.caret.push_back(marked ? '~' : '^');
      marked = true;
    }
  };
  size_t i = 0;
  while (i < text.size()) {
    const size_t len = std::max<size_t>(Utf8SequenceLength(text, i), 1);
    const std::string_view piece = text.substr(i, len);
    // A tab stays a tab; anything else is shown as EscapeForTerminal shows
    // it, one column per character.
    const std::string shown = piece == "\t" ? "\t" : EscapeForTerminal(piece);
    const size_t width = piece == "\t" ? 1 : CountChars(shown);
    e.line += shown;
    if (i < begin && i + len <= begin) {
      e.caret += piece == "\t" ? "\t" : std::string(width, ' ');
    } else if (i < end) {
      mark(width);
    } else if (!marked) {
      mark(1);  // an empty span
    }
    i += len;
  }
  if (!marked) mark(1);
  return e;
}

}  // namespace synlint
