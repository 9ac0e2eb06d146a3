// SPDX-License-Identifier: MIT
#include "parsers/apache/lexer.h"

#include <algorithm>
#include <cstring>

namespace synlint::apache {

namespace {

// Blanks inside a line: apr_isspace() without '\n'.
struct BlankTable {
  bool blank[256] = {};
  constexpr BlankTable() {
    for (unsigned char c : {' ', '\t', '\r', '\v', '\f'}) blank[c] = true;
  }
};
constexpr BlankTable kBlanks;

inline bool IsBlankChar(char c) { return kBlanks.blank[static_cast<unsigned char>(c)]; }

}  // namespace

std::string_view TokenKindName(uint16_t kind) {
  switch (kind) {
    case kSpace: return "space";
    case kNewline: return "newline";
    case kContinuation: return "continuation";
    case kComment: return "comment";
    case kName: return "name";
    case kOpenTag: return "open-tag";
    case kCloseTag: return "close-tag";
    case kTagEnd: return "tag-end";
    case kWord: return "word";
    case kQuoted: return "quoted";
    case kIgnored: return "ignored";
  }
  return "?";
}

Lexer::Lexer(std::string_view text, std::vector<Token>* tokens)
    : text_(text), tokens_(tokens) {}

uint32_t Lexer::NormSlow(uint32_t p) {
  while (gap_ > 0 && gaps_[gap_ - 1].end > p) --gap_;
  while (gap_ < gaps_.size() && gaps_[gap_].end <= p) ++gap_;
  while (gap_ < gaps_.size() && gaps_[gap_].begin == p) {
    p = gaps_[gap_].end;
    ++gap_;
  }
  return p;
}

bool Lexer::IsBlank(uint32_t p) const { return IsBlankChar(text_[p]); }

void Lexer::EmitSlow(uint16_t kind, uint32_t begin, uint32_t end) {
  auto it = std::lower_bound(gaps_.begin(), gaps_.end(), begin,
                             [](const Gap& g, uint32_t v) { return g.end <= v; });
  for (; it != gaps_.end() && it->begin < end; ++it) {
    if (it->begin > begin) tokens_->push_back({kind, {begin, it->begin}});
    tokens_->push_back({kContinuation, {it->begin, it->end}});
    begin = it->end;
  }
  if (begin < end) tokens_->push_back({kind, {begin, end}});
}

bool Lexer::InGap(uint32_t p, size_t* k) const {
  auto it = std::lower_bound(gaps_.begin(), gaps_.end(), p,
                             [](const Gap& g, uint32_t v) { return g.end <= v; });
  *k = static_cast<size_t>(it - gaps_.begin());
  return it != gaps_.end() && it->begin <= p;
}

uint32_t Lexer::TrimEnd(uint32_t begin, uint32_t limit) const {
  uint32_t q = limit;
  size_t k = gaps_.size();
  while (q > begin) {
    while (k > 0 && gaps_[k - 1].end > q) --k;
    if (k > 0 && gaps_[k - 1].end == q) {
      q = gaps_[k - 1].begin;
      --k;
      continue;
    }
    if (IsBlankChar(text_[q - 1])) {
      --q;
      continue;
    }
    break;
  }
  return q;
}

uint32_t Lexer::SkipBlanks(uint32_t p, uint32_t limit) {
  p = Norm(p);
  while (p < limit && IsBlank(p)) p = Adv(p);
  return p;
}

Word Lexer::ScanWord(uint32_t p, uint32_t limit) {
  Word w;
  w.span.begin = p;
  bool backslash = false;
  const char c = text_[p];
  if ((c == '"' || c == '\'') && gaps_.empty()) {
    w.quoted = true;
    const char* t = text_.data();
    uint32_t q = p + 1;
    while (q < limit && t[q] != c) {
      if (t[q] == '\\') {
        backslash = true;
        if (q + 1 < limit && (t[q + 1] == c || t[q + 1] == '\\')) {
          q += 2;
          continue;
        }
      }
      ++q;
    }
    if (q < limit) {
      w.span.end = q + 1;
    } else {
      w.terminated = false;
      w.span.end = limit;
    }
  } else if (c == '"' || c == '\'') {
    w.quoted = true;
    uint32_t q = Adv(p);
    while (q < limit && text_[q] != c) {
      if (text_[q] == '\\') {
        backslash = true;
        const uint32_t q2 = Adv(q);
        if (q2 < limit && (text_[q2] == c || text_[q2] == '\\')) {
          q = Adv(q2);
          continue;
        }
      }
      q = Adv(q);
    }
    if (q < limit) {
      w.span.end = q + 1;
    } else {
      w.terminated = false;
      w.span.end = limit;
    }
  } else if (gaps_.empty()) {
    const char* t = text_.data();
    uint32_t q = p;
    while (q < limit && !IsBlankChar(t[q])) {
      backslash |= t[q] == '\\';
      ++q;
    }
    w.span.end = q;
  } else {
    uint32_t q = p;
    uint32_t last = p;
    while (q < limit && !IsBlank(q)) {
      if (text_[q] == '\\') backslash = true;
      last = q + 1;
      q = Adv(q);
    }
    w.span.end = last;
  }
  bool crosses_gap = false;
  if (!gaps_.empty()) {
    size_t k = 0;
    InGap(w.span.begin, &k);
    crosses_gap = k < gaps_.size() && gaps_[k].begin < w.span.end;
  }
  w.plain = !backslash && !crosses_gap;
  return w;
}

void Lexer::ScanArgs(uint32_t cur, uint32_t limit, LogicalLine* line,
                     uint32_t* out_cur) {
  while (true) {
    const uint32_t p = SkipBlanks(cur, limit);
    if (p >= limit) break;
    Emit(kSpace, cur, p);
    const Word w = ScanWord(p, limit);
    Emit(w.quoted ? kQuoted : kWord, w.span.begin, w.span.end);
    line->args.push_back(w);
    cur = w.span.end;
  }
  *out_cur = cur;
}

uint32_t Lexer::ScanTag(uint32_t first, uint32_t end, LogicalLine* line) {
  const uint32_t second = Adv(first);
  const bool close = second < end && text_[second] == '/';
  line->kind = close ? LogicalLine::Kind::kCloseTag : LogicalLine::Kind::kOpenTag;
  const Word whole = ScanWord(first, end);  // '<' is not a quote
  const uint32_t wend = whole.span.end;
  const uint32_t name_begin = std::min(close ? Adv(second) : second, wend);
  const bool gt_in_name = wend > name_begin && text_[wend - 1] == '>';
  const uint32_t name_end = gt_in_name ? wend - 1 : wend;
  line->tag = {first, name_end};
  line->name.span = {name_begin, name_end};
  line->name.plain = whole.plain;
  Emit(close ? kCloseTag : kOpenTag, first, name_end);
  if (gt_in_name) {
    Emit(kTagEnd, wend - 1, wend);
    line->tag_end = {wend - 1, wend};
  }
  uint32_t cur = wend;
  uint32_t p = SkipBlanks(cur, end);
  if (p >= end) return cur;
  if (!close) {
    // httpd strips a '>' from the name, then takes the arguments up to the
    // last '>' of the line (core.c: ap_strrchr_c(arg, '>')).
    const char* base = text_.data();
    const void* gt = nullptr;
    for (uint32_t i = end; i > p; --i) {
      if (base[i - 1] == '>') {
        gt = base + i - 1;
        break;
      }
    }
    if (gt == nullptr) {
      line->tag_end = {};
      ScanArgs(cur, end, line, &cur);
      return cur;
    }
    const uint32_t g = static_cast<uint32_t>(static_cast<const char*>(gt) - base);
    ScanArgs(cur, g, line, &cur);
    Emit(kSpace, cur, g);
    Emit(kTagEnd, g, g + 1);
    line->tag_end = {g, g + 1};
    cur = g + 1;
    p = SkipBlanks(cur, end);
    if (p >= end) return cur;
  }
  Emit(kSpace, cur, p);
  Emit(kIgnored, p, end);
  line->ignored = {p, end};
  return end;
}

bool Lexer::Next(LogicalLine* line) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  if (pos_ >= n) return false;
  const uint32_t begin = pos_;
  gaps_.clear();
  gap_ = 0;
  uint32_t p = pos_;
  uint32_t limit = n;
  uint32_t end = n;
  bool has_newline = false;
  while (p < n) {
    const void* found = std::memchr(text_.data() + p, '\n', n - p);
    if (found == nullptr) break;
    const uint32_t nl =
        static_cast<uint32_t>(static_cast<const char*>(found) - text_.data());
    uint32_t b = nl;
    if (b > p && text_[b - 1] == '\r') --b;
    if (b > p && text_[b - 1] == '\\') {
      gaps_.push_back({b - 1, nl + 1});
      p = nl + 1;
      continue;
    }
    limit = b;
    end = nl + 1;
    has_newline = true;
    break;
  }
  pos_ = end;

  line->kind = LogicalLine::Kind::kBlank;
  line->span = {begin, end};
  line->name = Word();
  line->tag = line->tag_end = line->ignored = Span();
  line->args.clear();
  line->has_newline = has_newline;

  const uint32_t first = SkipBlanks(begin, limit);
  Emit(kSpace, begin, first);
  uint32_t cur = first;
  if (first < limit) {
    const uint32_t content_end = TrimEnd(first, limit);
    line->content = {first, content_end};
    if (text_[first] == '#') {
      line->kind = LogicalLine::Kind::kComment;
      Emit(kComment, first, content_end);
      cur = content_end;
    } else if (text_[first] == '<') {
      cur = ScanTag(first, content_end, line);
    } else {
      line->kind = LogicalLine::Kind::kDirective;
      line->name = ScanWord(first, content_end);
      Emit(kName, line->name.span.begin, line->name.span.end);
      ScanArgs(line->name.span.end, content_end, line, &cur);
    }
  } else {
    line->content = {first, first};
  }
  Emit(kSpace, cur, limit);
  if (has_newline && tokens_ != nullptr) tokens_->push_back({kNewline, {limit, end}});
  return true;
}

std::string WordValue(std::string_view text, const Word& w) {
  uint32_t b = w.span.begin;
  uint32_t e = w.span.end;
  char quote = 0;
  if (w.quoted) {
    quote = text[b];
    ++b;
    if (w.terminated && e > b) --e;
  }
  if (b >= e) return std::string();
  if (w.plain) return std::string(text.substr(b, e - b));
  std::string joined;
  joined.reserve(e - b);
  for (uint32_t i = b; i < e; ++i) {
    if (text[i] == '\\') {
      if (i + 1 < e && text[i + 1] == '\n') {
        ++i;
        continue;
      }
      if (i + 2 < e && text[i + 1] == '\r' && text[i + 2] == '\n') {
        i += 2;
        continue;
      }
    }
    joined += text[i];
  }
  std::string out;
  out.reserve(joined.size());
  for (size_t i = 0; i < joined.size(); ++i) {
    if (joined[i] == '\\' && i + 1 < joined.size() &&
        (joined[i + 1] == '\\' || (quote != 0 && joined[i + 1] == quote))) {
      out += joined[++i];
    } else {
      out += joined[i];
    }
  }
  return out;
}

}  // namespace synlint::apache
