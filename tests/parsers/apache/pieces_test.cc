// SPDX-License-Identifier: MIT
// ParseInPieces: the pieces of a file, in order, are its whole parse, and a
// piece only ever ends where no section is open.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parsers/apache/parser.h"
#include "parsers/apache/tree_dump.h"

namespace synlint::apache {
namespace {

namespace fs = std::filesystem;

struct Pieces {
  size_t count = 0;
  std::string tree;
  std::string json;
  std::vector<Token> tokens;
  std::vector<SyntaxError> errors;
  std::vector<size_t> sizes;  // top-level directives per piece
};

Pieces InPieces(const SourceFile& file, size_t piece_bytes) {
  Pieces p;
  JsonWriter w(0);
  JsonTreeWriter json(w, file);
  ParseInPieces(file.text, {}, piece_bytes, [&](const ParseResult& piece) {
    ++p.count;
    p.tree += DumpTree(file.text, piece);
    json.Piece(piece);
    p.tokens.insert(p.tokens.end(), piece.tokens.begin(), piece.tokens.end());
    p.errors.insert(p.errors.end(), piece.errors.begin(), piece.errors.end());
    size_t top = 0;
    for (const Directive& d : piece.TopLevel()) {
      (void)d;
      ++top;
    }
    p.sizes.push_back(top);
  });
  json.End();
  p.json = w.Take();
  return p;
}

// Every piece size gives back the whole parse.
void ExpectSameAsWhole(const std::string& text) {
  const SourceFile file("t.conf", text);
  const ParseResult whole = Parse(file);
  for (const size_t bytes : {size_t{1}, size_t{7}, size_t{64}, size_t{4096}, SIZE_MAX}) {
    SCOPED_TRACE("piece_bytes " + std::to_string(bytes));
    const Pieces p = InPieces(file, bytes);
    EXPECT_EQ(p.tree, DumpTree(text, whole));
    EXPECT_EQ(p.json, DumpJson(file, whole, 0));
    ASSERT_EQ(p.tokens.size(), whole.tokens.size());
    for (size_t i = 0; i < p.tokens.size(); ++i) {
      EXPECT_EQ(p.tokens[i].kind, whole.tokens[i].kind);
      EXPECT_EQ(p.tokens[i].span, whole.tokens[i].span);
    }
    ASSERT_EQ(p.errors.size(), whole.errors.size());
    for (size_t i = 0; i < p.errors.size(); ++i) {
      EXPECT_EQ(p.errors[i].span, whole.errors[i].span);
      EXPECT_EQ(p.errors[i].message, whole.errors[i].message);
    }
  }
}

TEST(ApachePieces, EndOnlyBetweenTopLevelDirectives) {
  const std::string text =
      "Listen 80\n"
      "<VirtualHost *:80>\n  ServerName a\n  <Directory /x>\n  </Directory>\n</VirtualHost>\n"
      "# comment\n"
      "Listen 81\n";
  const Pieces p = InPieces(SourceFile("t.conf", text), 1);
  // A piece ends after each line where no section is open: the comment is
  // one of its own.
  EXPECT_EQ(p.count, 4u);
  EXPECT_EQ(p.sizes, (std::vector<size_t>{1, 1, 0, 1}));
  EXPECT_EQ(p.tree,
            "Listen [80]\n<VirtualHost [*:80]>\n  ServerName [a]\n  <Directory [/x]>\n"
            "  </Directory>\n</VirtualHost>\nListen [81]\n");
  ExpectSameAsWhole(text);
  // A big piece holds all.
  EXPECT_EQ(InPieces(SourceFile("t.conf", text), 1 << 20).count, 1u);
}

TEST(ApachePieces, AnUnclosedSectionHoldsTheRestOfTheFile) {
  const std::string text = "Listen 80\n<IfModule x>\nListen 81\nListen 82\n";
  const Pieces p = InPieces(SourceFile("t.conf", text), 1);
  EXPECT_EQ(p.sizes, (std::vector<size_t>{1, 1}));
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].message, "'<IfModule>' was not closed");
  ExpectSameAsWhole(text);
}

TEST(ApachePieces, MismatchedAndStrayCloseTags) {
  ExpectSameAsWhole("</Stray>\n<A>\n<B>\n</A>\nX 1\n</B>\n<C \"q\n</C>\nY \\\n 2\n");
  ExpectSameAsWhole("");
  ExpectSameAsWhole("# only a comment");
  ExpectSameAsWhole("NoNewline at end");
}

TEST(ApachePieces, APieceHoldsAboutPieceBytesOfInput) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "<VirtualHost *:" + std::to_string(8000 + i) + ">\n  ServerName a\n</VirtualHost>\n";
  size_t pieces = 0, most = 0;
  ParseInPieces(text, {.tokens = false}, 4096, [&](const ParseResult& piece) {
    ++pieces;
    most = std::max(most, piece.directives.size());
  });
  EXPECT_GT(pieces, 20u);
  EXPECT_LE(most, 2u * (4096 / 48 + 1));  // 48-byte sections, two directives each
}

TEST(ApachePieces, EveryFixture) {
  const fs::path dir = fs::path(SYNLINT_SOURCE_DIR) / "fixtures/parsers/apache";
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
  EXPECT_GE(n, 6u);
}

}  // namespace
}  // namespace synlint::apache
