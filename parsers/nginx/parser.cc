// SPDX-License-Identifier: MIT
#include "parsers/nginx/parser.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <iterator>
#include <string>

#include "parsers/nginx/directives.h"

namespace synlint::nginx {

namespace {

bool IsTrivia(uint16_t kind) { return kind == kWhitespace || kind == kComment; }

uint32_t LineOf(std::string_view text, uint32_t offset) {
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

/// Tokens of the window are dropped once this many are behind the parser.
constexpr uint32_t kWindowSlack = 4096;

class Parser {
 public:
  Parser(std::string_view text, const ParseContext& context)
      : text_(text), lexer_(text, Whitespace::kSkip), context_(context) {}

  ParseResult Run() {
    // Estimates from typical configurations (~0.1 words and ~0.02
    // directives per byte), generous so that large files do not reallocate:
    // reserved pages that are never written cost no memory.
    r_.words.reserve(text_.size() / 6 + 16);
    r_.directives.reserve(text_.size() / 24 + 16);
    uint32_t i = 0;
    for (;;) {
      i = Skip(i);
      if (!Has(i)) break;
      Release(i);
      const Token t = Tok(i);
      switch (t.kind) {
        case kRightBrace:
          if (open_.empty())
            Error(t.span, "unexpected \"}\"", "no block is open here");
          else
            CloseBlock(t.span.end);
          ++i;
          break;
        case kSemicolon:
          Error(t.span, "unexpected \";\"", "there is no directive before it");
          ++i;
          break;
        case kLeftBrace:
          Error(t.span, "unexpected \"{\"", "a block needs a directive name before it");
          i = AnonymousBlock(i);
          break;
        case kWord:
        case kString:
          i = ParseDirective(i);
          break;
        default:  // kLuaCode cannot start a statement; skip it
          ++i;
          break;
      }
    }
    FinishAtEof();
    // Lexical errors first, as if the whole input had been lexed up front.
    std::vector<SyntaxError> parse_errors = std::move(r_.errors);
    r_.errors = lexer_.TakeErrors();
    r_.errors.insert(r_.errors.end(), std::make_move_iterator(parse_errors.begin()),
                     std::make_move_iterator(parse_errors.end()));
    std::stable_sort(
        r_.errors.begin(), r_.errors.end(),
        [](const SyntaxError& a, const SyntaxError& b) { return a.span.begin < b.span.begin; });
    TrimReservation(&r_.words);
    TrimReservation(&r_.directives);
    return std::move(r_);
  }

 private:
  struct Open {
    uint32_t directive;
    bool raw;  // entries of map/types/geo/..., not directives
    std::string_view name;
    std::string owned_name;  // used when the name has escapes
    std::string_view Name() const { return owned_name.empty() ? name : owned_name; }
  };

  /// True when token `i` exists; lexes on as far as needed. Tokens are
  /// numbered from the start of the file, whitespace excluded.
  bool Has(uint32_t i) {
    while (i - base_ >= window_.size()) {
      const size_t before = window_.size();
      if (!lexer_.Next(&window_)) return false;
      for (size_t k = before; k < window_.size(); ++k)
        if (window_[k].kind == kComment) r_.comments.push_back(window_[k].span);
    }
    return true;
  }
  /// Token `i`, which Has(i) returned true for and Release() kept. A copy:
  /// lexing further may move the window.
  Token Tok(uint32_t i) const {
    assert(i >= base_ && i - base_ < window_.size());
    return window_[i - base_];
  }
  /// Tokens before `i` are not needed again.
  void Release(uint32_t i) {
    assert(i >= base_);
    if (i - base_ < kWindowSlack) return;
    window_.erase(window_.begin(), window_.begin() + (i - base_));
    base_ = i;
  }
  /// True when token `i` exists and starts right where token `prev` ends
  /// (no whitespace between them).
  bool HasAdjacent(uint32_t prev, uint32_t i) {
    return Has(i) && Tok(i).span.begin == Tok(prev).span.end;
  }

  uint32_t Skip(uint32_t i) {
    while (Has(i) && IsTrivia(Tok(i).kind)) ++i;
    return i;
  }

  void Error(Span span, std::string message, std::string hint = "") {
    r_.errors.push_back(SyntaxError{span, std::move(message), std::move(hint)});
  }

  Word MakeWord(const Token& t) const {
    char quote = 0;
    bool closed = true;
    if (t.kind == kString && !t.span.empty()) {
      quote = text_[t.span.begin];
      closed = false;
      if (t.span.size() >= 2 && text_[t.span.end - 1] == quote) {
        uint32_t slashes = 0;
        for (uint32_t k = t.span.end - 1; k > t.span.begin + 1 && text_[k - 1] == '\\'; --k)
          ++slashes;
        closed = slashes % 2 == 0;
      }
    }
    const Span in = Word(t.span, quote, false, closed).inner();
    const bool escaped =
        in.size() > 0 && std::memchr(text_.data() + in.begin, '\\', in.size()) != nullptr;
    return Word(t.span, quote, escaped, closed);
  }

  std::string_view ParentName() const {
    return open_.empty() ? std::string_view(context_.parent) : open_.back().Name();
  }
  bool InRawBlock() const { return open_.empty() ? context_.raw : open_.back().raw; }
  /// The table's entry for `name` in the current block; at the top level of
  /// a file whose includer is unknown, none for a name whose entry depends
  /// on the enclosing block.
  const DirectiveInfo* Lookup(std::string_view name) const {
    if (open_.empty() && !context_.known) return FindDirectiveInAnyContext(name);
    return FindDirective(name, ParentName());
  }

  uint32_t NewDirective(uint32_t name_word, uint32_t begin) {
    Directive d;
    d.name = name_word;
    d.begin = begin;
    r_.directives.push_back(d);
    return static_cast<uint32_t>(r_.directives.size() - 1);
  }

  uint32_t AnonymousBlock(uint32_t i) {
    const Span brace = Tok(i).span;
    r_.words.push_back(Word(Span{brace.begin, brace.begin}));
    const uint32_t d = NewDirective(static_cast<uint32_t>(r_.words.size() - 1), brace.begin);
    r_.directives[d].args_end = r_.directives[d].name + 1;
    return OpenBlock(d, i, "", false);
  }

  /// Parses one directive starting at token `i`; returns the next token.
  uint32_t ParseDirective(uint32_t i) {
    const Token first = Tok(i);
    r_.words.push_back(MakeWord(first));
    const uint32_t name_word = static_cast<uint32_t>(r_.words.size() - 1);
    const uint32_t d = NewDirective(name_word, first.span.begin);
    std::string name_scratch;
    const std::string_view name = WordView(text_, r_.words[name_word], &name_scratch);
    arg_tokens_.clear();
    uint32_t j = i + 1;
    for (;;) {
      j = Skip(j);
      if (!Has(j)) break;
      const Token t = Tok(j);
      if (t.kind != kWord && t.kind != kString) break;
      r_.words.push_back(MakeWord(t));
      arg_tokens_.push_back(j);
      ++j;
    }
    const DirectiveInfo* info = InRawBlock() ? nullptr : Lookup(name);
    const bool at_end = !Has(j);
    const Token term = at_end ? Token{} : Tok(j);
    const bool ends_with_brace = !at_end && term.kind == kLeftBrace;
    if (const uint32_t k = FindMissingSemicolon(name, info, name_word, ends_with_brace); k != 0) {
      const uint32_t resume = arg_tokens_[k - 1];
      std::string hint = "nginx reads \"" + WordValue(text_, r_.words[name_word + k]) +
                         "\" on the next line as one of its arguments";
      r_.words.resize(name_word + k);
      EndWithoutTerminator(d, name, Tok(resume).span.begin, std::move(hint));
      return resume;
    }
    r_.directives[d].args_end = static_cast<uint32_t>(r_.words.size());
    if (at_end || term.kind == kRightBrace || term.kind == kLuaCode) {
      EndWithoutTerminator(d, name, at_end ? static_cast<uint32_t>(text_.size()) : term.span.begin);
      return j;
    }
    Directive& dir = r_.directives[d];
    dir.terminator_at = term.span.begin;
    dir.has_terminator = true;
    if (term.kind == kSemicolon) {
      dir.subtree_end = d + 1;
      if (info && (info->flags & kTakesBlock))
        Error(term.span, "directive \"" + std::string(name) + "\" has no opening \"{\"");
      return j + 1;
    }
    // '{'
    if (info && !(info->flags & kTakesBlock))
      Error(term.span, "directive \"" + std::string(name) + "\" is not terminated by \";\"");
    // The body is raw code when the lexer read it so: the '{' ends the file
    // or Lua code or the '}' follows it directly.
    if (IsLuaBlockDirective(name) &&
        (HasAdjacent(j, j + 1) ? Tok(j + 1).kind == kLuaCode || Tok(j + 1).kind == kRightBrace
                               : term.span.end == text_.size() && !Has(j + 1)))
      return LuaBlock(d, j);
    const bool raw = info && (info->flags & kRawBlock);
    return OpenBlock(d, j, name_scratch.empty() ? name : std::string_view(), raw, name_scratch);
  }

  /// Returns 1 + the index of the argument that starts a new directive when
  /// a ';' is evidently missing before it, or 0. Only for directives of the
  /// table whose arguments nginx would reject as written: a known directive
  /// name first on its line, after enough arguments, when there are too many
  /// of them, when it is no listen parameter, or when it is a block directive
  /// and the statement ends with '{'.
  uint32_t FindMissingSemicolon(std::string_view name, const DirectiveInfo* info,
                                uint32_t name_word, bool ends_with_brace) const {
    if (!info || (info->flags & kTakesBlock)) return 0;
    const uint32_t total = static_cast<uint32_t>(r_.words.size()) - name_word - 1;
    std::string scratch;
    for (uint32_t k = 0; k < total; ++k) {
      const Word& w = r_.words[name_word + 1 + k];
      if (w.quote() || w.escaped()) continue;
      const uint32_t prev_end = r_.words[name_word + k].span().end;
      if (std::memchr(text_.data() + prev_end, '\n', w.span().begin - prev_end) == nullptr)
        continue;
      const std::string_view cand = WordView(text_, w, &scratch);
      const DirectiveInfo* next = Lookup(cand);
      if (!next) continue;
      const bool enough =
          k >= info->min_args && (info->max_args == kAnyArgs || k <= info->max_args);
      bool split = false;
      if (name == "listen")
        split = k >= 1 && !IsListenParameter(cand);
      else if (enough && ends_with_brace && (next->flags & kTakesBlock))
        split = true;
      else
        split = enough && info->max_args != kAnyArgs && total > info->max_args;
      if (split) return k + 1;
    }
    return 0;
  }

  /// `next` is the offset of the first token after the directive that is
  /// no whitespace or comment (the size of the input when there is none).
  /// Messages are nginx's own (src/core/ngx_conf_file.c): ngx_conf_read_token()
  /// at the end of the file, ngx_conf_handler() otherwise (nginx itself meets
  /// a '}' first and says `unexpected "}"`; crossplane says this).
  void EndWithoutTerminator(uint32_t d, std::string_view name, uint32_t next,
                            std::string hint = "") {
    Directive& dir = r_.directives[d];
    dir.args_end = static_cast<uint32_t>(r_.words.size());
    dir.terminator_at = r_.words[dir.args_end - 1].span().end;
    dir.has_terminator = false;
    dir.subtree_end = d + 1;
    if (next == text_.size()) {
      Error({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text_.size())},
            "unexpected end of file, expecting \";\" or \"}\"",
            "the \"" + std::string(name) + "\" directive is not terminated by \";\"");
      eof_reported_ = true;
    } else {
      if (hint.empty()) hint = "a \";\" is missing here";
      Error(dir.terminator(), "directive \"" + std::string(name) + "\" is not terminated by \";\"",
            std::move(hint));
    }
  }

  uint32_t LuaBlock(uint32_t d, uint32_t brace) {
    Directive& dir = r_.directives[d];
    dir.has_block = true;
    dir.is_lua = true;
    dir.subtree_end = d + 1;
    uint32_t j = brace + 1;
    // The lexer emits Lua code and its '}' right after the '{', adjacent,
    // so the code is the block without its braces (see Directive::lua()).
    if (Has(j) && Tok(j).kind == kLuaCode) {
      assert(Tok(j).span.begin == Tok(brace).span.end);
      ++j;
    }
    if (Has(j) && Tok(j).kind == kRightBrace) {
      dir.block_end = Tok(j).span.end;
      dir.block_closed = true;
      assert(dir.lua().end == Tok(j).span.begin);
      return j + 1;
    }
    // The lexer reported the end of file inside the Lua code.
    dir.block_end = static_cast<uint32_t>(text_.size());
    eof_reported_ = true;
    return j;
  }

  uint32_t OpenBlock(uint32_t d, uint32_t brace, std::string_view name, bool raw,
                     const std::string& owned = std::string()) {
    Directive& dir = r_.directives[d];
    const Span open = Tok(brace).span;
    dir.has_block = true;
    dir.terminator_at = open.begin;
    dir.has_terminator = true;
    dir.block_end = open.end;  // until the block is closed
    if (open_.size() >= kMaxBlockDepth) {
      Error(open,
            "blocks nested too deeply (more than " + std::to_string(kMaxBlockDepth) + " levels)",
            "the contents of this block are skipped");
      return SkipBlock(d, brace);
    }
    open_.push_back(Open{d, raw, name, owned});
    return brace + 1;
  }

  uint32_t SkipBlock(uint32_t d, uint32_t brace) {
    Directive& dir = r_.directives[d];
    dir.subtree_end = d + 1;
    uint32_t depth = 0;
    uint32_t j = brace;
    for (; Has(j); ++j) {
      Release(j);
      const Token t = Tok(j);
      if (t.kind == kLeftBrace) ++depth;
      if (t.kind == kRightBrace && --depth == 0) {
        dir.block_end = t.span.end;
        dir.block_closed = true;
        return j + 1;
      }
    }
    dir.block_end = static_cast<uint32_t>(text_.size());
    eof_reported_ = true;
    return j;
  }

  void CloseBlock(uint32_t end) {
    Directive& dir = r_.directives[open_.back().directive];
    dir.block_end = end;
    dir.block_closed = true;
    dir.subtree_end = static_cast<uint32_t>(r_.directives.size());
    open_.pop_back();
  }

  void FinishAtEof() {
    const uint32_t eof = static_cast<uint32_t>(text_.size());
    if (!open_.empty() && !eof_reported_) {
      const Directive& inner = r_.directives[open_.back().directive];
      const std::string name(open_.back().Name());
      Error({eof, eof}, "unexpected end of file, expecting \"}\"",
            "the " + (name.empty() ? std::string("block") : "'" + name + "' block") +
                " opened on line " + std::to_string(LineOf(text_, inner.terminator_at)) +
                " is not closed");
    }
    while (!open_.empty()) {
      Directive& dir = r_.directives[open_.back().directive];
      dir.block_end = eof;
      dir.subtree_end = static_cast<uint32_t>(r_.directives.size());
      open_.pop_back();
    }
  }

  std::string_view text_;
  Lexer lexer_;
  const ParseContext& context_;
  std::vector<Token> window_;  // window_[k] is token base_ + k
  uint32_t base_ = 0;
  ParseResult r_;
  std::vector<Open> open_;
  std::vector<uint32_t> arg_tokens_;
  bool eof_reported_ = false;
};

}  // namespace

ParseContext UnknownContext() {
  ParseContext c;
  c.known = false;
  return c;
}

bool SameRules(const ParseContext& a, const ParseContext& b) {
  if (a.known != b.known || a.raw != b.raw) return false;
  if (a.raw || !a.known) return true;
  return a.parent == b.parent || (!ParentChangesDirectives(a.parent) && !ParentChangesDirectives(b.parent));
}

ParseResult Parse(std::string_view text, const ParseContext& context) {
  if (text.size() > kMaxParseBytes) {
    ParseResult r;
    r.errors.push_back(SyntaxError{Span{}, "file too large to parse",
                                   "the nginx parser reads at most " +
                                       std::to_string(kMaxParseBytes >> 20) + " MiB"});
    return r;
  }
  return Parser(text, context).Run();
}

std::string WordValue(std::string_view text, const Word& w) {
  const Span inner = w.inner();
  const std::string_view in = text.substr(inner.begin, inner.size());
  if (!w.escaped()) return std::string(in);
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '\\' && i + 1 < in.size()) {
      const char next = in[i + 1];
      switch (next) {
        case '"':
        case '\'':
        case '\\':
          out += next;
          ++i;
          continue;
        case 't':
          out += '\t';
          ++i;
          continue;
        case 'r':
          out += '\r';
          ++i;
          continue;
        case 'n':
          out += '\n';
          ++i;
          continue;
        default:
          break;
      }
    }
    out += c;
  }
  return out;
}

std::string_view WordView(std::string_view text, const Word& w, std::string* scratch) {
  if (!w.escaped()) return text.substr(w.inner().begin, w.inner().size());
  *scratch = WordValue(text, w);
  return *scratch;
}

std::string_view DirectiveName(const ParseResult& r, std::string_view text, const Directive& d,
                               std::string* scratch) {
  return WordView(text, r.words[d.name], scratch);
}

}  // namespace synlint::nginx
