// SPDX-License-Identifier: MIT
#include "linter/edits.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace synlint {
namespace {

TEST(ApplyEdits, ReplacesInsertsAndDeletesKeepingOtherBytes) {
  const std::string text = "a = 1\r\nb = 2\r\n";
  std::vector<TextEdit> edits = {
      {"f", {11, 12}, "3"},   // b's value
      {"f", {0, 0}, "# x\r\n"},
      {"f", {4, 5}, ""},
  };
  EXPECT_EQ(ApplyEdits(text, edits), "# x\r\na = \r\nb = 3\r\n");
}

TEST(MergeFixes, SkipsAFixThatOverlapsAnAcceptedOne) {
  Fix first{"one", Applicability::kSafe, {{"f", {0, 5}, "x"}}};
  Fix second{"two", Applicability::kSafe, {{"f", {3, 8}, "y"}, {"g", {0, 0}, "z"}}};
  Fix third{"three", Applicability::kSafe, {{"f", {5, 6}, "w"}}};
  const MergedEdits m = MergeFixes({&first, &second, &third});
  EXPECT_EQ(m.applied, (std::vector<size_t>{0, 2}));
  EXPECT_EQ(m.skipped, (std::vector<size_t>{1}));
  EXPECT_EQ(m.by_file.count("g") ? m.by_file.at("g").size() : 0u, 0u);
}

TEST(MergeFixes, KeepsIdenticalEditsOnce) {
  Fix a{"a", Applicability::kSafe, {{"f", {2, 4}, "zz"}}};
  Fix b{"b", Applicability::kSafe, {{"f", {2, 4}, "zz"}}};
  const MergedEdits m = MergeFixes({&a, &b});
  EXPECT_EQ(m.applied.size(), 2u);
  EXPECT_EQ(m.by_file.at("f").size(), 1u);
}

/// MergeFixes as first written: every edit against every accepted one.
MergedEdits QuadraticMerge(const std::vector<const Fix*>& fixes) {
  MergedEdits out;
  for (size_t i = 0; i < fixes.size(); ++i) {
    bool ok = true;
    for (const TextEdit& e : fixes[i]->edits) {
      auto it = out.by_file.find(e.file);
      if (it == out.by_file.end()) continue;
      for (const TextEdit& have : it->second) ok = ok && !EditsConflict(e, have);
    }
    if (!ok) {
      out.skipped.push_back(i);
      continue;
    }
    for (const TextEdit& e : fixes[i]->edits) {
      auto& list = out.by_file[e.file];
      if (std::find(list.begin(), list.end(), e) == list.end()) list.push_back(e);
    }
    out.applied.push_back(i);
  }
  for (auto& [file, list] : out.by_file) {
    std::stable_sort(list.begin(), list.end(),
                     [](const TextEdit& a, const TextEdit& b) { return a.span.begin < b.span.begin; });
  }
  return out;
}

TEST(MergeFixes, SameAsCheckingEveryPairOnRandomFixes) {
  // Short spans, insertions and duplicates on a few small files, so that
  // overlaps, shared ends, insertions at span edges and identical edits are
  // all common.
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::vector<Fix> fixes(1 + rng() % 12);
    for (Fix& f : fixes) {
      const size_t n = 1 + rng() % 3;
      for (size_t k = 0; k < n; ++k) {
        const uint32_t begin = rng() % 20;
        const uint32_t len = rng() % 3 == 0 ? 0 : rng() % 5;
        f.edits.push_back({rng() % 4 == 0 ? "g" : "f", {begin, begin + len},
                           std::string(1, static_cast<char>('a' + rng() % 2))});
      }
    }
    std::vector<const Fix*> ptrs;
    for (const Fix& f : fixes) ptrs.push_back(&f);
    const MergedEdits want = QuadraticMerge(ptrs), got = MergeFixes(ptrs);
    ASSERT_EQ(got.applied, want.applied) << "round " << round;
    ASSERT_EQ(got.skipped, want.skipped) << "round " << round;
    ASSERT_EQ(got.by_file, want.by_file) << "round " << round;
  }
}

TEST(EditsConflict, InsertionsAtTheSamePointConflict) {
  EXPECT_TRUE(EditsConflict({"f", {3, 3}, "a"}, {"f", {3, 3}, "b"}));
  EXPECT_FALSE(EditsConflict({"f", {3, 3}, "a"}, {"f", {3, 5}, "b"}));
  EXPECT_TRUE(EditsConflict({"f", {4, 4}, "a"}, {"f", {3, 5}, "b"}));
  EXPECT_FALSE(EditsConflict({"f", {3, 5}, "a"}, {"g", {3, 5}, "b"}));
}

}  // namespace
}  // namespace synlint
