// SPDX-License-Identifier: MIT
// Text and JSON views of a parsed nginx file, for tests and `synlint parse`.
#pragma once

#include <string>
#include <string_view>

#include "core/json.h"
#include "core/source.h"
#include "core/text_sink.h"
#include "parsers/nginx/parser.h"

namespace synlint::nginx {

/// A one-line bracketed dump: every word as written in brackets, then ';',
/// a '{...}' block (siblings separated by one space) or '{lua:CODE}'. A
/// missing ';' shows as '!', an unclosed block ends with '<eof>'. Example:
///   [http]{[server]{[listen][80]; [location][/]{[return][200];}}}
std::string DumpTree(const ParseResult& r, std::string_view text);
/// The same, written into `sink` (which may stream it).
void DumpTree(const ParseResult& r, std::string_view text, TextSink* sink);

/// The errors, one per line: "LINE:COL: MESSAGE" (no trailing newline).
std::string DumpErrors(const ParseResult& r, const SourceFile& file);

/// Writes the tree as a JSON object: {"file", "directives": [{"name",
/// "line", "column", "span": [begin, end], "args": [{"text", "value",
/// "span"}], "block": [...] | "lua": "..."}], "errors": [{"message",
/// "hint", "line", "column", "span"}]}.
void WriteTreeJson(JsonWriter& w, const ParseResult& r, const SourceFile& file);
std::string DumpTreeJson(const ParseResult& r, const SourceFile& file, int indent = 2);

}  // namespace synlint::nginx
