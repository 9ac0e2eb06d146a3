// SPDX-License-Identifier: MIT
// Lossless, error-tolerant parser for systemd unit files and drop-ins
// (systemd.syntax(7)), following src/shared/conf-parser.c config_parse():
// - lines end at "\n", "\r", "\r\n" or "\n\r" (read_line());
// - a line whose first non-blank byte is '#' or ';' is a comment, even in the
//   middle of a continuation, where it is skipped without ending it;
// - a line ending in an unescaped '\' continues on the next line, the '\'
//   read as a space; an empty line ends a continuation;
// - a UTF-8 byte order mark is dropped at the start of the first non-comment
//   line that has one;
// - `[Section]` headers; `key = value` with blanks around both trimmed.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "core/syntax.h"

namespace synlint::systemd {

enum TokenKind : uint16_t {
  kWhitespace,     // blanks (' ', '\t') not part of a key or value
  kNewline,        // a line terminator
  kComment,        // a whole comment line without its terminator
  kBom,            // a UTF-8 byte order mark
  kSectionHeader,  // "[Socket]", brackets included
  kKey,
  kEquals,
  kValue,         // one physical line's part of a value
  kContinuation,  // the trailing '\' of a continued line
  kInvalid,       // the text of a line systemd ignores or rejects
};
std::string_view TokenKindName(uint16_t kind);

/// One `key=value` assignment (one logical line), 24 bytes: the key and
/// value systemd reads are ParseResult::Key() and Value().
struct Entry {
  static constexpr uint32_t kRaw = 0xffffffffu;
  Span key_span;    // raw bytes of the key
  /// Raw bytes of the value, from its first to its last byte (it may span
  /// continuation lines). An empty value is an empty span right after '='.
  Span value_span;
  uint32_t equals_at = 0;  // the '='
  /// kRaw when the key and value are their raw bytes (one physical line);
  /// else an index into ParseResult::cooked_entries.
  uint32_t cooked = kRaw;

  Span equals_span() const { return Span{equals_at, equals_at + 1}; }
  /// The logical line from the key to the end of the value, without the
  /// line terminator.
  Span line_span() const {
    return Span{key_span.begin, value_span.empty() ? equals_at + 1 : value_span.end};
  }
};

/// Key and value of an entry joined from continuation lines, as offsets
/// into ParseResult::cooked_text.
struct CookedEntry {
  Span key;
  Span value;
};

/// One `[Name]` section; its name is ParseResult::Name().
struct Section {
  Span header_span;  // "[Socket]"
  Span name_span;    // "Socket", raw
  /// Headers joined from continuation lines: the name in cooked_text.
  bool name_cooked = false;
  Span cooked_name;
  /// From the header to the end of the last entry (or the header itself when
  /// there is none), without the final line terminator: an insertion point
  /// for a new entry is `end` followed by a newline.
  Span body_span;
  std::span<const Entry> entries;  // into ParseResult::entries
};

/// The parse of one file. Move-only: views point into the parsed text (which
/// must outlive the result) and into `cooked_text`.
struct ParseResult {
  ParseResult() = default;
  ParseResult(ParseResult&&) = default;
  ParseResult& operator=(ParseResult&&) = default;
  ParseResult(const ParseResult&) = delete;
  ParseResult& operator=(const ParseResult&) = delete;

  std::vector<Token> tokens;
  std::vector<Section> sections;  // in file order; names may repeat
  std::vector<Entry> entries;     // all entries in file order
  std::vector<SyntaxError> errors;
  /// True when systemd would stop reading the file at one of `errors`
  /// (bad section header, invalid UTF-8, over-long line): config_parse()
  /// returns an error. In a unit's main file the unit then fails to load
  /// ("Bad message"); a drop-in is only cut short (checked with
  /// `systemd-analyze verify`, systemd 252).
  bool rejected_by_systemd = false;
  /// The line terminator the file uses most ("\n" or "\r\n"), for edits.
  std::string newline = "\n";
  /// The parsed text (the result's views point into it).
  std::string_view text;
  /// Keys, values and section names joined from continuation lines: each
  /// continuation '\' read as ' ', comment lines in between dropped.
  std::string cooked_text;
  std::vector<CookedEntry> cooked_entries;

  /// The section name between the brackets, continuations joined.
  std::string_view Name(const Section& s) const {
    return s.name_cooked ? Bytes(cooked_text, s.cooked_name) : Bytes(text, s.name_span);
  }

  /// The key as systemd reads it: trimmed, continuations joined.
  std::string_view Key(const Entry& e) const {
    return e.cooked == Entry::kRaw ? Bytes(text, e.key_span)
                                   : Bytes(cooked_text, cooked_entries[e.cooked].key);
  }
  /// The value as systemd reads it: trimmed, each '\' of a continuation
  /// read as ' ', skipped comment lines dropped.
  std::string_view Value(const Entry& e) const {
    return e.cooked == Entry::kRaw ? Bytes(text, e.value_span)
                                   : Bytes(cooked_text, cooked_entries[e.cooked].value);
  }

 private:
  static std::string_view Bytes(std::string_view s, Span span) {
    return s.substr(span.begin, span.size());
  }
};

struct ParseOptions {
  /// Fill ParseResult::tokens. Dumps and round-trip checks need them; the
  /// unit loader does not, and on a big file they are most of the memory.
  bool tokens = true;
};

/// Parses one unit file or drop-in. Never fails: problems become `errors`
/// and parsing carries on with the next line. `text` must outlive the result.
ParseResult Parse(std::string_view text, ParseOptions options = {});

/// Parses `text` a piece at a time and calls `fn(piece)` for each. A piece
/// holds whole sections (it ends right before a section header, at the first
/// one after `piece_bytes` of input) with the tokens and errors of its lines;
/// spans are offsets into `text`, and `rejected_by_systemd` is the piece's
/// own. The pieces' sections, entries, tokens and errors, in order, are
/// Parse()'s; `newline` is set in the last piece. A dump of a huge file
/// holds one piece instead of the whole file's entries.
void ParseInPieces(std::string_view text, ParseOptions options, size_t piece_bytes,
                   const std::function<void(const ParseResult& piece)>& fn);

/// systemd's longest accepted line (LONG_LINE_MAX, 1 MiB), after joining
/// continuations.
inline constexpr size_t kMaxLineLength = 1u << 20;

}  // namespace synlint::systemd
