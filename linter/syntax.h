// Shared pieces of the lossless parsers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/source.h"

namespace synlint {

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

/// True when `tokens` cover `text` exactly, in order, with no gap or overlap.
bool TokensCover(const std::vector<Token>& tokens, std::string_view text);

}  // namespace synlint
