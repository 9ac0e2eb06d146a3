// SPDX-License-Identifier: MIT
#include "core/text_lines.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

using Lines = std::vector<std::string_view>;

TEST(SplitLines, KeepsEachLinesTerminator) {
  EXPECT_EQ(SplitLines("a\nb\n"), (Lines{"a\n", "b\n"}));
  EXPECT_EQ(SplitLines("a\r\nb"), (Lines{"a\r\n", "b"}));  // the last line may have none
  EXPECT_EQ(SplitLines("\n\n"), (Lines{"\n", "\n"}));
}

TEST(SplitLines, EmptyTextHasNoLines) { EXPECT_EQ(SplitLines(""), Lines{}); }

TEST(SplitLines, LinesJoinBackToTheText) {
  const std::string_view text = "one\r\n\ntwo\rstill two\nlast";
  std::string joined;
  for (std::string_view line : SplitLines(text)) joined += line;
  EXPECT_EQ(joined, text);
}

TEST(LineEndingOf, FollowsTheFirstLine) {
  EXPECT_EQ(LineEndingOf("a = 1\r\nb = 2\r\n"), "\r\n");
  EXPECT_EQ(LineEndingOf("a = 1\nb = 2\r\n"), "\n");
  EXPECT_EQ(LineEndingOf("\r\n"), "\r\n");
  EXPECT_EQ(LineEndingOf("\n"), "\n");
  EXPECT_EQ(LineEndingOf("no newline\r"), "\n");
  EXPECT_EQ(LineEndingOf(""), "\n");
}

}  // namespace
}  // namespace synlint
