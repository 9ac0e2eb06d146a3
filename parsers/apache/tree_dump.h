// SPDX-License-Identifier: MIT
// Text and JSON views of a parsed Apache file, for tests and `synlint parse`.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "core/source.h"
#include "core/text_sink.h"
#include "parsers/apache/parser.h"

namespace synlint::apache {

/// One line per directive, children indented by two spaces. Each argument is
/// shown as written in brackets, followed by {value} when httpd's value
/// differs (quotes, escapes, continuations):
///   Listen [80]
///   <VirtualHost [*:80]>
///     ServerName ["a b"]{a b}
///   </VirtualHost>
/// A section that is never closed ends with "</Name missing>".
std::string DumpTree(std::string_view text, const ParseResult& result);
/// The same, written into `sink` (which may stream it).
void DumpTree(std::string_view text, const ParseResult& result, TextSink* sink);

/// "line:column: message" per error, one a line.
std::string DumpErrors(const SourceFile& file, const ParseResult& result);

/// The whole parse as JSON: {"path", "directives": [...], "errors": [...]}.
/// Spans are byte offsets [begin, end); lines and columns are 1-based.
std::string DumpJson(const SourceFile& file, const ParseResult& result,
                     int indent = 2);
/// DumpJson's object written into `w` (which may stream it).
void WriteJson(JsonWriter& w, const SourceFile& file, const ParseResult& result);

/// WriteJson's object for a file parsed in pieces (ParseInPieces): the
/// constructor opens it, Piece() adds each piece's directives, End() writes
/// the errors of all pieces and closes it.
class JsonTreeWriter {
 public:
  JsonTreeWriter(JsonWriter& w, const SourceFile& file);
  void Piece(const ParseResult& piece);
  void End();
  /// The errors of the pieces so far.
  const std::vector<SyntaxError>& errors() const { return errors_; }

 private:
  JsonWriter& w_;
  const SourceFile& file_;
  std::vector<SyntaxError> errors_;
};

}  // namespace synlint::apache
