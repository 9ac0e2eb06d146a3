#include "parsers/systemd/tree_dump.h"

#include <cstdio>

#include "linter/json.h"

namespace synlint::systemd {

namespace {

void AppendEscaped(std::string_view s, std::string* out) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\t') {
      *out += "\\t";
    } else if (c == '\r') {
      *out += "\\r";
    } else if (c == '\n') {
      *out += "\\n";
    } else if (c == '\\') {
      *out += "\\\\";
    } else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      *out += buf;
    } else {
      *out += c;
    }
  }
}

void AppendQuoted(std::string_view s, std::string* out) {
  out->push_back('\'');
  AppendEscaped(s, out);
  out->push_back('\'');
}

void AppendRange(Span s, std::string* out) {
  out->append(std::to_string(s.begin));
  out->append("..");
  out->append(std::to_string(s.end));
}

void WriteSpan(JsonWriter& w, const SourceFile& file, Span s) {
  const LineCol at = file.lines().At(s.begin);
  w.BeginObject()
      .Key("begin")
      .Uint(s.begin)
      .Key("end")
      .Uint(s.end)
      .Key("line")
      .Uint(at.line)
      .Key("column")
      .Uint(at.column)
      .EndObject();
}

}  // namespace

std::string DumpTokens(std::string_view text, const ParseResult& r) {
  std::string out;
  for (const Token& t : r.tokens) {
    if (t.kind == kWhitespace) continue;
    out += '[';
    out += TokenKindName(t.kind);
    if (t.kind == kNewline) {
      out += "]\n";
      continue;
    }
    out += ' ';
    AppendEscaped(text.substr(t.span.begin, t.span.size()), &out);
    out += ']';
  }
  return out;
}

void DumpTree(const ParseResult& r, TextSink* sink) {
  std::string* out = sink->out();
  for (const Section& s : r.sections) {
    out->append("[section ");
    AppendQuoted(r.Name(s), out);
    out->push_back(' ');
    AppendRange(s.header_span, out);
    out->append("]\n");
    for (const Entry& e : s.entries) {
      out->append("  [entry ");
      AppendQuoted(r.Key(e), out);
      out->push_back(' ');
      AppendRange(e.key_span, out);
      out->append(" = ");
      AppendQuoted(r.Value(e), out);
      out->push_back(' ');
      AppendRange(e.value_span, out);
      out->append("]\n");
      sink->Checkpoint();
    }
  }
  for (const SyntaxError& e : r.errors) {
    out->append("[error ");
    AppendRange(e.span, out);
    out->push_back(' ');
    out->append(e.message);
    out->append("]\n");
    sink->Checkpoint();
  }
}

std::string DumpTree(const ParseResult& r) {
  TextSink sink;
  DumpTree(r, &sink);
  return sink.Take();
}

std::string DumpJson(const SourceFile& file, const ParseResult& r, bool with_tokens, int indent) {
  JsonWriter w(indent);
  WriteJson(w, file, r, with_tokens);
  return w.Take();
}

void WriteJson(JsonWriter& w, const SourceFile& file, const ParseResult& r, bool with_tokens) {
  w.BeginObject();
  w.Key("format").String("systemd");
  w.Key("file").String(file.path);
  w.Key("rejected_by_systemd").Bool(r.rejected_by_systemd);
  w.Key("sections").BeginArray();
  for (const Section& s : r.sections) {
    w.BeginObject();
    w.Key("name").String(r.Name(s));
    w.Key("header");
    WriteSpan(w, file, s.header_span);
    w.Key("entries").BeginArray();
    for (const Entry& e : s.entries) {
      w.BeginObject();
      w.Key("key").String(r.Key(e));
      w.Key("value").String(r.Value(e));
      w.Key("key_span");
      WriteSpan(w, file, e.key_span);
      w.Key("value_span");
      WriteSpan(w, file, e.value_span);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("errors").BeginArray();
  for (const SyntaxError& e : r.errors) {
    w.BeginObject();
    w.Key("message").String(e.message);
    if (!e.hint.empty()) w.Key("hint").String(e.hint);
    w.Key("span");
    WriteSpan(w, file, e.span);
    w.EndObject();
  }
  w.EndArray();
  if (with_tokens) {
    w.Key("tokens").BeginArray();
    for (const Token& t : r.tokens) {
      w.BeginObject()
          .Key("kind")
          .String(TokenKindName(t.kind))
          .Key("begin")
          .Uint(t.span.begin)
          .Key("end")
          .Uint(t.span.end)
          .EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace synlint::systemd
