// SPDX-License-Identifier: MIT
// Shared pieces of the lossless parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace synlint {

/// Sections and blocks nested deeper than this are reported (SL001) and their
/// contents skipped, in every format that nests (nginx blocks, Apache sections,
/// counted across Apache includes too). Real configurations nest a few levels;
/// the limit keeps every walk and dump of a tree, and a dump's indentation,
/// bounded whatever the input.
inline constexpr uint32_t kMaxNestingDepth = 100;

/// A syntax problem found while parsing; becomes an SL001 finding.
struct SyntaxError {
  Span span;
  std::string message;  // lowercase, no final period: "expected '=' after key"
  std::string hint;     // optional
};

/// A lossless token: kinds are per format; concatenating the text of all
/// tokens in order gives back the input byte for byte.
struct Token {
  uint16_t kind = 0;
  Span span;
};

/// Gives back the unused part of a parser's up-front reservation when the
/// vector is small. A large reservation (a big file) costs nothing where it
/// is never written: those pages are never touched. A small one shares its
/// pages with the next allocations, so on a host of thousands of small files
/// the slack is real memory: on clean/nginx (11,686 site files) the parse
/// trees held 58 MB for 10 MiB of text before this (BENCHMARKS.md).
template <typename T>
void TrimReservation(std::vector<T>* v) {
  constexpr size_t kSmall = size_t{1} << 20;  // bytes
  if (v->capacity() * sizeof(T) < kSmall && v->capacity() - v->size() > 4) v->shrink_to_fit();
}

/// True when `tokens` cover `text` exactly, in order, with no gap or overlap.
bool TokensCover(const std::vector<Token>& tokens, std::string_view text);

}  // namespace synlint
