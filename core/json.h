// SPDX-License-Identifier: MIT
// A small streaming JSON writer (RFC 8259), used by every machine format.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/text_sink.h"

namespace synlint {

/// Appends `s` to `out` as a JSON string literal. Invalid UTF-8 bytes are
/// written as U+FFFD so the output is always valid JSON.
void JsonEscape(std::string_view s, std::string* out);

/// Builds JSON text. Commas and nesting are tracked; keys only inside objects.
/// `indent` > 0 pretty-prints.
class JsonWriter {
 public:
  explicit JsonWriter(int indent = 2) : indent_(indent) {}
  /// Streams to `sink`: the text goes out in pieces of about 64 KiB as
  /// containers close, so a large document is never held whole (the parse
  /// dump of a 10 MiB nginx file was 519 MiB of RSS). Call Flush() at the end;
  /// str() and Take() then hold only what is not written yet.
  explicit JsonWriter(std::ostream& sink, int indent = 2) : indent_(indent), text_(&sink) {}
  /// Writes what is buffered to the sink (no-op without one).
  void Flush() { text_.Flush(); }
  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view k);
  JsonWriter& String(std::string_view v);
  JsonWriter& Int(int64_t v);
  JsonWriter& Uint(uint64_t v);
  JsonWriter& Bool(bool v);
  JsonWriter& Null();
  /// Inserts already-serialised JSON as one value.
  JsonWriter& Raw(std::string_view json);
  const std::string& str() const { return text_.pending(); }
  std::string Take() { return text_.Take(); }

 private:
  void BeforeValue();
  void Newline();
  std::string& out() { return *text_.out(); }
  struct Level {
    bool object;
    bool empty;
  };
  int indent_;
  TextSink text_;  // hands the text over in pieces as containers close
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace synlint
