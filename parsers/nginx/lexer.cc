// SPDX-License-Identifier: MIT
#include "parsers/nginx/lexer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

namespace synlint::nginx {

namespace {

constexpr std::string_view kLuaBlockSuffix = "_by_lua_block";

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/// Bytes that need a look inside a bare word; everything else is plain text.
constexpr std::array<bool, 256> MakeWordSpecial() {
  std::array<bool, 256> t{};
  for (unsigned char c : std::string_view(" \t\r\n;{\\$")) t[c] = true;
  return t;
}
constexpr std::array<bool, 256> kWordSpecial = MakeWordSpecial();

/// Describes one byte for a message: 'x' when printable, else its code.
std::string ByteName(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x21 && u < 0x7f) return std::string("\"") + c + "\"";
  static constexpr char kHex[] = "0123456789abcdef";
  return std::string("byte 0x") + kHex[u >> 4] + kHex[u & 15];
}

}  // namespace

Lexer::Lexer(std::string_view text, Whitespace whitespace)
    : text_(text),
      n_(static_cast<uint32_t>(text.size())),
      keep_whitespace_(whitespace == Whitespace::kKeep) {}

bool Lexer::Next(std::vector<Token>* out) {
  if (pos_ >= n_) return false;
  out_ = out;
  pos_ = LexOne(pos_);
  return true;
}

void Lexer::Emit(uint16_t kind, uint32_t begin, uint32_t end) {
  if (kind == kWhitespace && !keep_whitespace_) return;
  out_->push_back(Token{kind, Span{begin, end}});
}

void Lexer::Error(Span span, std::string message, std::string hint) {
  errors_.push_back(SyntaxError{span, std::move(message), std::move(hint)});
}

void Lexer::EndStatement() {
  stmt_words_ = 0;
  stmt_lua_ = false;
}

void Lexer::NoteWord(Span inner) {
  if (stmt_words_++ == 0) stmt_lua_ = IsLuaBlockDirective(text_.substr(inner.begin, inner.size()));
}

uint32_t Lexer::LexOne(uint32_t i) {
  const char c = text_[i];
  if (IsSpace(c)) {
    uint32_t j = i + 1;
    while (j < n_ && IsSpace(text_[j])) ++j;
    Emit(kWhitespace, i, j);
    return j;
  }
  switch (c) {
    case ';':
      Emit(kSemicolon, i, i + 1);
      EndStatement();
      return i + 1;
    case '{': {
      Emit(kLeftBrace, i, i + 1);
      const bool lua = stmt_lua_;
      EndStatement();
      return lua ? LexLuaBody(i) : i + 1;
    }
    case '}':
      Emit(kRightBrace, i, i + 1);
      EndStatement();
      return i + 1;
    case '#':
      return LexComment(i);
    case '"':
    case '\'':
      return LexString(i);
    default:
      return LexWord(i);
  }
}

uint32_t Lexer::LexComment(uint32_t i) {
  size_t nl = text_.find('\n', i);
  uint32_t end = nl == std::string_view::npos ? n_ : static_cast<uint32_t>(nl);
  if (end > i && text_[end - 1] == '\r') --end;
  Emit(kComment, i, end);
  if (end - i >= kMaxParameterBytes)
    Error({i, end}, "comment too long (" + std::to_string(end - i) +
                        " bytes); nginx cannot read a comment of " +
                        std::to_string(kMaxParameterBytes) + " bytes or more");
  return end;
}

uint32_t Lexer::LexWord(uint32_t i) {
  uint32_t j = i;
  bool dollar = false;
  while (j < n_) {
    const char c = text_[j];
    if (!kWordSpecial[static_cast<unsigned char>(c)]) {
      dollar = false;
      ++j;
      continue;
    }
    if (c == '\\') {
      j = j + 2 > n_ ? n_ : j + 2;
      dollar = false;
      continue;
    }
    if (c == '$') {
      dollar = true;
      ++j;
      continue;
    }
    if (c == '{' && dollar) {
      dollar = false;
      ++j;
      continue;
    }
    break;  // whitespace, ';' or '{'
  }
  Emit(kWord, i, j);
  NoteWord({i, j});
  if (j - i >= kMaxParameterBytes)
    Error({i, j}, "parameter too long (" + std::to_string(j - i) +
                      " bytes); nginx cannot read a parameter of " +
                      std::to_string(kMaxParameterBytes) + " bytes or more");
  return j;
}

uint32_t Lexer::LexString(uint32_t i) {
  const char q = text_[i];
  uint32_t& no_close_after = q == '"' ? no_double_close_after_ : no_single_close_after_;
  uint32_t j = i + 1;
  bool closed = false;
  while (j < n_ && i < no_close_after) {
    const char c = text_[j];
    if (c == '\\') {
      j += 2;
      continue;
    }
    ++j;
    if (c == q) {
      closed = true;
      break;
    }
  }
  if (!closed) {
    no_close_after = std::min(no_close_after, i);
    // nginx reads to the end of the file; end the string with its line
    // instead so the rest of the file still parses.
    const size_t nl = text_.find('\n', i);
    j = nl == std::string_view::npos ? n_ : static_cast<uint32_t>(nl);
    if (j > i + 1 && text_[j - 1] == '\r') --j;
    Error({i, i + 1}, std::string("unterminated string; the closing ") + q + " is missing",
          "nginx reads on to the end of the file looking for it");
  }
  Emit(kString, i, j);
  const uint32_t inner_end = closed ? j - 1 : j;
  NoteWord({i + 1, inner_end});
  if (inner_end - (i + 1) >= kMaxParameterBytes)
    Error({i, j},
          "parameter too long (" + std::to_string(inner_end - i - 1) +
              " bytes); nginx cannot read a parameter of " + std::to_string(kMaxParameterBytes) +
              " bytes or more",
          std::string("probably a missing closing ") + q);
  if (closed && j < n_) {
    const char c = text_[j];
    if (!IsSpace(c) && c != ';' && c != '{' && c != ')' && c != '}')
      Error({j, j + 1}, "unexpected " + ByteName(c),  // ngx_conf_read_token()'s wording
            "after a quoted string nginx needs a space, \";\" or \"{\"");
  }
  return j;
}

/// Lua long bracket level at `i` ('[' '='* '['), or -1.
int Lexer::LongBracketLevel(uint32_t i) const {
  uint32_t j = i + 1;
  while (j < n_ && text_[j] == '=') ++j;
  if (j < n_ && text_[j] == '[') return static_cast<int>(j - i - 1);
  return -1;
}

/// Skips a long bracket of `level` opening at `i`; returns the end.
uint32_t Lexer::SkipLongBracket(uint32_t i, int level) const {
  std::string close = "]" + std::string(static_cast<size_t>(level), '=') + "]";
  const size_t at = text_.find(close, i + 2 + static_cast<uint32_t>(level));
  return at == std::string_view::npos ? n_ : static_cast<uint32_t>(at + close.size());
}

uint32_t Lexer::SkipLuaString(uint32_t i) const {
  const char q = text_[i];
  uint32_t j = i + 1;
  while (j < n_) {
    const char c = text_[j];
    if (c == '\\') {
      j += 2;
      continue;
    }
    if (c == '\n') return j;  // Lua strings end at the line; stop damage here
    ++j;
    if (c == q) return j;
  }
  return n_;
}

/// Reads Lua code after the '{' at `open` up to its matching '}'.
uint32_t Lexer::LexLuaBody(uint32_t open) {
  const uint32_t begin = open + 1;
  uint32_t j = begin;
  int depth = 1;
  while (j < n_) {
    const char c = text_[j];
    if (c == '{') {
      ++depth;
      ++j;
    } else if (c == '}') {
      if (--depth == 0) {
        if (j > begin) Emit(kLuaCode, begin, j);
        Emit(kRightBrace, j, j + 1);
        return j + 1;
      }
      ++j;
    } else if (c == '"' || c == '\'') {
      j = SkipLuaString(j);
    } else if (c == '-' && j + 1 < n_ && text_[j + 1] == '-') {
      const int level = j + 2 < n_ && text_[j + 2] == '[' ? LongBracketLevel(j + 2) : -1;
      if (level >= 0) {
        j = SkipLongBracket(j + 2, level);
      } else {
        const size_t nl = text_.find('\n', j);
        j = nl == std::string_view::npos ? n_ : static_cast<uint32_t>(nl);
      }
    } else if (c == '[') {
      const int level = LongBracketLevel(j);
      j = level >= 0 ? SkipLongBracket(j, level) : j + 1;
    } else {
      ++j;
    }
  }
  if (j > n_) j = n_;
  if (n_ > begin) Emit(kLuaCode, begin, n_);
  Error({open, open + 1}, "unexpected end of file, expecting \"}\"",
        "the braces of this Lua block's code do not balance");
  return n_;
}

std::string_view TokenKindName(uint16_t kind) {
  switch (kind) {
    case kWhitespace:
      return "whitespace";
    case kComment:
      return "comment";
    case kWord:
      return "word";
    case kString:
      return "string";
    case kSemicolon:
      return "semicolon";
    case kLeftBrace:
      return "left-brace";
    case kRightBrace:
      return "right-brace";
    case kLuaCode:
      return "lua-code";
  }
  return "unknown";
}

bool IsLuaBlockDirective(std::string_view name) {
  return name.size() > kLuaBlockSuffix.size() &&
         name.substr(name.size() - kLuaBlockSuffix.size()) == kLuaBlockSuffix;
}

LexResult Lex(std::string_view text) {
  LexResult r;
  r.tokens.reserve(text.size() / 4 + 16);  // typical configurations: ~0.22 per byte
  Lexer lexer(text);
  while (lexer.Next(&r.tokens)) {
  }
  r.errors = lexer.TakeErrors();
  return r;
}

}  // namespace synlint::nginx
