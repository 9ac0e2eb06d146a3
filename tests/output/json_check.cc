// SPDX-License-Identifier: MIT
#include "tests/output/json_check.h"

#include <cctype>
#include <cstring>

#include "core/utf8.h"

namespace synlint {
namespace {

class Checker {
 public:
  explicit Checker(std::string_view s) : s_(s) {}

  std::string Run() {
    Space();
    if (!Value(0)) return error_;
    Space();
    if (i_ != s_.size()) Fail("trailing text");
    return error_;
  }

 private:
  bool Fail(const char* what) {
    if (error_.empty()) error_ = "offset " + std::to_string(i_) + ": " + what;
    return false;
  }
  bool Peek(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void Space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' ||
                              s_[i_] == '\r' || s_[i_] == '\n'))
      ++i_;
  }
  bool Literal(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return Fail("bad literal");
    i_ += word.size();
    return true;
  }
  bool Digits() {
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
    return i_ > start || Fail("digit expected");
  }
  bool Number() {
    if (Peek('-')) ++i_;
    if (Peek('0')) {
      ++i_;
    } else if (!Digits()) {
      return false;
    }
    if (Peek('.')) {
      ++i_;
      if (!Digits()) return false;
    }
    if (Peek('e') || Peek('E')) {
      ++i_;
      if (Peek('+') || Peek('-')) ++i_;
      if (!Digits()) return false;
    }
    return true;
  }
  bool String() {
    ++i_;  // '"'
    const size_t start = i_;
    while (i_ < s_.size() && s_[i_] != '"') {
      const unsigned char c = static_cast<unsigned char>(s_[i_]);
      if (c < 0x20) return Fail("raw control character in string");
      if (c == '\\') {
        ++i_;
        if (i_ >= s_.size()) return Fail("unterminated escape");
        if (s_[i_] == 'u') {
          for (int k = 1; k <= 4; ++k) {
            if (i_ + k >= s_.size() || !std::isxdigit(static_cast<unsigned char>(s_[i_ + k])))
              return Fail("bad \\u escape");
          }
          i_ += 4;
        } else if (!std::strchr("\"\\/bfnrt", s_[i_]) || s_[i_] == '\0') {
          return Fail("bad escape");
        }
      }
      ++i_;
    }
    if (i_ >= s_.size()) return Fail("unterminated string");
    if (FindInvalidUtf8(s_.substr(start, i_ - start)) != std::string_view::npos)
      return Fail("string is not valid UTF-8");
    ++i_;
    return true;
  }
  bool Value(int depth) {
    if (depth > 200) return Fail("nested too deeply");
    if (i_ >= s_.size()) return Fail("value expected");
    switch (s_[i_]) {
      case '{': return Container(depth, '}', true);
      case '[': return Container(depth, ']', false);
      case '"': return String();
      case 't': return Literal("true");
      case 'f': return Literal("false");
      case 'n': return Literal("null");
      default: return Number();
    }
  }
  bool Container(int depth, char close, bool object) {
    ++i_;
    Space();
    if (Peek(close)) {
      ++i_;
      return true;
    }
    while (true) {
      Space();
      if (object) {
        if (!Peek('"')) return Fail("key expected");
        if (!String()) return false;
        Space();
        if (!Peek(':')) return Fail("':' expected");
        ++i_;
        Space();
      }
      if (!Value(depth + 1)) return false;
      Space();
      if (Peek(',')) {
        ++i_;
        continue;
      }
      if (Peek(close)) {
        ++i_;
        return true;
      }
      return Fail("',' or end of container expected");
    }
  }

  std::string_view s_;
  size_t i_ = 0;
  std::string error_;
};

}  // namespace

std::string CheckJson(std::string_view text) { return Checker(text).Run(); }

}  // namespace synlint
