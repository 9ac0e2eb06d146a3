// SPDX-License-Identifier: MIT
#include "core/text_sink.h"

#include <gtest/gtest.h>

#include <sstream>

namespace synlint {
namespace {

TEST(TextSink, WithoutAStreamKeepsEverything) {
  TextSink sink;
  EXPECT_TRUE(sink.Empty());
  for (int i = 0; i < 100000; ++i) {
    sink.out()->append("line\n");
    sink.Checkpoint();
  }
  sink.Flush();
  EXPECT_FALSE(sink.Empty());
  EXPECT_EQ(sink.Last(), '\n');
  EXPECT_EQ(sink.Take().size(), 500000u);
}

TEST(TextSink, WithAStreamHandsOverPiecesAndKeepsOrder) {
  std::ostringstream os;
  TextSink sink(&os);
  std::string expected;
  size_t max_held = 0;
  for (int i = 0; i < 100000; ++i) {
    const std::string piece = std::to_string(i) + (i % 7 ? " " : "\n");
    sink.out()->append(piece);
    expected += piece;
    max_held = std::max(max_held, sink.out()->size());
    sink.Checkpoint();
  }
  EXPECT_GT(os.str().size(), 0u) << "pieces go out before the end";
  EXPECT_LT(max_held, 70000u) << "never much more than one 64 KiB piece is held";
  const char last = sink.Last();
  sink.Flush();
  EXPECT_TRUE(sink.out()->empty());
  EXPECT_EQ(sink.Last(), last) << "the last byte is remembered across a flush";
  EXPECT_FALSE(sink.Empty());
  EXPECT_EQ(os.str(), expected);
}

TEST(TextSink, EmptyUntilSomethingIsWritten) {
  std::ostringstream os;
  TextSink sink(&os);
  sink.Flush();
  EXPECT_TRUE(sink.Empty());
  EXPECT_EQ(os.str(), "");
}

}  // namespace
}  // namespace synlint
