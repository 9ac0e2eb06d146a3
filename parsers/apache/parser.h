// Apache httpd configuration parser: a lossless token stream plus a tree of
// directives and <Section> blocks, with every part's exact byte span.
//
// Parsing is per file and purely syntactic, as in httpd, where a section
// must be closed in the file that opens it (server/config.c ap_build_config).
// Errors are collected, never thrown, and parsing always reaches the end:
// a mismatched close tag closes the sections it skips over, a stray one is
// dropped, and sections still open at the end are reported.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "linter/source.h"
#include "linter/syntax.h"
#include "parsers/apache/lexer.h"

namespace synlint::apache {

/// A directive (`Listen 80`) or a section (`<VirtualHost *:80> ... </VirtualHost>`).
struct Directive {
  /// The name as written; for sections without '<', '</' and '>'.
  Word name;
  /// The arguments; they live in the owning ParseResult::words.
  std::span<const Word> args;
  /// Directives: first byte of the name to the end of the last argument.
  /// Sections: the opening tag, '<' to '>' (or to the last argument when
  /// the '>' is missing).
  Span span;
  /// The whole logical line (continuations included) from its first byte to
  /// after its line break; for sections, the opening tag's line.
  Span line;
  bool section = false;
  bool closed = false;  // sections: a matching close tag was found
  Span close;           // sections: "</Name>" when closed
  Span close_line;      // sections: the close tag's whole line
  std::vector<Directive> children;
  uint32_t args_begin = 0;  // args is ParseResult::words[args_begin, +args_count)
  uint32_t args_count = 0;

  /// The name's bytes ("VirtualHost", "Listen").
  std::string_view Name(std::string_view text) const {
    return text.substr(name.span.begin, name.span.size());
  }
};

/// Move-only: every Directive::args points into `words`.
struct ParseResult {
  std::vector<Token> tokens;  // covers the input byte for byte
  std::vector<Word> words;    // all arguments, in file order
  std::vector<Directive> directives;
  std::vector<SyntaxError> errors;

  ParseResult() = default;
  ParseResult(ParseResult&&) = default;
  ParseResult& operator=(ParseResult&&) = default;
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;
};

struct ParseOptions {
  /// Fill ParseResult::tokens. Dumps and round-trip checks need them; the
  /// host model does not, and on a big file they are 12 bytes per ~4 input
  /// bytes, most of the parse's memory.
  bool tokens = true;
};

/// Parses one file. Never fails; problems are in `errors`.
ParseResult Parse(std::string_view text, ParseOptions options = {});
inline ParseResult Parse(const SourceFile& file, ParseOptions options = {}) {
  return Parse(file.text, options);
}

/// ASCII case-insensitive equality (httpd compares names with strcasecmp).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace synlint::apache
