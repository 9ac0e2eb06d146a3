// SPDX-License-Identifier: MIT
#include "linter/diff.h"

#include <gtest/gtest.h>

#include <random>
#include <sstream>

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

/// Applies a unified diff made by UnifiedDiff (one file, no "\ No newline"
/// lines) to `old_text`, checking every context and deleted line.
std::string Patch(const std::string& old_text, const std::string& diff) {
  std::vector<std::string> old_lines, out;
  std::istringstream in(old_text), d(diff);
  for (std::string l; std::getline(in, l);) old_lines.push_back(l);
  size_t at = 0;  // next old line to copy
  std::string l;
  std::getline(d, l);  // ---
  std::getline(d, l);  // +++
  while (std::getline(d, l)) {
    if (l.rfind("@@ -", 0) == 0) {
      const size_t start = std::stoul(l.substr(4));
      const size_t first = start == 0 ? 0 : start - 1;
      while (at < first) out.push_back(old_lines.at(at++));
      continue;
    }
    const std::string body = l.substr(1);
    if (l[0] == '+') {
      out.push_back(body);
    } else {
      EXPECT_EQ(old_lines.at(at), body) << "line " << at + 1;
      if (l[0] == ' ') out.push_back(body);
      ++at;
    }
  }
  while (at < old_lines.size()) out.push_back(old_lines[at++]);
  std::string text;
  for (const std::string& o : out) text += o + "\n";
  return text;
}

TEST(UnifiedDiff, ManyChangesInABigFileStayCorrectAndSmall) {
  // 200k lines, 40% of them deleted or changed, many lines repeated: far
  // beyond the edit distance Myers is run to, so the diff is split at lines
  // unique on both sides. It must still turn the old text into the new one.
  std::mt19937 rng(3);
  std::string old_text, new_text;
  size_t changed = 0;
  for (int i = 0; i < 200000; ++i) {
    const std::string line = rng() % 3 == 0 ? "net.core.somaxconn = " + std::to_string(rng() % 50)
                                             : "key" + std::to_string(i) + " = 1";
    old_text += line + "\n";
    const unsigned r = rng() % 10;
    if (r < 2) {
      ++changed;  // deleted
    } else if (r < 4) {
      new_text += line + " # changed\n";
      ++changed;
    } else {
      new_text += line + "\n";
    }
  }
  ASSERT_GT(changed, 2000u * 2);
  const std::string d = UnifiedDiff("f", old_text, new_text);
  EXPECT_EQ(Patch(old_text, d), new_text);
  // Not one delete-everything hunk: unchanged stretches stay out of it.
  EXPECT_LT(d.size(), old_text.size() + new_text.size());
  // Small diffs are unchanged by this: still the shortest edit script.
  std::string small = old_text;
  small.replace(0, small.find('\n'), "first");
  EXPECT_EQ(UnifiedDiff("f", old_text, small).substr(0, 31), "--- a/f\n+++ b/f\n@@ -1,4 +1,4 @@");
}

TEST(DiffHeaderName, PlainNamesAsTheyAre) {
  EXPECT_EQ(DiffHeaderName("a/", "etc/sysctl.d/60-net.conf"), "a/etc/sysctl.d/60-net.conf");
}

TEST(DiffHeaderName, QuotedAsGitQuotesThem) {
  // A newline in a name must not end the header and start a line of its own.
  EXPECT_EQ(DiffHeaderName("a/", "etc/x\n+++ b/etc/passwd"), "\"a/etc/x\\n+++ b/etc/passwd\"");
  EXPECT_EQ(DiffHeaderName("b/", "etc/q\"uote\\d"), "\"b/etc/q\\\"uote\\\\d\"");
  EXPECT_EQ(DiffHeaderName("a/", "etc/t\tab\r\x01\x7f"), "\"a/etc/t\\tab\\r\\001\\177\"");
  EXPECT_EQ(DiffHeaderName("a/", "etc/caf\xc3\xa9"), "\"a/etc/caf\\303\\251\"");  // git's core.quotePath
}

TEST(DiffHeaderName, SpaceEndsWithATabAsGitWritesIt) {
  EXPECT_EQ(DiffHeaderName("a/", "etc/my file.conf"), "a/etc/my file.conf\t");
}

TEST(UnifiedDiff, HeadersQuoteNamesThatNeedIt) {
  EXPECT_EQ(UnifiedDiff("etc/a\nb", "x\n", "y\n"),
            "--- \"a/etc/a\\nb\"\n+++ \"b/etc/a\\nb\"\n@@ -1 +1 @@\n-x\n+y\n");
}

}  // namespace
}  // namespace synlint
