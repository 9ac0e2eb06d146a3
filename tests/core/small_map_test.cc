// SPDX-License-Identifier: MIT
#include "core/small_map.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace synlint {
namespace {

TEST(SmallMap, InsertsFindsAndIteratesInKeyOrder) {
  SmallMap<std::string> m;
  EXPECT_TRUE(m.empty());
  m["b"] = "2";
  m["a"] = "1";
  m["c"] = "3";
  m["b"] = "two";  // replaces
  EXPECT_EQ(m.size(), 3u);
  std::string order;
  for (const auto& [k, v] : m) order += k + "=" + v + ";";
  EXPECT_EQ(order, "a=1;b=two;c=3;");
  EXPECT_EQ(m.count("a"), 1u);
  EXPECT_EQ(m.count("z"), 0u);
  EXPECT_TRUE(m.find("z") == m.end());
  EXPECT_EQ(m.find("c")->second, "3");
  EXPECT_EQ(m.at("b"), "two");
  EXPECT_THROW((void)m.at("z"), std::out_of_range);
}

TEST(SmallMap, EmplaceKeepsTheFirstAndEraseRemoves) {
  SmallMap<int> m;
  EXPECT_TRUE(m.emplace("x", 1).second);
  const auto [it, inserted] = m.emplace("x", 2);
  EXPECT_FALSE(inserted);
  EXPECT_EQ(it->second, 1);
  EXPECT_EQ(m.erase("x"), 1u);
  EXPECT_EQ(m.erase("x"), 0u);
  EXPECT_TRUE(m.empty());
  EXPECT_EQ(m["new"], 0) << "value-initialised";
}

TEST(SmallMap, ConstLookupsAndEquality) {
  SmallMap<int> a, b;
  a["k"] = 1;
  b["k"] = 1;
  const SmallMap<int>& c = a;
  EXPECT_EQ(c.at("k"), 1);
  EXPECT_TRUE(c.contains("k"));
  EXPECT_TRUE(a == b);
  b["l"] = 2;
  EXPECT_FALSE(a == b);
}

}  // namespace
}  // namespace synlint
