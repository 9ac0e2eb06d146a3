// SPDX-License-Identifier: MIT
// ParseInPieces: the pieces of a unit file, in order, are its whole parse,
// and a piece only ever ends right before a section header.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parsers/systemd/parser.h"
#include "parsers/systemd/tree_dump.h"

namespace synlint::systemd {
namespace {

namespace fs = std::filesystem;

struct Pieces {
  std::string tree;
  std::string json;
  std::vector<Token> tokens;
  std::vector<size_t> sections;  // per piece
  bool rejected = false;
  std::string newline;
};

Pieces InPieces(const SourceFile& file, size_t piece_bytes) {
  Pieces p;
  TextSink sink;
  TextTreeWriter tree(&sink);
  JsonWriter w(0);
  JsonTreeWriter json(w, file);
  ParseInPieces(file.text, {}, piece_bytes, [&](const ParseResult& piece) {
    tree.Piece(piece);
    json.Piece(piece);
    p.tokens.insert(p.tokens.end(), piece.tokens.begin(), piece.tokens.end());
    p.sections.push_back(piece.sections.size());
    p.rejected = p.rejected || piece.rejected_by_systemd;
    p.newline = piece.newline;
  });
  tree.End();
  json.End();
  p.tree = sink.Take();
  p.json = w.Take();
  return p;
}

void ExpectSameAsWhole(const std::string& text) {
  const SourceFile file("a.socket", text);
  const ParseResult whole = Parse(file.text);
  for (const size_t bytes : {size_t{1}, size_t{9}, size_t{100}, size_t{4096}, SIZE_MAX}) {
    SCOPED_TRACE("piece_bytes " + std::to_string(bytes));
    const Pieces p = InPieces(file, bytes);
    EXPECT_EQ(p.tree, DumpTree(whole));
    EXPECT_EQ(p.json, DumpJson(file, whole, false, 0));
    EXPECT_EQ(p.rejected, whole.rejected_by_systemd);
    if (!p.sections.empty()) {
      EXPECT_EQ(p.newline, whole.newline);
    }
    ASSERT_EQ(p.tokens.size(), whole.tokens.size());
    for (size_t i = 0; i < p.tokens.size(); ++i) {
      EXPECT_EQ(p.tokens[i].kind, whole.tokens[i].kind);
      EXPECT_EQ(p.tokens[i].span, whole.tokens[i].span);
    }
  }
}

TEST(SystemdPieces, EndRightBeforeASectionHeader) {
  const std::string text =
      "# head\n[Unit]\nDescription=a \\\n  b\n[Socket]\nListenStream=80\n; c\n"
      "[Socket]\nBacklog=1\n";
  const Pieces p = InPieces(SourceFile("a.socket", text), 1);
  // The comment before the first header is a piece of its own.
  EXPECT_EQ(p.sections, (std::vector<size_t>{0, 1, 1, 1}));
  ExpectSameAsWhole(text);
  EXPECT_EQ(InPieces(SourceFile("a.socket", text), 1 << 20).sections,
            (std::vector<size_t>{3}));
}

TEST(SystemdPieces, ErrorsVerdictAndJoinedHeaders) {
  // A header joined from continuation lines keeps its cooked name in its
  // own piece; a bad header and bad UTF-8 set the verdict.
  ExpectSameAsWhole("[Sock\\\net]\nA=1\n[Bad\nB=2\n[Service]\nC=\xff\n");
  ExpectSameAsWhole("A=outside\n[Socket]\r\nX=1\r\n[Socket]\r\nY=\\\r\n# c\r\n 2\r\n");
  ExpectSameAsWhole("");
  ExpectSameAsWhole("[Socket]");
  ExpectSameAsWhole("\xEF\xBB\xBF[Socket]\nA=1");
}

TEST(SystemdPieces, APieceHoldsAboutPieceBytesOfInput) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += "[Socket]\nListenStream=" + std::to_string(10000 + i) + "\n";
  size_t pieces = 0, most = 0;
  ParseInPieces(text, {.tokens = false}, 4096, [&](const ParseResult& piece) {
    ++pieces;
    most = std::max(most, piece.entries.size());
  });
  EXPECT_GT(pieces, 20u);
  EXPECT_LE(most, 4096 / 28 + 2);  // 28-byte sections, one entry each
}

TEST(SystemdPieces, EveryFixture) {
  const fs::path dir = fs::path(SYNLINT_SOURCE_DIR) / "fixtures/parsers/systemd";
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".tree") continue;
    SCOPED_TRACE(e.path().string());
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ExpectSameAsWhole(ss.str());
    ++n;
  }
  EXPECT_GE(n, 5u);
}

}  // namespace
}  // namespace synlint::systemd
