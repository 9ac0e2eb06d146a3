// SPDX-License-Identifier: MIT
#include "core/c_quote.h"

namespace synlint {

namespace {

bool Quoted(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x7f; }

}  // namespace

bool NeedsCQuotes(std::string_view name) {
  for (const unsigned char c : name) {
    if (Quoted(c)) return true;
  }
  return false;
}

std::string CQuoted(std::string_view name) {
  std::string out = "\"";
  for (const unsigned char c : name) {
    switch (c) {
      case '\a': out += "\\a"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\v': out += "\\v"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      default:
        if (Quoted(c)) {
          out += '\\';
          out += static_cast<char>('0' + (c >> 6));
          out += static_cast<char>('0' + ((c >> 3) & 7));
          out += static_cast<char>('0' + (c & 7));
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace synlint
