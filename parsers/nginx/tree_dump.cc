// SPDX-License-Identifier: MIT
#include "parsers/nginx/tree_dump.h"

namespace synlint::nginx {

namespace {

void DumpDirective(const ParseResult& r, std::string_view text, uint32_t d, TextSink* sink) {
  std::string* out = sink->out();
  const Directive& dir = r.directives[d];
  for (uint32_t w = dir.name; w < dir.args_end; ++w) {
    out->push_back('[');
    out->append(WordRaw(text, r.words[w]));
    out->push_back(']');
  }
  if (dir.is_lua) {
    out->append("{lua:");
    out->append(text.substr(dir.lua().begin, dir.lua().size()));
    out->append(dir.block_closed ? "}" : "<eof>");
    return;
  }
  if (!dir.has_block) {
    out->append(dir.terminator().empty() ? "!" : ";");
    return;
  }
  out->push_back('{');
  for (uint32_t c = FirstChild(d); c < dir.subtree_end; c = r.directives[c].subtree_end) {
    if (c != FirstChild(d)) out->push_back(' ');
    DumpDirective(r, text, c, sink);
    sink->Checkpoint();
  }
  out->append(dir.block_closed ? "}" : "<eof>");
}

void WriteSpan(JsonWriter& w, Span s) { w.BeginArray().Uint(s.begin).Uint(s.end).EndArray(); }

void WriteDirectiveJson(JsonWriter& w, const ParseResult& r, const SourceFile& file, uint32_t d) {
  const Directive& dir = r.directives[d];
  const LineCol at = file.lines().At(dir.span().begin);
  w.BeginObject();
  w.Key("name").String(WordValue(file.text, r.words[dir.name]));
  w.Key("line").Uint(at.line).Key("column").Uint(at.column);
  w.Key("span");
  WriteSpan(w, dir.span());
  w.Key("args").BeginArray();
  for (uint32_t a = dir.name + 1; a < dir.args_end; ++a) {
    const Word& word = r.words[a];
    w.BeginObject();
    w.Key("text").String(WordRaw(file.text, word));
    w.Key("value").String(WordValue(file.text, word));
    w.Key("span");
    WriteSpan(w, word.span());
    w.EndObject();
  }
  w.EndArray();
  if (dir.is_lua) {
    w.Key("lua").String(file.Slice(dir.lua()));
  } else if (dir.has_block) {
    w.Key("block").BeginArray();
    for (uint32_t c = FirstChild(d); c < dir.subtree_end; c = r.directives[c].subtree_end)
      WriteDirectiveJson(w, r, file, c);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

void DumpTree(const ParseResult& r, std::string_view text, TextSink* sink) {
  const uint32_t n = static_cast<uint32_t>(r.directives.size());
  for (uint32_t d = 0; d < n; d = r.directives[d].subtree_end) {
    if (d != 0) sink->out()->push_back(' ');
    DumpDirective(r, text, d, sink);
    sink->Checkpoint();
  }
}

std::string DumpTree(const ParseResult& r, std::string_view text) {
  TextSink sink;
  DumpTree(r, text, &sink);
  return sink.Take();
}

std::string DumpErrors(const ParseResult& r, const SourceFile& file) {
  std::string out;
  for (const SyntaxError& e : r.errors) {
    const LineCol at = file.lines().At(e.span.begin);
    if (!out.empty()) out.push_back('\n');
    out += std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + e.message;
  }
  return out;
}

void WriteTreeJson(JsonWriter& w, const ParseResult& r, const SourceFile& file) {
  w.BeginObject();
  w.Key("file").String(file.path);
  w.Key("directives").BeginArray();
  const uint32_t n = static_cast<uint32_t>(r.directives.size());
  for (uint32_t d = 0; d < n; d = r.directives[d].subtree_end) WriteDirectiveJson(w, r, file, d);
  w.EndArray();
  w.Key("errors").BeginArray();
  for (const SyntaxError& e : r.errors) {
    const LineCol at = file.lines().At(e.span.begin);
    w.BeginObject();
    w.Key("message").String(e.message);
    if (!e.hint.empty()) w.Key("hint").String(e.hint);
    w.Key("line").Uint(at.line).Key("column").Uint(at.column);
    w.Key("span");
    WriteSpan(w, e.span);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

std::string DumpTreeJson(const ParseResult& r, const SourceFile& file, int indent) {
  JsonWriter w(indent);
  WriteTreeJson(w, r, file);
  return w.Take();
}

}  // namespace synlint::nginx
