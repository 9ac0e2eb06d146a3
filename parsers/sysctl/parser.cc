// SPDX-License-Identifier: MIT
#include "parsers/sysctl/parser.h"

#include <algorithm>

namespace synlint::sysctl {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\v'; }

class LineParser {
 public:
  LineParser(std::string_view text, bool tokens, ParseResult* out)
      : text_(text), tokens_(tokens), out_(out) {}

  void Run() {
    uint32_t pos = 0;
    const uint32_t n = static_cast<uint32_t>(text_.size());
    while (pos < n) {
      const size_t found = text_.find('\n', pos);
      const uint32_t nl = found == std::string_view::npos ? n : static_cast<uint32_t>(found);
      uint32_t content_end = nl;
      if (content_end > pos && nl < n && text_[content_end - 1] == '\r') --content_end;
      const uint32_t line_end = nl < n ? nl + 1 : n;
      Line(pos, content_end, line_end);
      pos = line_end;
    }
  }

 private:
  void Emit(uint16_t kind, uint32_t b, uint32_t e) {
    if (tokens_ && e > b) out_->tokens.push_back({kind, {b, e}});
  }

  uint32_t SkipBlanks(uint32_t p, uint32_t end) const {
    while (p < end && IsBlank(text_[p])) ++p;
    return p;
  }
  uint32_t TrimRight(uint32_t b, uint32_t e) const {
    while (e > b && IsBlank(text_[e - 1])) --e;
    return e;
  }

  void Line(uint32_t begin, uint32_t end, uint32_t line_end) {
    const uint32_t first = SkipBlanks(begin, end);
    Emit(kWhitespace, begin, first);
    if (first == end) {  // blank line
      Emit(kNewline, end, line_end);
      return;
    }
    const char c = text_[first];
    if (c == '#' || c == ';') {
      Emit(kComment, first, end);
      Emit(kNewline, end, line_end);
      return;
    }
    Assignment a;
    a.line = {begin, line_end};
    uint32_t p = first;
    if (c == '-') {
      a.ignore_failure = true;
      Emit(kDash, p, p + 1);
      p = SkipBlanks(p + 1, end);
      Emit(kWhitespace, first + 1, p);
    }
    const size_t eq_at = text_.substr(p, end - p).find('=');
    if (eq_at == std::string_view::npos) {
      const uint32_t key_end = TrimRight(p, end);
      if (a.ignore_failure && key_end > p) {
        a.exclusion = true;
        a.key = {p, key_end};
        a.name = NormalizeKey(text_.substr(p, key_end - p));
        Emit(kKey, p, key_end);
        Emit(kWhitespace, key_end, end);
        Emit(kNewline, end, line_end);
        out_->assignments.push_back(std::move(a));
        return;
      }
      Emit(kInvalid, p, key_end);
      Emit(kWhitespace, key_end, end);
      Emit(kNewline, end, line_end);
      out_->errors.push_back({{first, key_end},
                              "line is not an assignment; expected 'key = value'",
                              "comments start with '#' or ';' at the start of a line"});
      return;
    }
    const uint32_t eq = p + static_cast<uint32_t>(eq_at);
    const uint32_t key_end = TrimRight(p, eq);
    Emit(kKey, p, key_end);
    Emit(kWhitespace, key_end, eq);
    Emit(kEquals, eq, eq + 1);
    const uint32_t vb = SkipBlanks(eq + 1, end);
    const uint32_t ve = TrimRight(vb, end);
    Emit(kWhitespace, eq + 1, vb);
    Emit(kValue, vb, ve);
    Emit(kWhitespace, ve, end);
    Emit(kNewline, end, line_end);
    a.key = {p, key_end};
    a.equals = {eq, eq + 1};
    a.value = {vb, ve};
    a.text = std::string(text_.substr(vb, ve - vb));
    if (key_end == p) {
      out_->errors.push_back({{eq, eq + 1}, "missing key before '='", ""});
      return;
    }
    a.name = NormalizeKey(text_.substr(p, key_end - p));
    out_->assignments.push_back(std::move(a));
  }

  std::string_view text_;
  bool tokens_;
  ParseResult* out_;
};

}  // namespace

// Plain loops: find_first_of with a set calls memchr once per character,
// and both run for every key of a host (hundreds of thousands on some).
bool Assignment::is_glob() const {
  for (const char c : name) {
    if (c == '*' || c == '?' || c == '[') return true;
  }
  return false;
}

std::string NormalizeKey(std::string_view key) {
  size_t sep = 0;
  while (sep < key.size() && key[sep] != '.' && key[sep] != '/') ++sep;
  std::string out(key);
  if (sep == key.size()) return out;
  if (key[sep] == '/') {
    // '/' separates; literal '.' inside components becomes '/' in dotted form.
    for (char& c : out) {
      if (c == '/')
        c = '.';
      else if (c == '.')
        c = '/';
    }
  }
  // First separator '.': already dotted; '/' inside stays a literal '/'.
  return out;
}

std::string_view TokenKindName(uint16_t kind) {
  switch (kind) {
    case kWhitespace: return "ws";
    case kNewline: return "nl";
    case kComment: return "comment";
    case kDash: return "dash";
    case kKey: return "key";
    case kEquals: return "eq";
    case kValue: return "value";
    case kInvalid: return "invalid";
  }
  return "?";
}

ParseResult Parse(std::string_view text, ParseOptions options) {
  ParseResult r;
  if (options.tokens) r.tokens.reserve(text.size() / 8 + 4);
  // At most one assignment per line: growing the vector of a 10 MiB file
  // one doubling at a time cost a fifth of the parse (BENCHMARKS.md, finding 6).
  r.assignments.reserve(static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  LineParser(text, options.tokens, &r).Run();
  return r;
}

void ParseInBlocks(
    std::string_view text, ParseOptions options, size_t block_bytes,
    const std::function<void(const ParseResult& result, std::string_view block, uint32_t base)>& fn) {
  size_t begin = 0;
  do {
    size_t end = text.size();
    if (text.size() - begin > block_bytes) {
      const size_t nl = text.find('\n', begin + block_bytes);
      if (nl != std::string_view::npos) end = nl + 1;
    }
    const std::string_view block = text.substr(begin, end - begin);
    fn(Parse(block, options), block, static_cast<uint32_t>(begin));
    begin = end;
  } while (begin < text.size());
}

void AppendTokens(std::string_view text, const ParseResult& r, std::string* out) {
  for (const Token& t : r.tokens) {
    if (t.kind == kWhitespace) continue;
    out->push_back('[');
    out->append(TokenKindName(t.kind));
    if (t.kind != kNewline) {
      out->push_back(' ');
      out->append(text.substr(t.span.begin, t.span.size()));
    }
    out->push_back(']');
  }
}

std::string DumpTokens(std::string_view text, const ParseResult& r) {
  std::string out;
  AppendTokens(text, r, &out);
  return out;
}

}  // namespace synlint::sysctl
