// SPDX-License-Identifier: MIT
#include "core/source.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(LineIndex, MapsOffsetsToOneBasedLineAndByteColumn) {
  const std::string text = "ab\ncd\r\nef";
  LineIndex idx(text);
  EXPECT_EQ(idx.LineCount(), 3u);
  EXPECT_EQ(idx.At(0), (LineCol{1, 1}));
  EXPECT_EQ(idx.At(2), (LineCol{1, 3}));
  EXPECT_EQ(idx.At(3), (LineCol{2, 1}));
  EXPECT_EQ(idx.At(7), (LineCol{3, 1}));
  EXPECT_EQ(idx.At(9), (LineCol{3, 3}));
}

TEST(LineIndex, LineTextDropsCrlf) {
  const std::string text = "ab\ncd\r\nef";
  LineIndex idx(text);
  EXPECT_EQ(idx.LineText(text, 2), "cd");
  EXPECT_EQ(idx.LineText(text, 3), "ef");
}

TEST(LineIndex, TrailingNewlineDoesNotOpenALine) {
  LineIndex idx("a\nb\n");
  EXPECT_EQ(idx.LineCount(), 2u);
  EXPECT_EQ(LineIndex("").LineCount(), 1u);
}

TEST(LineIndex, CountsLinesWithoutAFinalNewlineAndOnlyNewlines) {
  EXPECT_EQ(LineIndex("\n\n\n").LineCount(), 3u);
  EXPECT_EQ(LineIndex("x").LineCount(), 1u);
  EXPECT_EQ(LineIndex("\n\n\n").At(2), (LineCol{3, 1}));
}

TEST(SourceFile, IndexesItsLinesOnFirstUseAndCopiesKeepThem) {
  SourceFile a("f", "one\ntwo\n");
  const SourceFile copy = a;  // before the index exists
  EXPECT_EQ(a.lines().At(5), (LineCol{2, 2}));
  const SourceFile moved = std::move(a);  // after
  EXPECT_EQ(moved.lines().LineCount(), 2u);
  EXPECT_EQ(moved.lines().LineText(moved.text, 2), "two");
  EXPECT_EQ(copy.lines().At(4), (LineCol{2, 1}));
}

}  // namespace
}  // namespace synlint
