// SPDX-License-Identifier: MIT
#include "parsers/systemd/parser.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"

namespace synlint::systemd {

std::string_view TokenKindName(uint16_t kind) {
  switch (kind) {
    case kWhitespace:
      return "ws";
    case kNewline:
      return "nl";
    case kComment:
      return "comment";
    case kBom:
      return "bom";
    case kSectionHeader:
      return "section";
    case kKey:
      return "key";
    case kEquals:
      return "eq";
    case kValue:
      return "value";
    case kContinuation:
      return "cont";
    case kInvalid:
      return "invalid";
  }
  return "?";
}

namespace {

constexpr std::string_view kBomBytes = "\xEF\xBB\xBF";
constexpr std::string_view kStops = "; systemd stops reading the file here";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

/// conf-parser.c string_is_safe(): no control characters, quotes or '\'.
bool IsSafeSectionName(std::string_view s) {
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if ((u > 0 && u < ' ') || u == 0x7f || c == '"' || c == '\'' || c == '\\') return false;
  }
  return true;
}

/// `s` in single quotes, cut at `max` bytes on a UTF-8 boundary.
std::string Quote(std::string_view s, size_t max = 60) {
  std::string out = "'";
  if (s.size() <= max) {
    out += s;
  } else {
    size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    out += s.substr(0, cut);
    out += "...";
  }
  out += '\'';
  return out;
}

/// One physical line.
struct Part {
  uint32_t begin;    // first byte of the line
  uint32_t content;  // after a dropped BOM; for comments, the '#' or ';'
  uint32_t end;      // end of the text, before a continuation '\'
  uint32_t eol_end;  // after the line terminator
  bool comment;
  bool continued;
};

/// A raw byte range with the token kind it gets.
struct Mark {
  Span span;
  uint16_t kind;
};

class Parser {
 public:
  /// With `fn`, Run() hands over a piece at the first section header after
  /// each `piece_bytes` of input and starts afresh.
  Parser(std::string_view text, ParseOptions options, size_t piece_bytes = SIZE_MAX,
         const std::function<void(const ParseResult&)>* fn = nullptr)
      : text_(text), tokens_(options.tokens), piece_bytes_(piece_bytes), fn_(fn) {
    out_.text = text;
    // Reserving by the line count (of the first piece) avoids re-copying
    // large vectors; pages a reservation does not use are never touched.
    const std::string_view first = text.substr(0, std::min(text.size(), piece_bytes));
    size_t lines = 1;
    size_t headers = !first.empty() && first[0] == '[';  // lines that start with '['
    if (!first.empty()) {
      const char* p = first.data();
      const char* const end = p + first.size();
      while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<size_t>(end - p))))) {
        ++lines;
        ++p;
        headers += p < end && *p == '[';
      }
    }
    if (tokens_) out_.tokens.reserve(lines * 5);
    out_.entries.reserve(lines);
    out_.sections.reserve(headers);
    // Joined lines are rare in most units; a little room keeps a file full
    // of them from leaving grown-out copies behind in the heap.
    out_.cooked_text.reserve(first.size() / 16);
    first_entry_.reserve(headers);
  }

  ParseResult Run() {
    const uint32_t n = static_cast<uint32_t>(text_.size());
    uint32_t pos = 0;
    while (pos < n) {
      const uint32_t e = FindLineEnd(pos);
      uint32_t eol_end = e;
      if (e < n) {
        const char first = text_[e];
        eol_end = e + 1;
        if (eol_end < n && (text_[eol_end] == '\n' || text_[eol_end] == '\r') &&
            text_[eol_end] != first)
          ++eol_end;
        if (eol_end - e == 2 && first == '\r')
          ++crlf_;
        else
          ++lf_;
      }
      Line(pos, e, eol_end);
      pos = eol_end;
    }
    if (!pending_.empty()) FinishLogicalLine();
    if (crlf_ > lf_) out_.newline = "\r\n";
    if (fn_ != nullptr) {
      if (!out_.tokens.empty() || !out_.sections.empty() || !out_.errors.empty()) {
        SetSectionEntries();
        (*fn_)(out_);
      }
      return {};
    }
    TrimReservation(&out_.tokens);
    TrimReservation(&out_.entries);  // before the sections' spans point into it
    TrimReservation(&out_.cooked_entries);
    if (out_.cooked_text.capacity() < (size_t{1} << 20)) out_.cooked_text.shrink_to_fit();
    SetSectionEntries();
    return std::move(out_);
  }

 private:
  void SetSectionEntries() {
    for (size_t i = 0; i < out_.sections.size(); ++i) {
      const size_t first = first_entry_[i];
      const size_t last = i + 1 < out_.sections.size() ? first_entry_[i + 1] : out_.entries.size();
      out_.sections[i].entries = std::span<const Entry>(out_.entries.data() + first, last - first);
    }
  }

  /// Hands the piece so far to fn_ and starts the next one at `at`.
  void Flush(uint32_t at) {
    SetSectionEntries();
    (*fn_)(out_);
    out_.tokens.clear();
    out_.sections.clear();
    out_.entries.clear();
    out_.errors.clear();
    out_.rejected_by_systemd = false;
    out_.cooked_text.clear();
    out_.cooked_entries.clear();
    first_entry_.clear();
    piece_begin_ = at;
  }

  uint32_t FindLineEnd(uint32_t pos) const {
    const char* base = text_.data();
    const size_t rest = text_.size() - pos;
    const void* nl = std::memchr(base + pos, '\n', rest);
    const size_t limit = nl ? static_cast<const char*>(nl) - (base + pos) : rest;
    const void* cr = std::memchr(base + pos, '\r', limit);
    const size_t len = cr ? static_cast<const char*>(cr) - (base + pos) : limit;
    return pos + static_cast<uint32_t>(len);
  }

  void Push(uint16_t kind, uint32_t b, uint32_t e) {
    if (tokens_ && b < e) out_.tokens.push_back(Token{kind, Span{b, e}});
  }

  void Error(Span span, std::string message, bool fatal) {
    if (fatal) out_.rejected_by_systemd = true;
    out_.errors.push_back(SyntaxError{span, std::move(message), ""});
  }

  void Line(uint32_t b, uint32_t e, uint32_t eol_end) {
    uint32_t f = b;
    while (f < e && IsBlank(text_[f])) ++f;
    if (f < e && (text_[f] == '#' || text_[f] == ';')) {
      const Part p{b, f, e, eol_end, true, false};
      if (pending_.empty()) {
        EmitComment(p);
      } else {
        pending_.push_back(p);
      }
      return;
    }
    uint32_t content = b;
    if (!bom_seen_ && text_.substr(b, kBomBytes.size()) == kBomBytes && e - b >= kBomBytes.size()) {
      content = b + static_cast<uint32_t>(kBomBytes.size());
      bom_seen_ = true;
    }
    uint32_t slashes = 0;
    while (e - slashes > content && text_[e - slashes - 1] == '\\') ++slashes;
    const bool continued = slashes % 2 == 1;
    const uint32_t end = continued ? e - 1 : e;
    pending_.push_back(Part{b, content, end, eol_end, false, continued});
    pending_length_ += end - content + (continued ? 1 : 0);
    if (!continued) FinishLogicalLine();
  }

  void EmitComment(const Part& p) {
    Push(kWhitespace, p.begin, p.content);
    Push(kComment, p.content, p.end);
    Push(kNewline, p.end, p.eol_end);
  }

  /// Builds the text systemd sees for the pending physical lines: each
  /// continuation '\' becomes ' ' and comment lines are left out.
  std::string_view Cook() {
    if (pending_.size() == 1) {
      const Part& p = pending_[0];
      return text_.substr(p.content, p.end - p.content);
    }
    cooked_.clear();
    segments_.clear();
    for (const Part& p : pending_) {
      if (p.comment) continue;
      segments_.push_back(Segment{static_cast<uint32_t>(cooked_.size()), p.content,
                                  p.end - p.content, p.continued});
      cooked_.append(text_.substr(p.content, p.end - p.content));
      if (p.continued) cooked_ += ' ';
    }
    return cooked_;
  }

  /// `piece` appended to the result's cooked_text.
  Span KeepCooked(std::string_view piece) {
    const auto begin = static_cast<uint32_t>(out_.cooked_text.size());
    out_.cooked_text.append(piece);
    return Span{begin, static_cast<uint32_t>(out_.cooked_text.size())};
  }

  /// Raw offset of cooked offset `c` (which must name a byte).
  uint32_t Raw(uint32_t c) const {
    if (pending_.size() == 1) return pending_[0].content + c;
    size_t lo = 0, hi = segments_.size();
    while (hi - lo > 1) {
      const size_t mid = (lo + hi) / 2;
      if (segments_[mid].cooked <= c)
        lo = mid;
      else
        hi = mid;
    }
    const Segment& s = segments_[lo];
    return s.raw + (c - s.cooked);  // c == cooked+length is the '\'
  }

  /// Raw span of cooked range [b, e); an empty range maps to a point.
  Span RawSpan(uint32_t b, uint32_t e) const {
    if (b == e) {
      const uint32_t at = b == 0 ? Raw(0) : Raw(b - 1) + 1;
      return Span{at, at};
    }
    return Span{Raw(b), Raw(e - 1) + 1};
  }

  void FinishLogicalLine() {
    const std::string_view line = Cook();
    if (pending_length_ > kMaxLineLength)
      Error(Span{pending_.front().begin, pending_.back().end},
            "line is longer than 1 MiB" + std::string(kStops), true);
    uint32_t fb = 0, lb = static_cast<uint32_t>(line.size());
    while (fb < lb && IsBlank(line[fb])) ++fb;
    while (lb > fb && IsBlank(line[lb - 1])) --lb;
    Mark marks[3];
    size_t nmarks = 0;
    if (fb < lb) nmarks = Interpret(line, fb, lb, marks);
    EmitParts(marks, nmarks);
    pending_.clear();
    pending_length_ = 0;
  }

  size_t Interpret(std::string_view line, uint32_t fb, uint32_t lb, Mark* marks) {
    const Span whole = RawSpan(fb, lb);
    const std::string_view text = line.substr(fb, lb - fb);
    auto invalid = [&](std::string message, bool fatal) {
      Error(whole, std::move(message), fatal);
      marks[0] = Mark{whole, kInvalid};
      return size_t{1};
    };
    if (FindInvalidUtf8(text) != std::string_view::npos)
      return invalid("line is not valid UTF-8" + std::string(kStops), true);
    if (text.front() == '[') {
      section_ = -1;
      in_broken_section_ = true;
      if (text.back() != ']' || text.size() < 2)
        return invalid("invalid section header " + Quote(text) + std::string(kStops), true);
      const std::string_view name = text.substr(1, text.size() - 2);
      if (!IsSafeSectionName(name))
        return invalid("section header " + Quote(text) +
                           " has quotes, backslashes or control characters" + std::string(kStops),
                       true);
      // A section starts: the sections so far are whole.
      if (fn_ != nullptr && pending_.front().begin - piece_begin_ >= piece_bytes_)
        Flush(pending_.front().begin);
      Section s;
      if (pending_.size() > 1) {
        s.name_cooked = true;
        s.cooked_name = KeepCooked(name);
      }
      s.header_span = whole;
      s.name_span = RawSpan(fb + 1, lb - 1);
      s.body_span = whole;
      out_.sections.push_back(s);
      first_entry_.push_back(out_.entries.size());
      section_ = static_cast<int>(out_.sections.size()) - 1;
      in_broken_section_ = false;
      marks[0] = Mark{whole, kSectionHeader};
      return 1;
    }
    if (section_ < 0) {
      if (in_broken_section_) {
        marks[0] = Mark{whole, kInvalid};
        return 1;
      }
      return invalid("assignment outside of any section; systemd ignores this line", false);
    }
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos)
      return invalid("missing '='; systemd ignores this line", false);
    if (eq == 0) return invalid("missing key name before '='; systemd ignores this line", false);
    const uint32_t eq_at = fb + static_cast<uint32_t>(eq);
    uint32_t ke = eq_at;
    while (ke > fb && IsBlank(line[ke - 1])) --ke;
    uint32_t vb = eq_at + 1;
    while (vb < lb && IsBlank(line[vb])) ++vb;
    Entry e;
    e.key_span = RawSpan(fb, ke);
    e.equals_at = RawSpan(eq_at, eq_at + 1).begin;
    e.value_span = vb < lb ? RawSpan(vb, lb) : Span{e.equals_at + 1, e.equals_at + 1};
    if (pending_.size() > 1) {
      // Joined from several physical lines: keep what systemd reads.
      e.cooked = static_cast<uint32_t>(out_.cooked_entries.size());
      out_.cooked_entries.push_back(
          CookedEntry{KeepCooked(line.substr(fb, ke - fb)), KeepCooked(line.substr(vb, lb - vb))});
    }
    out_.sections[static_cast<size_t>(section_)].body_span.end = whole.end;
    out_.entries.push_back(e);
    marks[0] = Mark{e.key_span, kKey};
    marks[1] = Mark{e.equals_span(), kEquals};
    marks[2] = Mark{e.value_span, kValue};
    return 3;
  }

  /// Emits the tokens of the pending physical lines, cutting each line's
  /// text at the marks; what no mark covers is blank.
  void EmitParts(const Mark* marks, size_t nmarks) {
    for (const Part& p : pending_) {
      if (p.comment) {
        EmitComment(p);
        continue;
      }
      Push(kBom, p.begin, p.content);
      uint32_t at = p.content;
      for (size_t i = 0; i < nmarks; ++i) {
        const uint32_t lo = std::max(marks[i].span.begin, at);
        const uint32_t hi = std::min(marks[i].span.end, p.end);
        if (lo >= hi) continue;
        Push(kWhitespace, at, lo);
        Push(marks[i].kind, lo, hi);
        at = hi;
      }
      Push(kWhitespace, at, p.end);
      uint32_t after = p.end;
      if (p.continued) {
        Push(kContinuation, p.end, p.end + 1);
        after = p.end + 1;
      }
      Push(kNewline, after, p.eol_end);
    }
  }

  struct Segment {
    uint32_t cooked;  // offset in cooked_
    uint32_t raw;     // offset in the text
    uint32_t length;  // bytes copied (the '\' excluded)
    bool continued;
  };

  std::string_view text_;
  ParseResult out_;
  std::vector<Part> pending_;
  uint32_t pending_length_ = 0;
  std::string cooked_;
  std::vector<Segment> segments_;
  std::vector<size_t> first_entry_;  // per section, its first index in entries
  int section_ = -1;
  bool in_broken_section_ = false;
  bool bom_seen_ = false;
  bool tokens_ = true;
  size_t crlf_ = 0;
  size_t lf_ = 0;
  size_t piece_bytes_;
  const std::function<void(const ParseResult&)>* fn_;
  uint32_t piece_begin_ = 0;
};

}  // namespace

ParseResult Parse(std::string_view text, ParseOptions options) {
  if (text.size() >= UINT32_MAX) {
    ParseResult r;
    r.errors.push_back(SyntaxError{Span{}, "file is too large to parse", ""});
    r.rejected_by_systemd = true;
    return r;
  }
  return Parser(text, options).Run();
}

void ParseInPieces(std::string_view text, ParseOptions options, size_t piece_bytes,
                   const std::function<void(const ParseResult& piece)>& fn) {
  if (text.size() >= UINT32_MAX) {
    fn(Parse(text, options));
    return;
  }
  piece_bytes = std::max<size_t>(piece_bytes, 1);
  Parser(text, options, piece_bytes, &fn).Run();
}

}  // namespace synlint::systemd
