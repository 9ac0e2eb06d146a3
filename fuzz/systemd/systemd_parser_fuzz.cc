// SPDX-License-Identifier: MIT
// libFuzzer target: parse arbitrary bytes as a unit file; abort when the
// tokens do not give the input back byte for byte, a span is out of range or
// a parse in pieces differs from the whole parse.
// Also feeds every value to the value and address parsers, and loads the
// input as a socket unit (first half) with a drop-in (second half) and a
// service.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/file_reader.h"
#include "core/file_system.h"
#include "core/source.h"
#include "parsers/systemd/address.h"
#include "parsers/systemd/parser.h"
#include "parsers/systemd/sockets.h"
#include "parsers/systemd/tree_dump.h"
#include "parsers/systemd/values.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSpan(synlint::Span s, size_t size) { Check(s.begin <= s.end && s.end <= size); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace synlint::systemd;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ParseResult r = Parse(text);
  Check(synlint::TokensCover(r.tokens, text));
  std::string joined;
  for (const synlint::Token& t : r.tokens) {
    Check(t.span.size() > 0);
    joined.append(text.substr(t.span.begin, t.span.size()));
  }
  Check(joined == text);
  for (const Section& s : r.sections) {
    CheckSpan(s.header_span, size);
    CheckSpan(s.name_span, size);
    CheckSpan(s.body_span, size);
    for (const Entry& e : s.entries) {
      CheckSpan(e.key_span, size);
      CheckSpan(e.value_span, size);
      CheckSpan(e.line_span(), size);
      Check(!r.Key(e).empty());
      // An entry read from its raw bytes lies on one line.
      const std::string_view line = text.substr(e.line_span().begin, e.line_span().size());
      Check(e.cooked != Entry::kRaw || line.find_first_of("\r\n") == std::string_view::npos);
      Check(e.key_span.end <= e.equals_span().begin && e.equals_span().end <= e.value_span.begin);
      std::string why;
      (void)ParseListenAddress(r.Value(e), &why);
      (void)ParseUnsigned(r.Value(e));
      (void)ParseIecSize(r.Value(e));
      (void)ParseRlimit(r.Value(e));
      (void)ParseBoolean(r.Value(e));
      (void)ExpandSpecifiers(r.Value(e), "fuzz@a-b.socket");
    }
  }
  for (const synlint::SyntaxError& e : r.errors) CheckSpan(e.span, size);
  const synlint::SourceFile file("fuzz.socket", std::string(text));
  const std::string tree = DumpTree(r);
  (void)DumpTokens(text, r);
  (void)DumpJson(file, r, true);
  // Parsed a piece at a time (pieces of 1 to 64 bytes), the tree, tokens and
  // verdict are the same.
  {
    synlint::TextSink sink;
    TextTreeWriter pieces(&sink);
    size_t tokens = 0;
    bool rejected = false;
    ParseInPieces(text, {}, 1 + (size > 0 ? data[0] % 64 : 0), [&](const ParseResult& piece) {
      pieces.Piece(piece);
      tokens += piece.tokens.size();
      rejected = rejected || piece.rejected_by_systemd;
    });
    pieces.End();
    Check(sink.Take() == tree && tokens == r.tokens.size() && rejected == r.rejected_by_systemd);
  }

  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/systemd/system/f.socket", std::string(text.substr(0, size / 2)));
  fs.AddFile("etc/systemd/system/f.socket.d/a.conf", std::string(text.substr(size / 2)));
  fs.AddFile("usr/lib/systemd/system/f.service", std::string(text));
  synlint::SourceSet sources(fs);
  const SocketUnits units = DiscoverSocketUnits(sources);
  for (const synlint::ServiceFacts& f : units.sockets)
    for (const synlint::Listener& l : f.listeners) Check(!l.context.empty());
  return 0;
}
