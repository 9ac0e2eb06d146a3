// SPDX-License-Identifier: MIT
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(Utf8SequenceLength, DecodesEachLength) {
  uint32_t cp = 0;
  EXPECT_EQ(Utf8SequenceLength("a", 0, &cp), 1u);
  EXPECT_EQ(cp, 'a');
  EXPECT_EQ(Utf8SequenceLength("é", 0, &cp), 2u);
  EXPECT_EQ(cp, 0xE9u);
  EXPECT_EQ(Utf8SequenceLength("€", 0, &cp), 3u);
  EXPECT_EQ(cp, 0x20ACu);
  EXPECT_EQ(Utf8SequenceLength("😀", 0, &cp), 4u);
  EXPECT_EQ(cp, 0x1F600u);
  EXPECT_EQ(Utf8SequenceLength("xé", 1, &cp), 2u);  // from an offset
  EXPECT_EQ(Utf8SequenceLength(std::string_view("\0", 1), 0, &cp), 1u);
  EXPECT_EQ(cp, 0u);
}

TEST(Utf8SequenceLength, AcceptsTheBoundaries) {
  uint32_t cp = 0;
  EXPECT_EQ(Utf8SequenceLength("\xc2\x80", 0, &cp), 2u);  // smallest 2-byte
  EXPECT_EQ(cp, 0x80u);
  EXPECT_EQ(Utf8SequenceLength("\xe0\xa0\x80", 0, &cp), 3u);  // smallest 3-byte
  EXPECT_EQ(cp, 0x800u);
  EXPECT_EQ(Utf8SequenceLength("\xed\x9f\xbf", 0, &cp), 3u);  // just below the surrogates
  EXPECT_EQ(cp, 0xD7FFu);
  EXPECT_EQ(Utf8SequenceLength("\xee\x80\x80", 0, &cp), 3u);  // just above them
  EXPECT_EQ(cp, 0xE000u);
  EXPECT_EQ(Utf8SequenceLength("\xf0\x90\x80\x80", 0, &cp), 4u);  // smallest 4-byte
  EXPECT_EQ(cp, 0x10000u);
  EXPECT_EQ(Utf8SequenceLength("\xf4\x8f\xbf\xbf", 0, &cp), 4u);  // U+10FFFF
  EXPECT_EQ(cp, 0x10FFFFu);
}

TEST(Utf8SequenceLength, RejectsOverlongForms) {
  EXPECT_EQ(Utf8SequenceLength("\xc0\xaf", 0), 0u);          // '/' in 2 bytes
  EXPECT_EQ(Utf8SequenceLength("\xc1\xbf", 0), 0u);          // U+7F in 2 bytes
  EXPECT_EQ(Utf8SequenceLength("\xe0\x80\xaf", 0), 0u);      // '/' in 3 bytes
  EXPECT_EQ(Utf8SequenceLength("\xe0\x9f\xbf", 0), 0u);      // U+7FF in 3 bytes
  EXPECT_EQ(Utf8SequenceLength("\xf0\x80\x80\xaf", 0), 0u);  // '/' in 4 bytes
  EXPECT_EQ(Utf8SequenceLength("\xf0\x8f\xbf\xbf", 0), 0u);  // U+FFFF in 4 bytes
}

TEST(Utf8SequenceLength, RejectsSurrogatesAndCodePointsAboveUnicode) {
  EXPECT_EQ(Utf8SequenceLength("\xed\xa0\x80", 0), 0u);      // U+D800
  EXPECT_EQ(Utf8SequenceLength("\xed\xbf\xbf", 0), 0u);      // U+DFFF
  EXPECT_EQ(Utf8SequenceLength("\xf4\x90\x80\x80", 0), 0u);  // U+110000
  EXPECT_EQ(Utf8SequenceLength("\xf7\xbf\xbf\xbf", 0), 0u);  // U+1FFFFF
}

TEST(Utf8SequenceLength, RejectsTruncatedAndBrokenSequences) {
  EXPECT_EQ(Utf8SequenceLength("\xc3", 0), 0u);
  EXPECT_EQ(Utf8SequenceLength("\xe2\x82", 0), 0u);
  EXPECT_EQ(Utf8SequenceLength("\xf0\x9f\x98", 0), 0u);
  EXPECT_EQ(Utf8SequenceLength("\xe2\x82" "a", 0), 0u);  // continuation expected
  EXPECT_EQ(Utf8SequenceLength("\xc3(", 0), 0u);
  EXPECT_EQ(Utf8SequenceLength("\x80", 0), 0u);  // a continuation byte leads nothing
  EXPECT_EQ(Utf8SequenceLength("\xbf", 0), 0u);
  EXPECT_EQ(Utf8SequenceLength("\xf8\x88\x80\x80\x80", 0), 0u);  // 5-byte forms are gone
  EXPECT_EQ(Utf8SequenceLength("\xff", 0), 0u);
}

TEST(FindInvalidUtf8, FindsFirstInvalidByte) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("plain ascii"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("caf\xc3\xa9 \xf0\x9f\x98\x80"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("ab\xff"), 2u);
  EXPECT_EQ(FindInvalidUtf8("\xc3"), 0u);           // truncated
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);       // overlong
  EXPECT_EQ(FindInvalidUtf8("\xed\xa0\x80"), 0u);   // surrogate
  EXPECT_EQ(FindInvalidUtf8("\xc3\xa9\xe2\x82"), 2u);  // after a valid character
}

}  // namespace
}  // namespace synlint
