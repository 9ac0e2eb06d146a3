// SPDX-License-Identifier: MIT
#include "parsers/systemd/tree_dump.h"

#include <cstdio>

#include "core/config_format.h"
#include "core/json.h"

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
  TextTreeWriter tree(sink);
  tree.Piece(r);
  tree.End();
}

void TextTreeWriter::Piece(const ParseResult& r) {
  std::string* out = sink_->out();
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
      sink_->Checkpoint();
    }
  }
  errors_.insert(errors_.end(), r.errors.begin(), r.errors.end());
}

void TextTreeWriter::End() {
  std::string* out = sink_->out();
  for (const SyntaxError& e : errors_) {
    out->append("[error ");
    AppendRange(e.span, out);
    out->push_back(' ');
    out->append(e.message);
    out->append("]\n");
    sink_->Checkpoint();
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
  JsonTreeWriter tree(w, file);
  tree.Piece(r);
  tree.End(with_tokens ? &r.tokens : nullptr);
}

JsonTreeWriter::JsonTreeWriter(JsonWriter& w, const SourceFile& file) : w_(w), file_(file) {
  w_.BeginObject();
  w_.Key("format").String(FormatName(ConfigFormat::kSystemd));
  w_.Key("file").String(file_.path);
  w_.Key("sections").BeginArray();
}

void JsonTreeWriter::Piece(const ParseResult& r) {
  for (const Section& s : r.sections) {
    w_.BeginObject();
    w_.Key("name").String(r.Name(s));
    w_.Key("header");
    WriteSpan(w_, file_, s.header_span);
    w_.Key("entries").BeginArray();
    for (const Entry& e : s.entries) {
      w_.BeginObject();
      w_.Key("key").String(r.Key(e));
      w_.Key("value").String(r.Value(e));
      w_.Key("key_span");
      WriteSpan(w_, file_, e.key_span);
      w_.Key("value_span");
      WriteSpan(w_, file_, e.value_span);
      w_.EndObject();
    }
    w_.EndArray();
    w_.EndObject();
  }
  errors_.insert(errors_.end(), r.errors.begin(), r.errors.end());
  rejected_ = rejected_ || r.rejected_by_systemd;
}

void JsonTreeWriter::End(const std::vector<Token>* tokens) {
  w_.EndArray();
  w_.Key("errors").BeginArray();
  for (const SyntaxError& e : errors_) {
    w_.BeginObject();
    w_.Key("message").String(e.message);
    if (!e.hint.empty()) w_.Key("hint").String(e.hint);
    w_.Key("span");
    WriteSpan(w_, file_, e.span);
    w_.EndObject();
  }
  w_.EndArray();
  w_.Key("rejected_by_systemd").Bool(rejected_);
  if (tokens != nullptr) {
    w_.Key("tokens").BeginArray();
    for (const Token& t : *tokens) {
      w_.BeginObject()
          .Key("kind")
          .String(TokenKindName(t.kind))
          .Key("begin")
          .Uint(t.span.begin)
          .Key("end")
          .Uint(t.span.end)
          .EndObject();
    }
    w_.EndArray();
  }
  w_.EndObject();
}

}  // namespace synlint::systemd
