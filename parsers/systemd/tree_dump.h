// SPDX-License-Identifier: MIT
// Text and JSON views of a parsed unit file, for tests and `synlint parse`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/json.h"
#include "core/source.h"
#include "core/text_sink.h"
#include "parsers/systemd/parser.h"

namespace synlint::systemd {

/// Tokens as "[kind text]", blanks left out, newlines as "[nl]\n":
/// `[section [Socket]][nl]\n[key ListenStream][eq =][value 80][nl]\n`.
/// Backslashes and control bytes are escaped (\\, \t, \r, \n, \xNN).
std::string DumpTokens(std::string_view text, const ParseResult& r);

/// One line per node with byte spans, sections then errors:
/// ```
/// [section 'Socket' 0..8]
///   [entry 'ListenStream' 9..21 = '80' 22..24]
/// [error 30..33 missing '='; systemd ignores this line]
/// ```
std::string DumpTree(const ParseResult& r);
/// The same, written into `sink` (which may stream it).
void DumpTree(const ParseResult& r, TextSink* sink);

/// DumpTree for a file parsed in pieces (ParseInPieces): Piece() writes each
/// piece's sections, End() the errors of all pieces.
class TextTreeWriter {
 public:
  explicit TextTreeWriter(TextSink* sink) : sink_(sink) {}
  void Piece(const ParseResult& piece);
  void End();
  /// The errors of the pieces so far.
  const std::vector<SyntaxError>& errors() const { return errors_; }

 private:
  TextSink* sink_;
  std::vector<SyntaxError> errors_;
};

/// The same as JSON: {"format", "file", "sections": [{"name", "header",
/// "entries": [{"key", "value", "key_span", "value_span"}]}], "errors",
/// "rejected_by_systemd", "tokens"}; spans are {"begin", "end", "line",
/// "column"}. The whole-file verdict comes after the sections so that the
/// document can be streamed a piece at a time.
std::string DumpJson(const SourceFile& file, const ParseResult& r, bool with_tokens = false,
                     int indent = 2);
/// DumpJson's object written into `w` (which may stream it).
void WriteJson(JsonWriter& w, const SourceFile& file, const ParseResult& r, bool with_tokens = false);

/// WriteJson's object for a file parsed in pieces: the constructor opens it,
/// Piece() adds each piece's sections, End() writes the errors, the verdict
/// and (given) the tokens, and closes it.
class JsonTreeWriter {
 public:
  JsonTreeWriter(JsonWriter& w, const SourceFile& file);
  void Piece(const ParseResult& piece);
  void End(const std::vector<Token>* tokens = nullptr);
  /// The errors of the pieces so far.
  const std::vector<SyntaxError>& errors() const { return errors_; }

 private:
  JsonWriter& w_;
  const SourceFile& file_;
  std::vector<SyntaxError> errors_;
  bool rejected_ = false;
};

}  // namespace synlint::systemd
