// SPDX-License-Identifier: MIT
#include "linter/suppress/path_glob.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

TEST(PathGlob, DoubleStarSpansDirectories) {
  EXPECT_TRUE(PathGlobMatch("hosts/legacy/**", "hosts/legacy/etc/sysctl.conf"));
  EXPECT_TRUE(PathGlobMatch("hosts/legacy/**", "hosts/legacy/a"));
  EXPECT_FALSE(PathGlobMatch("hosts/legacy/**", "hosts/legacy2/a"));
  EXPECT_TRUE(PathGlobMatch("**/sysctl.d/*.conf", "etc/sysctl.d/10-a.conf"));
  EXPECT_TRUE(PathGlobMatch("**/sysctl.d/*.conf", "sysctl.d/10-a.conf"));
  EXPECT_TRUE(PathGlobMatch("roles/**/files/*.conf", "roles/edge/x/files/a.conf"));
  EXPECT_TRUE(PathGlobMatch("roles/**/files/*.conf", "roles/files/a.conf"));
}

TEST(PathGlob, SingleStarStaysInAComponent) {
  EXPECT_TRUE(PathGlobMatch("hosts/*/etc/sysctl.conf", "hosts/web/etc/sysctl.conf"));
  EXPECT_FALSE(PathGlobMatch("hosts/*/sysctl.conf", "hosts/web/etc/sysctl.conf"));
  EXPECT_TRUE(PathGlobMatch("./hosts/w?b/[a-z]tc/*", "hosts/web/etc/x"));
}

TEST(PathGlob, PatternWithoutSlashMatchesTheName) {
  EXPECT_TRUE(PathGlobMatch("*.j2", "roles/edge/templates/nginx.conf.j2"));
  EXPECT_FALSE(PathGlobMatch("*.j2", "roles/edge/templates/nginx.conf"));
  EXPECT_FALSE(AnchoredPathGlobMatch("*.j2", "roles/nginx.conf.j2"));
  EXPECT_TRUE(AnchoredPathGlobMatch("*.j2", "nginx.conf.j2"));
}

}  // namespace
}  // namespace synlint
