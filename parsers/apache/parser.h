// SPDX-License-Identifier: MIT
// Apache httpd configuration parser: a lossless token stream plus a tree of
// directives and <Section> blocks, with every part's exact byte span.
//
// Parsing is per file and purely syntactic, as in httpd, where a section
// must be closed in the file that opens it (server/config.c ap_build_config).
// Errors are collected, never thrown, and parsing always reaches the end:
// a mismatched close tag closes the sections it skips over, a stray one is
// dropped, and sections still open at the end are reported.
#pragma once

#include <functional>
#include <span>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "core/syntax.h"
#include "parsers/apache/lexer.h"

namespace synlint::apache {

/// A directive (`Listen 80`) or a section (`<VirtualHost *:80> ... </VirtualHost>`).
/// Directives are stored flat, in pre-order: a section's contents follow it
/// up to `subtree_end` (see ParseResult::Children()).
struct Directive {
  static constexpr uint32_t kNotClosed = 0xffffffffu;
  /// The name as written; for sections without '<', '</' and '>'.
  Word name;
  uint32_t args_begin = 0;  // arguments: ParseResult::words[args_begin, +args_count)
  uint32_t args_count : 31 = 0;
  uint32_t section : 1 = 0;
  /// Directives: first byte of the name to the end of the last argument.
  /// Sections: the opening tag, '<' to '>' (or to the last argument when
  /// the '>' is missing).
  Span span;
  /// The whole logical line (continuations included) from its first byte to
  /// after its line break; for sections, the opening tag's line.
  Span line;
  uint32_t subtree_end = 0;  // index one past the last directive inside
  /// Closed sections: index into ParseResult::closes (see Close()).
  uint32_t close_at = kNotClosed;

  /// Sections: a matching close tag was found.
  bool closed() const { return close_at != kNotClosed; }

  /// The name's bytes ("VirtualHost", "Listen").
  std::string_view Name(std::string_view text) const {
    return text.substr(name.span.begin, name.span.size());
  }
};

/// Directives at one level (the file's top, or a section's contents), a
/// range of the flat vector walked by subtree_end.
class DirectiveList {
 public:
  class iterator {
   public:
    iterator(const Directive* all, uint32_t at) : all_(all), at_(at) {}
    const Directive& operator*() const { return all_[at_]; }
    const Directive* operator->() const { return all_ + at_; }
    iterator& operator++() {
      at_ = all_[at_].subtree_end;
      return *this;
    }
    bool operator!=(const iterator& o) const { return at_ != o.at_; }
    bool operator==(const iterator& o) const { return at_ == o.at_; }

   private:
    const Directive* all_;
    uint32_t at_;
  };
  DirectiveList(const Directive* all, uint32_t begin, uint32_t end)
      : all_(all), begin_(begin), end_(end) {}
  iterator begin() const { return iterator(all_, begin_); }
  iterator end() const { return iterator(all_, end_); }
  bool empty() const { return begin_ == end_; }

 private:
  const Directive* all_;
  uint32_t begin_;
  uint32_t end_;
};

/// Move-only, like the tree it replaced; every span is an offset.
struct ParseResult {
  std::vector<Token> tokens;  // covers the input byte for byte
  std::vector<Word> words;    // all arguments, in file order
  std::vector<Directive> directives;  // every directive and section, pre-order
  /// Where each closed section's close tag is: kept aside, as most
  /// directives are no sections.
  struct SectionClose {
    Span tag;   // "</Name>"
    Span line;  // the close tag's whole line
  };
  std::vector<SectionClose> closes;
  std::vector<SyntaxError> errors;

  ParseResult() = default;
  ParseResult(ParseResult&&) = default;
  ParseResult& operator=(ParseResult&&) = default;
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;

  /// The directives at the top of the file.
  DirectiveList TopLevel() const {
    return DirectiveList(directives.data(), 0, static_cast<uint32_t>(directives.size()));
  }
  /// What section `d` (an element of `directives`) holds; empty for a
  /// directive.
  DirectiveList Children(const Directive& d) const {
    const auto at = static_cast<uint32_t>(&d - directives.data());
    return DirectiveList(directives.data(), at + 1, d.subtree_end);
  }
  /// The close tag of a closed section; nullptr otherwise.
  const SectionClose* Close(const Directive& d) const {
    return d.closed() ? &closes[d.close_at] : nullptr;
  }
  std::span<const Word> Args(const Directive& d) const {
    return std::span<const Word>(words.data() + d.args_begin, d.args_count);
  }
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

/// Parses `text` a piece at a time and calls `fn(piece)` for each. A piece
/// holds whole top-level directives and sections (httpd closes a section in
/// the file that opens it, so nothing crosses pieces), with the tokens and
/// errors of its lines; spans are offsets into `text` and indices are the
/// piece's own. A piece ends at the first top-level boundary after
/// `piece_bytes` of input, so a dump of a huge file holds one piece, not the
/// whole tree. The pieces' directives, tokens and errors, in order, are
/// Parse()'s.
void ParseInPieces(std::string_view text, ParseOptions options, size_t piece_bytes,
                   const std::function<void(const ParseResult& piece)>& fn);

/// ASCII case-insensitive equality (httpd compares names with strcasecmp).
bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace synlint::apache
