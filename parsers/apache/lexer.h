// SPDX-License-Identifier: MIT
// Lossless lexer for Apache httpd configuration files.
//
// httpd reads a file one logical line at a time (server/util.c
// ap_cfg_getline): a backslash right before the line break ("\\\n" or
// "\\\r\n") joins the next physical line without adding a space, and leading
// and trailing blanks are dropped. A logical line whose first character is
// '#' is a comment (server/config.c ap_build_config_sub), so a '#' later on a
// line is an ordinary argument. Words are split as ap_getword_conf does:
// "..." and '...' quote (with \" \' \\ escapes inside), an unquoted word runs
// to the next blank and only "\\" is an escape in it, and a word may follow a
// closing quote without a blank ("a"b is two words).
//
// The lexer works on spans of the original bytes and never copies text; it
// emits Tokens that cover the input byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "core/syntax.h"

namespace synlint::apache {

enum TokenKind : uint16_t {
  kSpace = 1,     // blanks inside a line (' ', '\t', '\v', '\f', a lone '\r')
  kNewline,       // "\n" or "\r\n" ending a logical line
  kContinuation,  // "\\\n" or "\\\r\n" joining two physical lines
  kComment,       // a '#' logical line (split around continuations)
  kName,          // a directive name: "Listen"
  kOpenTag,       // "<VirtualHost"
  kCloseTag,      // "</VirtualHost"
  kTagEnd,        // the '>' that ends a section tag
  kWord,          // an unquoted argument
  kQuoted,        // a quoted argument, quotes included
  kIgnored,       // text after a section tag's '>', which httpd ignores
};

/// Short name of a token kind, for dumps: "space", "name", ...
std::string_view TokenKindName(uint16_t kind);

/// One word as ap_getword_conf splits it.
struct Word {
  Span span;               // as written, quotes included; may cross continuations
  bool quoted = false;
  bool terminated = true;  // false: a quote that is never closed on its line
  bool plain = true;       // value == the text inside the quotes (no escapes)
};

/// A logical line: physical lines joined by backslash continuations.
struct LogicalLine {
  enum class Kind { kBlank, kComment, kDirective, kOpenTag, kCloseTag };
  Kind kind = Kind::kBlank;
  Span span;     // from the first byte of the line to after its line break
  Span content;  // first to last non-blank byte (empty for blank lines)
  /// Directives: the name word. Tags: the section name without '<', '</'
  /// and '>' ("VirtualHost").
  Word name;
  Span tag;       // tags: "<VirtualHost" / "</VirtualHost" (the '<' included)
  Span tag_end;   // tags: the closing '>'; empty when it is missing
  std::vector<Word> args;
  Span ignored;   // tags: non-blank text after the '>' (empty when none)
  bool has_newline = false;  // false for a last line without a line break
};

/// Splits text into logical lines and appends lossless tokens.
class Lexer {
 public:
  Lexer(std::string_view text, std::vector<Token>* tokens);

  /// `tokens` may be null: the lines are the same, no tokens are kept.
  /// Reads the next logical line into `line`; false at the end of input.
  bool Next(LogicalLine* line);

 private:
  struct Gap {
    uint32_t begin;
    uint32_t end;
  };
  // Skips the continuations that start at p (most lines have none).
  uint32_t Norm(uint32_t p) { return gaps_.empty() ? p : NormSlow(p); }
  uint32_t NormSlow(uint32_t p);
  uint32_t Adv(uint32_t p) { return Norm(p + 1); }
  bool IsBlank(uint32_t p) const;
  // Appends a token, split around continuations.
  void Emit(uint16_t kind, uint32_t begin, uint32_t end) {
    if (begin >= end || tokens_ == nullptr) return;
    if (gaps_.empty()) {
      tokens_->push_back({kind, {begin, end}});
    } else {
      EmitSlow(kind, begin, end);
    }
  }
  void EmitSlow(uint16_t kind, uint32_t begin, uint32_t end);
  uint32_t SkipBlanks(uint32_t p, uint32_t limit);
  Word ScanWord(uint32_t p, uint32_t limit);
  void ScanArgs(uint32_t cur, uint32_t limit, LogicalLine* line,
                uint32_t* out_cur);
  uint32_t ScanTag(uint32_t first, uint32_t end, LogicalLine* line);
  uint32_t TrimEnd(uint32_t begin, uint32_t limit) const;
  bool InGap(uint32_t p, size_t* k) const;

  std::string_view text_;
  std::vector<Token>* tokens_;
  uint32_t pos_ = 0;
  std::vector<Gap> gaps_;  // continuations of the current logical line
  size_t gap_ = 0;         // first gap not yet passed by Norm
};

/// The value httpd sees for `w`: continuations removed, quotes stripped and
/// escapes applied (substring_conf in server/util.c).
std::string WordValue(std::string_view text, const Word& w);

/// True when httpd treats `c` as a blank (apr_isspace).
inline bool IsApacheSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

}  // namespace synlint::apache
