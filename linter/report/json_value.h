// SPDX-License-Identifier: MIT
// A small JSON reader (RFC 8259) for `synlint report`, which reads the JSON
// that `synlint audit`/`check --format json` wrote on each host. Whole
// documents into a tree of values; errors name the line and column.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace synlint {

struct JsonValue {
  enum class Kind : uint8_t { kNull, kBool, kNumber, kString, kArray, kObject };
  Kind kind = Kind::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;              // a string's value (unescaped)
  std::vector<JsonValue> items;  // an array's elements, or an object's values
  std::vector<std::string> keys; // an object's keys, parallel to `items`

  bool IsObject() const { return kind == Kind::kObject; }
  bool IsArray() const { return kind == Kind::kArray; }
  bool IsString() const { return kind == Kind::kString; }
  bool IsNumber() const { return kind == Kind::kNumber; }
  /// An object's member `key` (the last one of that name), or null.
  const JsonValue* Find(std::string_view key) const;
  /// Member `key` as a string, a number as an integer, or a bool; `fallback`
  /// when absent or of another kind.
  std::string StringOr(std::string_view key, std::string_view fallback) const;
  int64_t IntOr(std::string_view key, int64_t fallback) const;
  bool BoolOr(std::string_view key, bool fallback) const;
};

/// Parses `text` as exactly one JSON value. On failure returns false and sets
/// `err` to "line L, column C: what" (columns count bytes, 1-based).
/// Nesting deeper than 256 levels is refused, so no input can exhaust the stack.
bool ParseJson(std::string_view text, JsonValue* out, std::string* err);

}  // namespace synlint
