// SPDX-License-Identifier: MIT
// libFuzzer target: parse arbitrary bytes as an Apache config and abort if
// the tokens do not give the input back byte for byte, if a span points
// outside the input, if a parse in pieces differs from the whole parse, or
// if loading it as a whole service misbehaves.
//
// Build (clang only):
//   clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -I.
//     fuzz/apache/apache_parser_fuzz.cc parsers/apache/*.cc
//     core/source.cc core/file_system.cc core/file_reader.cc
//     core/finding.cc core/syntax.cc core/json.cc core/service.cc
//     -o apache_parser_fuzz
//   ./apache_parser_fuzz -max_total_time=60 fixtures/parsers/apache
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/file_system.h"
#include "parsers/apache/extract.h"
#include "parsers/apache/parser.h"
#include "parsers/apache/tree_dump.h"

namespace {

using synlint::Span;
using synlint::apache::Directive;

void CheckSpan(Span s, size_t size) {
  if (s.begin > s.end || s.end > size) std::abort();
}

void CheckTree(const synlint::apache::ParseResult& r, std::string_view text) {
  const size_t n = r.directives.size();
  for (size_t i = 0; i < n; ++i) {
    const Directive& d = r.directives[i];
    // Pre-order: a subtree lies inside its parent's and a directive holds nothing.
    if (d.subtree_end <= i || d.subtree_end > n) std::abort();
    if (!d.section && d.subtree_end != i + 1) std::abort();
    for (size_t c = i + 1; c < d.subtree_end; c = r.directives[c].subtree_end)
      if (r.directives[c].subtree_end > d.subtree_end) std::abort();
    if (d.args_begin + d.args_count > r.words.size()) std::abort();
    CheckSpan(d.span, text.size());
    CheckSpan(d.line, text.size());
    CheckSpan(d.name.span, text.size());
    if (d.span.begin < d.line.begin || d.span.end > d.line.end) std::abort();
    for (const auto& a : r.Args(d)) {
      CheckSpan(a.span, text.size());
      if (a.span.begin < d.line.begin || a.span.end > d.line.end) std::abort();
      const std::string v = synlint::apache::WordValue(text, a);
      if (v.size() > a.span.size()) std::abort();
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const synlint::SourceFile file("fuzz.conf", text);
  const synlint::apache::ParseResult r = synlint::apache::Parse(file);
  if (!synlint::TokensCover(r.tokens, text)) std::abort();
  std::string joined;
  joined.reserve(text.size());
  for (const synlint::Token& t : r.tokens) joined += file.Slice(t.span);
  if (joined != text) std::abort();
  for (const synlint::SyntaxError& e : r.errors) CheckSpan(e.span, text.size());
  CheckTree(r, text);
  const std::string tree = synlint::apache::DumpTree(text, r);
  (void)synlint::apache::DumpJson(file, r);
  // Parsed a piece at a time (pieces of 1 to 64 bytes), the tree is the same.
  std::string pieces;
  size_t errors = 0;
  synlint::apache::ParseInPieces(text, {.tokens = false}, 1 + (size > 0 ? data[0] % 64 : 0),
                                 [&](const synlint::apache::ParseResult& piece) {
                                   CheckTree(piece, text);
                                   pieces += synlint::apache::DumpTree(text, piece);
                                   errors += piece.errors.size();
                                 });
  if (pieces != tree || errors != r.errors.size()) std::abort();

#ifndef APACHE_FUZZ_PARSE_ONLY  // -DAPACHE_FUZZ_PARSE_ONLY: more runs per second
  if (size <= 16384) {
    synlint::MemoryFileSystem fs;
    fs.AddFile("etc/apache2/apache2.conf", text);
    fs.AddFile("etc/apache2/ports.conf", "Listen 80\n");
    fs.AddFile("etc/apache2/conf.d/a.conf", "Include apache2.conf\n");
    synlint::SourceSet sources(fs);
    const auto facts = synlint::apache::LoadApacheService(sources);
    if (!facts) std::abort();
    for (const auto& l : facts->listeners) {
      if (l.port > 65535) std::abort();
    }
  }
#endif
  return 0;
}
