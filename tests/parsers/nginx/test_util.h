// Helpers shared by the nginx parser tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "parsers/nginx/parser.h"
#include "parsers/nginx/tree_dump.h"

namespace synlint::nginx::testing {

/// Parses `text`, which must be error-free, and returns the bracketed dump.
inline std::string MustParse(const std::string& text) {
  const SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(TokensCover(r.tokens, text));
  EXPECT_EQ("", DumpErrors(r, file)) << "in: " << text;
  return DumpTree(r, text);
}

/// Parses `text` and returns its errors as "LINE:COL: MESSAGE" lines.
inline std::string ErrorsOf(const std::string& text) {
  const SourceFile file("t.conf", text);
  const ParseResult r = Parse(file);
  EXPECT_TRUE(TokensCover(r.tokens, text));
  return DumpErrors(r, file);
}

/// The bracketed dump of `text`, errors or not.
inline std::string DumpOf(const std::string& text) { return DumpTree(Parse(text), text); }

}  // namespace synlint::nginx::testing
