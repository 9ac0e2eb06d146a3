#include "parsers/nginx/parser.h"

#include <algorithm>
#include <cstring>

#include "parsers/nginx/directives.h"

namespace synlint::nginx {

namespace {

bool IsTrivia(uint16_t kind) { return kind == kWhitespace || kind == kComment; }

uint32_t LineOf(std::string_view text, uint32_t offset) {
  return 1 + static_cast<uint32_t>(std::count(text.begin(), text.begin() + offset, '\n'));
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  ParseResult Run() {
    LexResult lex = Lex(text_);
    r_.tokens = std::move(lex.tokens);
    r_.errors = std::move(lex.errors);
    n_ = static_cast<uint32_t>(r_.tokens.size());
    // Exact sizes up front: no reallocation while parsing large files.
    uint32_t words = 0, statements = 0;
    for (const Token& t : r_.tokens) {
      words += t.kind == kWord || t.kind == kString;
      statements += t.kind == kSemicolon || t.kind == kLeftBrace;
    }
    r_.words.reserve(words + statements + 1);  // anonymous blocks add a word
    r_.directives.reserve(statements + 16);
    uint32_t i = 0;
    for (;;) {
      i = Skip(i);
      if (i == n_) break;
      const Token& t = r_.tokens[i];
      switch (t.kind) {
        case kRightBrace:
          if (open_.empty())
            Error(t.span, "unexpected '}'", "no block is open here");
          else
            CloseBlock(t.span.end);
          ++i;
          break;
        case kSemicolon:
          Error(t.span, "unexpected ';'", "there is no directive before it");
          ++i;
          break;
        case kLeftBrace:
          Error(t.span, "unexpected '{'", "a block needs a directive name before it");
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
    std::stable_sort(
        r_.errors.begin(), r_.errors.end(),
        [](const SyntaxError& a, const SyntaxError& b) { return a.span.begin < b.span.begin; });
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

  uint32_t Skip(uint32_t i) const {
    while (i < n_ && IsTrivia(r_.tokens[i].kind)) ++i;
    return i;
  }

  void Error(Span span, std::string message, std::string hint = "") {
    r_.errors.push_back(SyntaxError{span, std::move(message), std::move(hint)});
  }

  Word MakeWord(const Token& t) const {
    Word w;
    w.span = t.span;
    if (t.kind == kString && !t.span.empty()) {
      const char q = text_[t.span.begin];
      w.quote = q;
      w.closed = false;
      if (t.span.size() >= 2 && text_[t.span.end - 1] == q) {
        uint32_t slashes = 0;
        for (uint32_t k = t.span.end - 1; k > t.span.begin + 1 && text_[k - 1] == '\\'; --k)
          ++slashes;
        w.closed = slashes % 2 == 0;
      }
    }
    const Span in = w.inner();
    w.escaped = in.size() > 0 && std::memchr(text_.data() + in.begin, '\\', in.size()) != nullptr;
    return w;
  }

  std::string_view ParentName() const { return open_.empty() ? "" : open_.back().Name(); }
  bool InRawBlock() const { return !open_.empty() && open_.back().raw; }

  uint32_t NewDirective(uint32_t name_word, uint32_t begin) {
    Directive d;
    d.name = name_word;
    d.parent = open_.empty() ? kNoParent : open_.back().directive;
    d.depth = static_cast<uint32_t>(open_.size());
    d.span.begin = begin;
    r_.directives.push_back(d);
    return static_cast<uint32_t>(r_.directives.size() - 1);
  }

  uint32_t AnonymousBlock(uint32_t i) {
    const Span brace = r_.tokens[i].span;
    r_.words.push_back(Word{{brace.begin, brace.begin}});
    const uint32_t d = NewDirective(static_cast<uint32_t>(r_.words.size() - 1), brace.begin);
    r_.directives[d].args_end = r_.directives[d].name + 1;
    return OpenBlock(d, i, "", false);
  }

  /// Parses one directive starting at token `i`; returns the next token.
  uint32_t ParseDirective(uint32_t i) {
    r_.words.push_back(MakeWord(r_.tokens[i]));
    const uint32_t name_word = static_cast<uint32_t>(r_.words.size() - 1);
    const uint32_t d = NewDirective(name_word, r_.tokens[i].span.begin);
    std::string name_scratch;
    const std::string_view name = WordView(text_, r_.words[name_word], &name_scratch);
    arg_tokens_.clear();
    uint32_t j = i + 1;
    for (;;) {
      j = Skip(j);
      if (j == n_) break;
      const uint16_t kind = r_.tokens[j].kind;
      if (kind != kWord && kind != kString) break;
      r_.words.push_back(MakeWord(r_.tokens[j]));
      arg_tokens_.push_back(j);
      ++j;
    }
    const DirectiveInfo* info = InRawBlock() ? nullptr : FindDirective(name, ParentName());
    const bool ends_with_brace = j < n_ && r_.tokens[j].kind == kLeftBrace;
    if (const uint32_t k = FindMissingSemicolon(name, info, name_word, ends_with_brace); k != 0) {
      const uint32_t resume = arg_tokens_[k - 1];
      r_.words.resize(name_word + k);
      EndWithoutTerminator(d, name);
      return resume;
    }
    r_.directives[d].args_end = static_cast<uint32_t>(r_.words.size());
    if (j == n_ || r_.tokens[j].kind == kRightBrace || r_.tokens[j].kind == kLuaCode) {
      EndWithoutTerminator(d, name);
      return j;
    }
    const Token& term = r_.tokens[j];
    Directive& dir = r_.directives[d];
    dir.terminator = term.span;
    dir.span.end = term.span.end;
    if (term.kind == kSemicolon) {
      dir.subtree_end = d + 1;
      if (info && (info->flags & kTakesBlock))
        Error(term.span, "directive '" + std::string(name) + "' has no opening '{'");
      return j + 1;
    }
    // '{'
    if (info && !(info->flags & kTakesBlock))
      Error(term.span, "directive '" + std::string(name) + "' is not terminated by ';'");
    if (IsLuaBlockDirective(name) &&
        (j + 1 == n_ || r_.tokens[j + 1].kind == kLuaCode || r_.tokens[j + 1].kind == kRightBrace))
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
      if (w.quote || w.escaped) continue;
      const uint32_t prev_end = r_.words[name_word + k].span.end;
      if (std::memchr(text_.data() + prev_end, '\n', w.span.begin - prev_end) == nullptr) continue;
      const std::string_view cand = WordView(text_, w, &scratch);
      const DirectiveInfo* next = FindDirective(cand, ParentName());
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

  void EndWithoutTerminator(uint32_t d, std::string_view name) {
    Directive& dir = r_.directives[d];
    dir.args_end = static_cast<uint32_t>(r_.words.size());
    const uint32_t last_end = r_.words[dir.args_end - 1].span.end;
    dir.span.end = last_end;
    dir.terminator = Span{last_end, last_end};
    dir.subtree_end = d + 1;
    const uint32_t next = NextSignificantOffset(last_end);
    if (next == text_.size()) {
      Error({static_cast<uint32_t>(text_.size()), static_cast<uint32_t>(text_.size())},
            "unexpected end of file, expecting ';' or '}'",
            "the '" + std::string(name) + "' directive is not terminated by ';'");
      eof_reported_ = true;
    } else {
      Error(dir.terminator, "missing ';' after the '" + std::string(name) + "' directive");
    }
  }

  /// Offset of the first byte after `from` that is not whitespace or a comment.
  uint32_t NextSignificantOffset(uint32_t from) const {
    auto it = std::lower_bound(r_.tokens.begin(), r_.tokens.end(), from,
                               [](const Token& t, uint32_t off) { return t.span.begin < off; });
    while (it != r_.tokens.end() && IsTrivia(it->kind)) ++it;
    return it == r_.tokens.end() ? static_cast<uint32_t>(text_.size()) : it->span.begin;
  }

  uint32_t LuaBlock(uint32_t d, uint32_t brace) {
    Directive& dir = r_.directives[d];
    dir.has_block = true;
    dir.is_lua = true;
    dir.block.begin = r_.tokens[brace].span.begin;
    dir.lua = Span{r_.tokens[brace].span.end, r_.tokens[brace].span.end};
    dir.subtree_end = d + 1;
    uint32_t j = brace + 1;
    if (j < n_ && r_.tokens[j].kind == kLuaCode) dir.lua = r_.tokens[j++].span;
    if (j < n_ && r_.tokens[j].kind == kRightBrace) {
      dir.block.end = dir.span.end = r_.tokens[j].span.end;
      dir.block_closed = true;
      return j + 1;
    }
    // The lexer reported the end of file inside the Lua code.
    dir.block.end = dir.span.end = static_cast<uint32_t>(text_.size());
    eof_reported_ = true;
    return j;
  }

  uint32_t OpenBlock(uint32_t d, uint32_t brace, std::string_view name, bool raw,
                     const std::string& owned = std::string()) {
    Directive& dir = r_.directives[d];
    dir.has_block = true;
    dir.block.begin = r_.tokens[brace].span.begin;
    dir.span.end = r_.tokens[brace].span.end;
    if (!dir.terminator.size()) dir.terminator = r_.tokens[brace].span;
    if (open_.size() >= kMaxBlockDepth) {
      Error(r_.tokens[brace].span,
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
    for (uint32_t j = brace; j < n_; ++j) {
      const uint16_t kind = r_.tokens[j].kind;
      if (kind == kLeftBrace) ++depth;
      if (kind == kRightBrace && --depth == 0) {
        dir.block.end = dir.span.end = r_.tokens[j].span.end;
        dir.block_closed = true;
        return j + 1;
      }
    }
    dir.block.end = dir.span.end = static_cast<uint32_t>(text_.size());
    eof_reported_ = true;
    return n_;
  }

  void CloseBlock(uint32_t end) {
    Directive& dir = r_.directives[open_.back().directive];
    dir.block.end = dir.span.end = end;
    dir.block_closed = true;
    dir.subtree_end = static_cast<uint32_t>(r_.directives.size());
    open_.pop_back();
  }

  void FinishAtEof() {
    const uint32_t eof = static_cast<uint32_t>(text_.size());
    if (!open_.empty() && !eof_reported_) {
      const Directive& inner = r_.directives[open_.back().directive];
      const std::string name(open_.back().Name());
      Error({eof, eof}, "unexpected end of file, expecting '}'",
            "the " + (name.empty() ? std::string("block") : "'" + name + "' block") +
                " opened on line " + std::to_string(LineOf(text_, inner.block.begin)) +
                " is not closed");
    }
    while (!open_.empty()) {
      Directive& dir = r_.directives[open_.back().directive];
      dir.block.end = dir.span.end = eof;
      dir.subtree_end = static_cast<uint32_t>(r_.directives.size());
      open_.pop_back();
    }
  }

  std::string_view text_;
  uint32_t n_ = 0;
  ParseResult r_;
  std::vector<Open> open_;
  std::vector<uint32_t> arg_tokens_;
  bool eof_reported_ = false;
};

}  // namespace

ParseResult Parse(std::string_view text) { return Parser(text).Run(); }

std::string WordValue(std::string_view text, const Word& w) {
  const Span inner = w.inner();
  const std::string_view in = text.substr(inner.begin, inner.size());
  if (!w.escaped) return std::string(in);
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
  if (!w.escaped) return text.substr(w.inner().begin, w.inner().size());
  *scratch = WordValue(text, w);
  return *scratch;
}

std::string_view DirectiveName(const ParseResult& r, std::string_view text, const Directive& d,
                               std::string* scratch) {
  return WordView(text, r.words[d.name], scratch);
}

}  // namespace synlint::nginx
