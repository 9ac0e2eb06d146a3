// SPDX-License-Identifier: MIT
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

#include "core/source.h"
#include "core/syntax.h"
#include "parsers/nginx/lexer.h"

namespace synlint::nginx {

/// Blocks nested deeper than this are reported and skipped.
inline constexpr uint32_t kMaxBlockDepth = kMaxNestingDepth;

/// A directive name or argument as written. 8 bytes: a 10 MiB file has
/// about 700k of them.
class Word {
 public:
  Word() = default;
  /// `quote` is '"', '\'' or 0; `escaped`: contains a backslash, so the
  /// value differs from inner(); `closed`: false for a string whose closing
  /// quote is missing. Spans are at most kMaxParseBytes long.
  Word(Span span, char quote = 0, bool escaped = false, bool closed = true)
      : begin_(span.begin),
        bits_(span.size() << kShift | (quote == '"' ? 1u : quote == '\'' ? 2u : 0u) |
              (escaped ? kEscaped : 0u) | (closed ? 0u : kOpen)) {}

  /// As written, quotes included.
  Span span() const { return Span{begin_, begin_ + (bits_ >> kShift)}; }
  char quote() const { return (bits_ & 3u) == 1u ? '"' : (bits_ & 3u) == 2u ? '\'' : 0; }
  bool escaped() const { return bits_ & kEscaped; }
  bool closed() const { return !(bits_ & kOpen); }
  /// The text without its quotes (== span() for a bare word).
  Span inner() const {
    const Span s = span();
    if (!quote()) return s;
    return Span{s.begin + 1, closed() ? s.end - 1 : s.end};
  }

 private:
  static constexpr uint32_t kEscaped = 4, kOpen = 8, kShift = 4;
  uint32_t begin_ = 0;
  uint32_t bits_ = 0;  // size << 4 | open << 3 | escaped << 2 | quote kind
};

/// The largest input Parse() reads (a Word keeps its size in 28 bits); the
/// file reader's limit is far lower.
inline constexpr uint32_t kMaxParseBytes = (1u << 28) - 1;

/// 24 bytes: the spans are derived from a few offsets. A directive's
/// parent is the nearest one before it whose subtree_end lies beyond it.
struct Directive {
  uint32_t name = 0;            // index into ParseResult::words
  uint32_t subtree_end = 0;     // one past the last descendant
  uint32_t begin = 0;           // first byte of the name
  uint32_t terminator_at = 0;   // the ';' or '{', or where it is missing
  uint32_t block_end = 0;       // one past the '}' (the end of the file when unclosed)
  uint32_t args_end : 28 = 0;   // arguments are words [name + 1, args_end)
  uint32_t has_terminator : 1 = 0;
  uint32_t has_block : 1 = 0;
  uint32_t block_closed : 1 = 0;
  /// *_by_lua_block: lua() is the raw code between the braces and the
  /// directive has no children.
  uint32_t is_lua : 1 = 0;

  uint32_t arg_count() const { return args_end - name - 1; }
  /// The ';' or '{'; empty (at the end of the last word) when missing.
  Span terminator() const { return Span{terminator_at, terminator_at + (has_terminator ? 1u : 0u)}; }
  /// From '{' to '}' inclusive (to the end of the file when unclosed);
  /// empty when there is no block.
  Span block() const { return has_block ? Span{terminator_at, block_end} : Span{}; }
  /// From the name to the ';' or '}' (to the last argument when neither).
  Span span() const { return Span{begin, has_block ? block_end : terminator().end}; }
  /// Between the braces (to the end of the file when unclosed); empty when
  /// there is no block.
  Span inside() const {
    if (!has_block) return Span{};
    return Span{terminator_at + 1, block_closed ? block_end - 1 : block_end};
  }
  /// The Lua code between the braces of a *_by_lua_block.
  Span lua() const { return is_lua ? inside() : Span{}; }
};

struct ParseResult {
  std::vector<Span> comments;  // every kComment token, in input order
  std::vector<Word> words;
  std::vector<Directive> directives;  // pre-order
  std::vector<SyntaxError> errors;    // sorted by position
};

/// The block a file's top level sits in. nginx parses an included file in
/// the context of its `include` directive: ngx_conf_include() calls
/// ngx_conf_parse() with the including block's cf->ctx, cf->cmd_type and
/// cf->handler unchanged (src/core/ngx_conf_file.c), so `server 10.0.0.1;`
/// in a file included inside `upstream {}` is a backend, not a virtual server.
struct ParseContext {
  /// false for a file parsed alone, whose includer is not known: rules that
  /// depend on the enclosing block are not applied at its top level.
  bool known = true;
  std::string parent;  // name of the enclosing block; "" for nginx's main context
  bool raw = false;    // entries of map/types/geo/..., not directives
};
/// A file parsed alone (`synlint parse`): its includer is unknown.
ParseContext UnknownContext();
/// Whether parsing in `a` and in `b` applies the same rules (the parse of
/// one serves for both).
bool SameRules(const ParseContext& a, const ParseContext& b);

/// Parses one file. Never fails; see ParseResult::errors. A text over
/// kMaxParseBytes gives an empty tree and one error.
ParseResult Parse(std::string_view text, const ParseContext& context = {});
inline ParseResult Parse(const SourceFile& file, const ParseContext& context = {}) {
  return Parse(file.text, context);
}

/// The value nginx sees: quotes removed, \" \' \\ \t \r \n unescaped
/// (other backslashes are kept, as ngx_conf_read_token does).
std::string WordValue(std::string_view text, const Word& w);
/// The value without copying when it has no escapes; else unescaped into
/// `scratch`.
std::string_view WordView(std::string_view text, const Word& w, std::string* scratch);
/// The text as written, quotes included.
inline std::string_view WordRaw(std::string_view text, const Word& w) {
  return text.substr(w.span().begin, w.span().size());
}

/// Index of the first child of directive `d` (== subtree_end when none).
inline uint32_t FirstChild(uint32_t d) { return d + 1; }

/// Name of directive `d` as nginx sees it (allocation-free when unescaped).
std::string_view DirectiveName(const ParseResult& r, std::string_view text, const Directive& d,
                               std::string* scratch);

}  // namespace synlint::nginx
