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
#include <string_view>
#include <vector>

#include "linter/syntax.h"

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

/// True when `name` is a directive whose '{' opens raw Lua code
/// ("content_by_lua_block", "set_by_lua_block", ...).
bool IsLuaBlockDirective(std::string_view name);

}  // namespace synlint::nginx
