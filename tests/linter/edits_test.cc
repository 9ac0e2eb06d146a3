#include "linter/edits.h"

#include <gtest/gtest.h>

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

TEST(EditsConflict, InsertionsAtTheSamePointConflict) {
  EXPECT_TRUE(EditsConflict({"f", {3, 3}, "a"}, {"f", {3, 3}, "b"}));
  EXPECT_FALSE(EditsConflict({"f", {3, 3}, "a"}, {"f", {3, 5}, "b"}));
  EXPECT_TRUE(EditsConflict({"f", {4, 4}, "a"}, {"f", {3, 5}, "b"}));
  EXPECT_FALSE(EditsConflict({"f", {3, 5}, "a"}, {"g", {3, 5}, "b"}));
}

}  // namespace
}  // namespace synlint
