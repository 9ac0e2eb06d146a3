// SPDX-License-Identifier: MIT
#include "core/path_ref.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <unordered_set>

#include "core/finding.h"
#include "core/source.h"

namespace synlint {
namespace {

TEST(PathRef, EqualPathsShareOneCopy) {
  const std::string built = std::string("etc/nginx/") + "nginx.conf";
  const PathRef a("etc/nginx/nginx.conf");
  const PathRef b(built);
  EXPECT_EQ(&a.str(), &b.str());
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == PathRef("etc/nginx/other.conf"));
  EXPECT_TRUE(a == "etc/nginx/nginx.conf");
  EXPECT_TRUE(a == std::string_view("etc/nginx/nginx.conf"));
  EXPECT_TRUE(a == built);
}

TEST(PathRef, EmptyByDefault) {
  const PathRef none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none, PathRef(""));
  EXPECT_EQ(none.size(), 0u);
  Location loc;
  EXPECT_TRUE(loc.file.empty());
}

TEST(PathRef, OrdersByBytesLikeTheStringsDid) {
  const PathRef a("etc/a.conf"), b("etc/b.conf"), a2("etc/a.conf.d/x");
  EXPECT_LT(a, b);
  EXPECT_LT(a, a2);
  EXPECT_GT(b, a2);
  std::map<PathRef, int> m{{b, 2}, {a, 1}, {a2, 3}};
  std::string order;
  for (const auto& [p, n] : m) order += std::to_string(n);
  EXPECT_EQ(order, "132");
}

TEST(PathRef, ConcatenatesPrintsAndHashes) {
  const PathRef p("etc/sysctl.conf");
  EXPECT_EQ(p + ":3", "etc/sysctl.conf:3");
  EXPECT_EQ(p + std::string(":4"), "etc/sysctl.conf:4");
  EXPECT_EQ(p + ':', "etc/sysctl.conf:");
  EXPECT_EQ("at " + p, "at etc/sysctl.conf");
  EXPECT_EQ(std::string("in ") + p, "in etc/sysctl.conf");
  std::ostringstream os;
  os << p;
  EXPECT_EQ(os.str(), "etc/sysctl.conf");
  EXPECT_TRUE(p.starts_with("etc/"));
  EXPECT_FALSE(p.starts_with("usr/"));
  std::unordered_set<PathRef> set{p, PathRef("etc/sysctl.conf"), PathRef("x")};
  EXPECT_EQ(set.size(), 2u);
}

TEST(PathRef, SourceFileAndLocationUseTheInternedPath) {
  const SourceFile file("etc/sysctl.d/10-a.conf", "a = 1\n");
  const Location loc = MakeLocation(file, Span{0, 1});
  EXPECT_EQ(&loc.file.str(), &PathRef("etc/sysctl.d/10-a.conf").str());
  EXPECT_EQ(loc.file, file.path);
  EXPECT_EQ(file.path_ref(), loc.file);
}

}  // namespace
}  // namespace synlint
