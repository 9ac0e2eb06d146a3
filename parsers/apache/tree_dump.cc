// SPDX-License-Identifier: MIT
#include "parsers/apache/tree_dump.h"

#include "core/config_format.h"
#include "core/json.h"

namespace synlint::apache {

namespace {

void DumpArgs(std::string_view text, std::span<const Word> args,
              std::string* out) {
  for (const Word& w : args) {
    const std::string_view raw = text.substr(w.span.begin, w.span.size());
    *out += " [";
    out->append(raw);
    *out += ']';
    const std::string value = WordValue(text, w);
    if (value != raw) {
      *out += '{';
      *out += value;
      *out += '}';
    }
  }
}

void DumpLevel(std::string_view text, const ParseResult& r, DirectiveList list, int depth,
               TextSink* sink) {
  std::string* out = sink->out();
  for (const Directive& d : list) {
    sink->Checkpoint();
    out->append(static_cast<size_t>(depth) * 2, ' ');
    if (!d.section) {
      out->append(d.Name(text));
      DumpArgs(text, r.Args(d), out);
      *out += '\n';
      continue;
    }
    *out += '<';
    out->append(d.Name(text));
    DumpArgs(text, r.Args(d), out);
    *out += ">\n";
    DumpLevel(text, r, r.Children(d), depth + 1, sink);
    out->append(static_cast<size_t>(depth) * 2, ' ');
    *out += "</";
    out->append(d.Name(text));
    *out += d.closed() ? ">\n" : " missing>\n";
  }
}

void SpanJson(const SourceFile& file, Span s, JsonWriter* w) {
  const LineCol start = file.lines().At(s.begin);
  const LineCol end = file.lines().At(s.end);
  w->Key("span").BeginArray().Uint(s.begin).Uint(s.end).EndArray();
  w->Key("line").Uint(start.line).Key("column").Uint(start.column);
  w->Key("end_line").Uint(end.line).Key("end_column").Uint(end.column);
}

void DirectivesJson(const SourceFile& file, const ParseResult& r, DirectiveList list,
                    JsonWriter* w);

// The objects of `list`, without the array around them.
void DirectiveItemsJson(const SourceFile& file, const ParseResult& r, DirectiveList list,
                        JsonWriter* w) {
  const std::string_view text = file.text;
  for (const Directive& d : list) {
    w->BeginObject();
    w->Key("name").String(d.Name(text));
    w->Key("section").Bool(d.section);
    SpanJson(file, d.span, w);
    w->Key("args").BeginArray();
    for (const Word& a : r.Args(d)) {
      w->BeginObject();
      w->Key("text").String(text.substr(a.span.begin, a.span.size()));
      w->Key("value").String(WordValue(text, a));
      w->Key("quoted").Bool(a.quoted);
      w->Key("span").BeginArray().Uint(a.span.begin).Uint(a.span.end).EndArray();
      w->EndObject();
    }
    w->EndArray();
    if (d.section) {
      w->Key("closed").Bool(d.closed());
      if (d.closed()) {
        const Span close = r.Close(d)->tag;
        w->Key("close").BeginArray().Uint(close.begin).Uint(close.end).EndArray();
      }
      w->Key("children");
      DirectivesJson(file, r, r.Children(d), w);
    }
    w->EndObject();
  }
}

void DirectivesJson(const SourceFile& file, const ParseResult& r, DirectiveList list,
                    JsonWriter* w) {
  w->BeginArray();
  DirectiveItemsJson(file, r, list, w);
  w->EndArray();
}

}  // namespace

void DumpTree(std::string_view text, const ParseResult& result, TextSink* sink) {
  DumpLevel(text, result, result.TopLevel(), 0, sink);
}

std::string DumpTree(std::string_view text, const ParseResult& result) {
  TextSink sink;
  DumpTree(text, result, &sink);
  return sink.Take();
}

std::string DumpErrors(const SourceFile& file, const ParseResult& result) {
  std::string out;
  for (const SyntaxError& e : result.errors) {
    const LineCol at = file.lines().At(e.span.begin);
    out += std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
           e.message + "\n";
  }
  return out;
}

std::string DumpJson(const SourceFile& file, const ParseResult& result,
                     int indent) {
  JsonWriter w(indent);
  WriteJson(w, file, result);
  return w.Take();
}

void WriteJson(JsonWriter& w, const SourceFile& file, const ParseResult& result) {
  JsonTreeWriter tree(w, file);
  tree.Piece(result);
  tree.End();
}

JsonTreeWriter::JsonTreeWriter(JsonWriter& w, const SourceFile& file) : w_(w), file_(file) {
  w_.BeginObject();
  w_.Key("path").String(file_.path);
  w_.Key("format").String(FormatName(ConfigFormat::kApache));
  w_.Key("directives").BeginArray();
}

void JsonTreeWriter::Piece(const ParseResult& piece) {
  DirectiveItemsJson(file_, piece, piece.TopLevel(), &w_);
  errors_.insert(errors_.end(), piece.errors.begin(), piece.errors.end());
}

void JsonTreeWriter::End() {
  w_.EndArray();
  w_.Key("errors").BeginArray();
  for (const SyntaxError& e : errors_) {
    w_.BeginObject();
    w_.Key("message").String(e.message);
    if (!e.hint.empty()) w_.Key("hint").String(e.hint);
    SpanJson(file_, e.span, &w_);
    w_.EndObject();
  }
  w_.EndArray();
  w_.EndObject();
}

}  // namespace synlint::apache
