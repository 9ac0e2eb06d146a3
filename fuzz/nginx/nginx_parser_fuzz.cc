// SPDX-License-Identifier: MIT
// libFuzzer target: the nginx parser must cover any input with its tokens,
// keep its tree consistent and never crash; loading and extraction too.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/file_system.h"
#include "parsers/nginx/crossplane.h"
#include "parsers/nginx/extract.h"
#include "parsers/nginx/lexer.h"
#include "parsers/nginx/parser.h"
#include "parsers/nginx/tree_dump.h"

namespace {

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "nginx parser invariant violated: %s\n", what);
  std::abort();
}

void CheckTree(const synlint::nginx::ParseResult& r, std::string_view text) {
  const uint32_t n = static_cast<uint32_t>(text.size());
  const synlint::nginx::LexResult lex = synlint::nginx::Lex(text);
  Check(synlint::TokensCover(lex.tokens, text), "tokens do not cover the input");
  size_t comments = 0;
  for (const synlint::Token& t : lex.tokens) {
    if (t.kind != synlint::nginx::kComment) continue;
    Check(comments < r.comments.size() && r.comments[comments] == t.span, "comment spans");
    ++comments;
  }
  Check(comments == r.comments.size(), "comment count");
  for (const synlint::nginx::Word& w : r.words)
    Check(w.span().begin <= w.span().end && w.span().end <= n &&
              w.inner().begin >= w.span().begin && w.inner().end <= w.span().end &&
              w.inner().begin <= w.inner().end,
          "word span");
  const uint32_t count = static_cast<uint32_t>(r.directives.size());
  for (uint32_t i = 0; i < count; ++i) {
    const synlint::nginx::Directive& d = r.directives[i];
    Check(d.name < d.args_end && d.args_end <= r.words.size(), "argument range");
    Check(d.subtree_end > i && d.subtree_end <= count, "subtree range");
    const synlint::Span span = d.span();
    Check(span.begin <= span.end && span.end <= n, "directive span");
    Check(span.begin == r.words[d.name].span().begin, "directive starts at its name");
    Check(d.terminator().begin >= span.begin && d.terminator().end <= span.end, "terminator span");
    Check(!d.has_block || (d.block().begin == d.terminator().begin && d.block().end == span.end),
          "block span");
    Check(!d.is_lua || (d.lua().begin > d.block().begin && d.lua().begin <= d.lua().end &&
                        d.lua().end <= d.block().end),
          "lua span");
    // Children nest: each child's subtree ends within its parent's.
    for (uint32_t c = i + 1; c < d.subtree_end; c = r.directives[c].subtree_end)
      Check(r.directives[c].subtree_end > c && r.directives[c].subtree_end <= d.subtree_end,
            "child inside parent");
  }
  for (const synlint::SyntaxError& e : r.errors)
    Check(e.span.begin <= e.span.end && e.span.end <= n && !e.message.empty(), "error span");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const synlint::SourceFile file("fuzz.conf", text);
  const synlint::nginx::ParseResult r = synlint::nginx::Parse(file);
  CheckTree(r, text);
  (void)synlint::nginx::DumpTree(r, text);
  (void)synlint::nginx::DumpTreeJson(r, file, 0);

  // The same bytes as a main file that may include itself.
  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", text);
  fs.AddFile("etc/nginx/conf.d/a.conf", text);
  synlint::SourceSet sources(fs);
  const synlint::nginx::NginxConfig config =
      synlint::nginx::LoadNginx(sources, "etc/nginx/nginx.conf");
  (void)synlint::nginx::ExtractNginx(config);
  (void)synlint::nginx::CrossplaneJson(config, {}, 0);
  return 0;
}
