// SPDX-License-Identifier: MIT
// Lossless tokenizer for nginx configuration files.
//
// Follows nginx's own reader (ngx_conf_read_token in src/core/ngx_conf_file.c):
// - a word ends at ' ', '\t', '\r', '\n', ';' or '{' ('}' and '#' inside a
//   word are ordinary characters);
// - a '{' right after '$' does not end the word ("${var}");
// - a backslash escapes the next byte, inside and outside quotes;
// - quotes open a string only at the start of a word, and a closing quote
//   must be followed by whitespace, ';', '{' or ')';
// - '#' starts a comment only where a token may start.
// The body of a *_by_lua_block directive is one raw token, read with Lua's
// rules for strings, long brackets and comments so braces inside them do not
// end the block.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/syntax.h"

namespace synlint::nginx {

/// Token kinds of synlint::Token for nginx files.
enum TokenKind : uint16_t {
  kWhitespace = 1,  // a run of ' ', '\t', '\r', '\n'
  kComment,         // '#' up to the end of the line (no '\r' or '\n')
  kWord,            // a bare word, escapes kept as written
  kString,          // a quoted word including its quotes
  kSemicolon,
  kLeftBrace,
  kRightBrace,
  kLuaCode,  // the raw body of a *_by_lua_block, between its braces
};

/// Lowercase name of a token kind, for dumps ("word", "string", ...).
std::string_view TokenKindName(uint16_t kind);

/// nginx reads its configuration through a 4096-byte buffer: a parameter
/// (or comment) of this many bytes or more cannot be read.
inline constexpr uint32_t kMaxParameterBytes = 4096;

struct LexResult {
  std::vector<Token> tokens;        // cover the input byte for byte
  std::vector<SyntaxError> errors;  // lexical problems, in input order
};

/// Splits `text` into tokens. Never fails: problems become errors and the
/// tokens still cover the whole input. `text` must be shorter than 4 GiB.
LexResult Lex(std::string_view text);

/// Whether a Lexer yields kWhitespace tokens. Without them the tokens no
/// longer cover the input, but each gap between two of them (and before the
/// first, after the last) is exactly one whitespace run.
enum class Whitespace { kKeep, kSkip };

/// The tokenizer behind Lex(), a few tokens at a time, so that a caller (the
/// parser) need not hold every token of a large file at once.
class Lexer {
 public:
  explicit Lexer(std::string_view text, Whitespace whitespace = Whitespace::kKeep);

  /// Appends the next token to `out`: one, none for skipped whitespace, or
  /// a Lua body and its '}'. Returns false, appending nothing, at the end.
  bool Next(std::vector<Token>* out);
  /// The lexical problems found so far, in input order.
  std::vector<SyntaxError> TakeErrors() { return std::move(errors_); }

 private:
  void Emit(uint16_t kind, uint32_t begin, uint32_t end);
  void Error(Span span, std::string message, std::string hint = "");
  void EndStatement();
  void NoteWord(Span inner);
  uint32_t LexOne(uint32_t i);
  uint32_t LexComment(uint32_t i);
  uint32_t LexWord(uint32_t i);
  uint32_t LexString(uint32_t i);
  int LongBracketLevel(uint32_t i) const;
  uint32_t SkipLongBracket(uint32_t i, int level) const;
  uint32_t SkipLuaString(uint32_t i) const;
  uint32_t LexLuaBody(uint32_t open);

  std::string_view text_;
  uint32_t n_;
  uint32_t pos_ = 0;
  bool keep_whitespace_;
  std::vector<Token>* out_ = nullptr;
  std::vector<SyntaxError> errors_;
  uint32_t stmt_words_ = 0;
  bool stmt_lua_ = false;
  // Once a quote found no partner up to the end of the file, later ones of
  // the same kind will not either: do not rescan (keeps lexing linear).
  uint32_t no_double_close_after_ = UINT32_MAX;
  uint32_t no_single_close_after_ = UINT32_MAX;
};

/// True when `name` is a directive whose '{' opens raw Lua code
/// ("content_by_lua_block", "set_by_lua_block", ...).
bool IsLuaBlockDirective(std::string_view name);

}  // namespace synlint::nginx
