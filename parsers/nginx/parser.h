// Error-tolerant nginx parser: a tree of directives that refers to the input
// by byte spans. The lossless tokens are Lex(text)'s; the parser reads them
// from a Lexer a few at a time and keeps only the comments.
//
// The tree is stored flat, in pre-order: a directive's descendants follow it
// and end at `subtree_end`, so walking needs no allocation:
//   for (uint32_t c = FirstChild(d); c < d.subtree_end; c = r.directives[c].subtree_end)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "linter/source.h"
#include "linter/syntax.h"
#include "parsers/nginx/lexer.h"

namespace synlint::nginx {

inline constexpr uint32_t kNoParent = 0xffffffffu;
/// Blocks nested deeper than this are reported and skipped.
inline constexpr uint32_t kMaxBlockDepth = 100;

/// A directive name or argument as written.
struct Word {
  Span span;             // as written, quotes included
  char quote = 0;        // '"', '\'' or 0
  bool escaped = false;  // contains a backslash: the value differs from inner()
  bool closed = true;    // false for a string whose closing quote is missing
  /// The text without its quotes (== span for a bare word).
  Span inner() const {
    if (!quote) return span;
    return Span{span.begin + 1, closed ? span.end - 1 : span.end};
  }
};

struct Directive {
  uint32_t name = 0;            // index into ParseResult::words
  uint32_t args_end = 0;        // arguments are words [name + 1, args_end)
  uint32_t parent = kNoParent;  // index into ParseResult::directives
  uint32_t subtree_end = 0;     // one past the last descendant
  uint32_t depth = 0;           // 0 at the top of the file
  /// From the name to the ';' or '}' (to the last argument when neither).
  Span span;
  /// The ';' or '{'; empty (at the end of the last word) when missing.
  Span terminator;
  /// From '{' to '}' inclusive (to the end of the file when unclosed).
  Span block;
  bool has_block = false;
  bool block_closed = false;
  /// *_by_lua_block: `lua` is the raw code between the braces and the
  /// directive has no children.
  bool is_lua = false;
  Span lua;

  uint32_t arg_count() const { return args_end - name - 1; }
};

struct ParseResult {
  std::vector<Span> comments;  // every kComment token, in input order
  std::vector<Word> words;
  std::vector<Directive> directives;  // pre-order
  std::vector<SyntaxError> errors;    // sorted by position
};

/// Parses one file. Never fails; see ParseResult::errors.
ParseResult Parse(std::string_view text);
inline ParseResult Parse(const SourceFile& file) { return Parse(file.text); }

/// The value nginx sees: quotes removed, \" \' \\ \t \r \n unescaped
/// (other backslashes are kept, as ngx_conf_read_token does).
std::string WordValue(std::string_view text, const Word& w);
/// The value without copying when it has no escapes; else unescaped into
/// `scratch`.
std::string_view WordView(std::string_view text, const Word& w, std::string* scratch);
/// The text as written, quotes included.
inline std::string_view WordRaw(std::string_view text, const Word& w) {
  return text.substr(w.span.begin, w.span.size());
}

/// Index of the first child of directive `d` (== subtree_end when none).
inline uint32_t FirstChild(uint32_t d) { return d + 1; }

/// Name of directive `d` as nginx sees it (allocation-free when unescaped).
std::string_view DirectiveName(const ParseResult& r, std::string_view text, const Directive& d,
                               std::string* scratch);

}  // namespace synlint::nginx
