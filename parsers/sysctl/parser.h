// SPDX-License-Identifier: MIT
// Lossless parser for sysctl.conf and sysctl.d files (sysctl.d(5), procps
// sysctl.conf(5)): comments (`#`, `;`), `-key = value`, `-key` glob
// exclusions, `.` or `/` separators, values with inner spaces, CRLF.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "core/syntax.h"

namespace synlint::sysctl {

enum TokenKind : uint16_t {
  kWhitespace,  // blanks at the start or end of a line, or around '='
  kNewline,     // "\n" or "\r\n"
  kComment,     // a whole line starting with '#' or ';' (after blanks)
  kDash,        // the '-' ignore-failure prefix
  kKey,
  kEquals,
  kValue,
  kInvalid,     // the content of a line that is not an assignment
};
std::string_view TokenKindName(uint16_t kind);

/// One `key = value` line (or a `-key` glob exclusion).
struct Assignment {
  Span line;        // the whole line including its newline
  Span key;         // as written
  Span value;       // trimmed; empty span when there is no '='
  Span equals;      // the '=' (empty for exclusions)
  bool ignore_failure = false;  // '-' prefix
  bool exclusion = false;       // `-key` without '=': exclude from globs
  std::string name;   // normalised key: dots between components
  std::string text;   // the value as the kernel receives it
  bool is_glob() const;
};

struct ParseResult {
  std::vector<Token> tokens;
  std::vector<Assignment> assignments;
  std::vector<SyntaxError> errors;
};

struct ParseOptions {
  /// Fill ParseResult::tokens (dumps and round-trip checks need them; the
  /// host model does not, and on a big file they are a third of the memory).
  bool tokens = true;
};
ParseResult Parse(std::string_view text, ParseOptions options = {});

/// Normalises a key per sysctl.d(5): if the first separator is '/', '/' are
/// separators and '.' are literal; otherwise the reverse. The result uses
/// '.' between components and '/' inside them ("net.ipv4.conf.eth0/200.x").
std::string NormalizeKey(std::string_view key);

/// Parses `text` a block of whole lines at a time (every line stands alone
/// in this format) and calls `fn(result, block, base)` for each block of
/// about `block_bytes`; `result`'s spans are offsets into `block`, which
/// starts at byte `base` of `text`. A dump of a huge file holds one block's
/// tokens and assignments instead of the whole file's.
void ParseInBlocks(
    std::string_view text, ParseOptions options, size_t block_bytes,
    const std::function<void(const ParseResult& result, std::string_view block, uint32_t base)>& fn);

/// Bracketed dump of the tokens for tests and `synlint parse`.
std::string DumpTokens(std::string_view text, const ParseResult& r);
/// DumpTokens appended to `out`.
void AppendTokens(std::string_view text, const ParseResult& r, std::string* out);

}  // namespace synlint::sysctl
