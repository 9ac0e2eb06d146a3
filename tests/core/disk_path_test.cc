// SPDX-License-Identifier: MIT
#include "core/disk_path.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

namespace stdfs = std::filesystem;

TEST(Absolute, StartsFromTheCurrentDirectoryAndIsNormal) {
  const stdfs::path cwd = stdfs::current_path();
  EXPECT_EQ(Absolute("a/../b/./c"), (cwd / "b/c").lexically_normal());
  EXPECT_EQ(Absolute("/etc//nginx/../sysctl.d"), stdfs::path("/etc/sysctl.d"));
  EXPECT_EQ(Absolute("/"), stdfs::path("/"));
}

TEST(Inside, HoldsForTheDirectoryAndBelow) {
  EXPECT_TRUE(Inside("/srv/host", "/srv/host"));
  EXPECT_TRUE(Inside("/srv/host/etc/sysctl.conf", "/srv/host"));
  EXPECT_TRUE(Inside("/etc", "/"));
}

TEST(Inside, FailsOutsideTheDirectory) {
  EXPECT_FALSE(Inside("/srv", "/srv/host"));
  EXPECT_FALSE(Inside("/srv/hostname", "/srv/host"));  // a name that starts the same
  EXPECT_FALSE(Inside("/srv/other/etc", "/srv/host"));
  EXPECT_FALSE(Inside("relative/path", "/srv/host"));  // no relation between the two
}

}  // namespace
}  // namespace synlint
