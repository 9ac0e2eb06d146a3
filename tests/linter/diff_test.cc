#include "linter/diff.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(UnifiedDiff, EqualTextsGiveNothing) {
  EXPECT_EQ(UnifiedDiff("etc/x", "a\n", "a\n"), "");
}

TEST(UnifiedDiff, OneChangeWithContext) {
  const std::string old_text = "1\n2\n3\n4\n5\n6\n7\n";
  const std::string new_text = "1\n2\n3\nfour\n5\n6\n7\n";
  EXPECT_EQ(UnifiedDiff("etc/x.conf", old_text, new_text),
            "--- a/etc/x.conf\n+++ b/etc/x.conf\n"
            "@@ -1,7 +1,7 @@\n 1\n 2\n 3\n-4\n+four\n 5\n 6\n 7\n");
}

TEST(UnifiedDiff, SplitsIntoMultipleHunksUnlessTouching) {
  std::string old_text, new_text;
  for (int i = 1; i <= 20; ++i) {
    old_text += std::to_string(i) + "\n";
    new_text += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
  }
  EXPECT_EQ(UnifiedDiff("f", old_text, new_text),
            "--- a/f\n+++ b/f\n"
            "@@ -1,5 +1,5 @@\n 1\n-2\n+x\n 3\n 4\n 5\n"
            "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+x\n 19\n 20\n");
  // Changes 6 lines apart share one hunk.
  std::string near = old_text;
  near.replace(near.find("\n8\n") + 1, 1, "y");
  near.replace(2, 1, "x");
  const std::string d = UnifiedDiff("f", old_text, near);
  EXPECT_EQ(d.find("@@ -1,11 +1,11 @@"), d.find("@@"));
  EXPECT_EQ(d.find("@@ -", d.find("@@") + 2), std::string::npos);
}

TEST(UnifiedDiff, MarksMissingNewlineAtEof) {
  EXPECT_EQ(UnifiedDiff("f", "a\nb", "a\nc"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n"
            "+c\n\\ No newline at end of file\n");
  EXPECT_EQ(UnifiedDiff("f", "a\nb", "a\nb\n"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
}

TEST(UnifiedDiff, NewFileComesFromDevNull) {
  EXPECT_EQ(UnifiedDiff("etc/sysctl.d/90-synlint.conf", "", "a = 1\nb = 2\n", false),
            "--- /dev/null\n+++ b/etc/sysctl.d/90-synlint.conf\n@@ -0,0 +1,2 @@\n+a = 1\n+b = 2\n");
}

TEST(UnifiedDiff, KeepsCrlfBytes) {
  EXPECT_EQ(UnifiedDiff("f", "a\r\nb\r\n", "a\r\nc\r\n"),
            "--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

}  // namespace
}  // namespace synlint
