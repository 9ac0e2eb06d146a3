// SPDX-License-Identifier: MIT
// Helpers shared by the nginx parser tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "parsers/nginx/parser.h"
#include "parsers/nginx/tree_dump.h"

namespace synlint::nginx::testing {

/// True when the lossless tokens of `text` cover it and `r` (its parse)
/// kept exactly their comments.
inline bool CoversLosslessly(const ParseResult& r, std::string_view text) {
  const LexResult lex = Lex(text);
  std::vector<Span> comments;
  for (const Token& t : lex.tokens)
    if (t.kind == kComment) comments.push_back(t.span);
  return TokensCover(lex.tokens, text) && comments == r.comments;
}

/// Parses `text`, which must be error-free, and returns the bracketed dump.
inline std::string MustParse(const std::string& text) {
  const SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(CoversLosslessly(r, text));
  EXPECT_EQ("", DumpErrors(r, file)) << "in: " << text;
  return DumpTree(r, text);
}

/// Parses `text` and returns its errors as "LINE:COL: MESSAGE" lines.
inline std::string ErrorsOf(const std::string& text) {
  const SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(CoversLosslessly(r, text));
  return DumpErrors(r, file);
}

/// The bracketed dump of `text`, errors or not.
inline std::string DumpOf(const std::string& text) { return DumpTree(Parse(text), text); }

}  // namespace synlint::nginx::testing
