// SPDX-License-Identifier: MIT
#include "parsers/apache/parser.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace synlint::apache {

namespace {

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

class Parser {
 public:
  Parser(std::string_view text, ParseOptions options) : text_(text), options_(options) {}

  /// Parses the whole text; with `fn`, hands over a piece at the first
  /// top-level boundary after each `piece_bytes` of input and starts afresh.
  ParseResult Run(size_t piece_bytes = SIZE_MAX,
                  const std::function<void(const ParseResult&)>* fn = nullptr) {
    // About one token per 5 bytes in real configs; reserving a little more
    // avoids regrowing, and pages never touched cost nothing.
    const size_t bytes = std::min(text_.size(), piece_bytes);
    if (options_.tokens) result_.tokens.reserve(bytes / 4 + 16);
    result_.words.reserve(bytes / 10 + 16);
    result_.directives.reserve(bytes / 32 + 16);  // ~50 bytes each in real configs
    Lexer lexer(text_, options_.tokens ? &result_.tokens : nullptr);
    LogicalLine line;
    uint32_t piece_begin = 0;
    while (lexer.Next(&line)) {
      OnLine(line);
      // No section is open: everything so far is whole.
      if (fn != nullptr && open_.empty() && line.span.end - piece_begin >= piece_bytes) {
        (*fn)(result_);
        Clear();
        piece_begin = line.span.end;
      }
    }
    for (const uint32_t d : open_) {
      const Directive& dir = result_.directives[d];
      Error(dir.span, "'<" + std::string(dir.Name(text_)) + ">' was not closed");
    }
    End(0);
    if (fn != nullptr) {
      if (!result_.tokens.empty() || !result_.directives.empty() || !result_.errors.empty())
        (*fn)(result_);
      return {};
    }
    TrimReservation(&result_.tokens);
    TrimReservation(&result_.words);
    TrimReservation(&result_.directives);
    return std::move(result_);
  }

 private:
  void Clear() {
    result_.tokens.clear();
    result_.words.clear();
    result_.directives.clear();
    result_.closes.clear();
    result_.errors.clear();
  }

  // Ends the sections open_[from...]: their contents stop here.
  void End(size_t from) {
    const auto end = static_cast<uint32_t>(result_.directives.size());
    for (size_t i = from; i < open_.size(); ++i) result_.directives[open_[i]].subtree_end = end;
    open_.resize(from);
  }

  // Stores the line's arguments in the arena.
  void TakeArgs(const LogicalLine& line, Directive* d) {
    d->args_begin = static_cast<uint32_t>(result_.words.size());
    result_.words.insert(result_.words.end(), line.args.begin(), line.args.end());
    d->args_count = static_cast<uint32_t>(line.args.size());
  }

  uint32_t Add(Directive d) {
    const auto at = static_cast<uint32_t>(result_.directives.size());
    d.subtree_end = at + 1;
    result_.directives.push_back(d);
    return at;
  }

  void Error(Span span, std::string message, std::string hint = "") {
    result_.errors.push_back({span, std::move(message), std::move(hint)});
  }

  void CheckQuotes(const LogicalLine& line) {
    auto check = [&](const Word& w) {
      if (!w.terminated) {
        Error(w.span, "unterminated quoted string",
              "httpd takes the rest of the line as the value");
      }
    };
    check(line.name);
    for (const Word& w : line.args) check(w);
  }

  void OnLine(const LogicalLine& line) {
    if (skipped_ != 0) return Skip(line);
    switch (line.kind) {
      case LogicalLine::Kind::kBlank:
      case LogicalLine::Kind::kComment:
        return;
      case LogicalLine::Kind::kDirective:
        CheckQuotes(line);
        AddDirective(line);
        return;
      case LogicalLine::Kind::kOpenTag:
        CheckQuotes(line);
        OpenSection(line);
        return;
      case LogicalLine::Kind::kCloseTag:
        CloseSection(line);
        return;
    }
  }

  void AddDirective(const LogicalLine& line) {
    Directive d;
    d.name = line.name;
    TakeArgs(line, &d);
    d.span = line.content;
    d.line = line.span;
    Add(d);
  }

  std::string Name(const LogicalLine& line) const {
    return std::string(text_.substr(line.name.span.begin, line.name.span.size()));
  }

  void OpenSection(const LogicalLine& line) {
    Directive d;
    d.section = 1;
    d.name = line.name;
    TakeArgs(line, &d);
    uint32_t end = line.tag.end;
    if (!line.args.empty()) end = line.args.back().span.end;
    if (!line.tag_end.empty()) end = line.tag_end.end;
    d.span = {line.tag.begin, end};
    d.line = line.span;
    if (line.name.span.empty()) Error(line.tag, "missing section name after '<'");
    if (line.tag_end.empty()) {
      Error(d.span, "'<" + Name(line) + ">' directive missing closing '>'");
    }
    if (open_.size() >= kMaxNestingDepth) {
      Error(d.span,
            "sections nested too deeply (more than " + std::to_string(kMaxNestingDepth) + " levels)",
            "the contents of this section are skipped");
      skipped_ = 1;
    }
    open_.push_back(Add(d));
  }

  // Inside a section nested too deeply: only tags count, until the one that
  // closes it (by position; a mismatched name is reported as usual).
  void Skip(const LogicalLine& line) {
    if (line.kind == LogicalLine::Kind::kOpenTag) ++skipped_;
    if (line.kind == LogicalLine::Kind::kCloseTag && --skipped_ == 0) CloseSection(line);
  }

  void CloseSection(const LogicalLine& line) {
    const std::string name = Name(line);
    const Span tag = {line.tag.begin,
                      line.tag_end.empty() ? line.tag.end : line.tag_end.end};
    if (line.tag_end.empty()) {
      Error(tag, "'</" + name + ">' directive missing closing '>'");
    }
    if (!line.ignored.empty()) {
      Error(line.ignored, "unexpected text after '</" + name + ">'");
    }
    if (open_.empty()) {
      Error(tag, "'</" + name + ">' without matching '<" + name + ">' section");
      return;
    }
    size_t match = open_.size();
    for (size_t i = open_.size(); i > 0; --i) {
      if (EqualsIgnoreCase(result_.directives[open_[i - 1]].Name(text_), name)) {
        match = i - 1;
        break;
      }
    }
    if (match + 1 != open_.size()) {
      Error(tag, "expected '</" + std::string(result_.directives[open_.back()].Name(text_)) +
                     ">' but saw '</" + name + ">'");
      if (match == open_.size()) return;  // nothing to close: drop it
      End(match + 1);                     // the skipped ones stay unclosed
    }
    Directive& d = result_.directives[open_.back()];
    d.close_at = static_cast<uint32_t>(result_.closes.size());
    result_.closes.push_back({tag, line.span});
    End(open_.size() - 1);
  }

  std::string_view text_;
  ParseOptions options_;
  ParseResult result_;
  std::vector<uint32_t> open_;  // indices of the open sections, outermost first
  uint32_t skipped_ = 0;        // sections open inside one nested too deeply
};

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

ParseResult Parse(std::string_view text, ParseOptions options) {
  return Parser(text, options).Run();
}

void ParseInPieces(std::string_view text, ParseOptions options, size_t piece_bytes,
                   const std::function<void(const ParseResult& piece)>& fn) {
  Parser(text, options).Run(std::max<size_t>(piece_bytes, 1), &fn);
}

}  // namespace synlint::apache
