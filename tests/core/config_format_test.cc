// SPDX-License-Identifier: MIT
#include "core/config_format.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace synlint {
namespace {

TEST(ConfigFormat, EveryFormatRoundTripsItsName) {
  for (const ConfigFormatTraits& t : AllConfigFormats()) {
    EXPECT_EQ(&Traits(t.format), &t) << t.name;
    EXPECT_EQ(FormatName(t.format), t.name);
    EXPECT_EQ(ParseConfigFormat(t.name), t.format) << t.name;
  }
}

TEST(ConfigFormat, ListsTheNamesUsersGiveInOrder) {
  std::string names;
  for (const std::string& name : UserFormatNames()) names += name + ",";
  EXPECT_EQ(names, "sysctl,nginx,apache,systemd,shell,");
  // Apache's envvars is read only as part of an Apache configuration, yet printed by `show`.
  EXPECT_FALSE(Traits(ConfigFormat::kApacheEnvvars).named_by_users);
  EXPECT_EQ(ParseConfigFormat("apache-envvars"), ConfigFormat::kApacheEnvvars);
}

TEST(ConfigFormat, NamesAndServiceKindsAreUnique) {
  std::set<std::string_view> names, kinds;
  for (const ConfigFormatTraits& t : AllConfigFormats()) {
    EXPECT_TRUE(names.insert(t.name).second) << t.name;
    if (!t.service_kind.empty()) {
      EXPECT_TRUE(kinds.insert(t.service_kind).second) << t.service_kind;
    }
  }
}

TEST(ConfigFormat, RejectsUnknownNames) {
  for (std::string_view name : {"", "Nginx", "NGINX", "apache2", "httpd", "systemd-socket", "sysctl.d",
                                " nginx", "nginx ", "crossplane"}) {
    EXPECT_EQ(ParseConfigFormat(name), std::nullopt) << "'" << name << "'";
  }
}

TEST(ConfigFormat, OnlyServersHaveAServiceKindAndABacklog) {
  for (const ConfigFormatTraits& t : AllConfigFormats()) {
    const bool server = t.format == ConfigFormat::kNginx || t.format == ConfigFormat::kApache ||
                        t.format == ConfigFormat::kSystemd;
    EXPECT_EQ(!t.service_kind.empty(), server) << t.name;
    EXPECT_EQ(!t.backlog_prefix.empty(), server) << t.name;
  }
  EXPECT_EQ(Traits(ConfigFormat::kSystemd).service_kind, "systemd-socket");
}

TEST(ConfigFormat, SpellsEachBacklogSetting) {
  EXPECT_EQ(BacklogSetting(ConfigFormat::kNginx, 511), "backlog=511");
  EXPECT_EQ(BacklogSetting(ConfigFormat::kApache, 511), "ListenBacklog 511");
  EXPECT_EQ(BacklogSetting(ConfigFormat::kSystemd, 4096), "Backlog=4096");
  EXPECT_EQ(BacklogName(ConfigFormat::kNginx), "backlog=");
  EXPECT_EQ(BacklogName(ConfigFormat::kApache), "ListenBacklog");
  EXPECT_EQ(BacklogName(ConfigFormat::kSystemd), "Backlog=");
}

TEST(ConfigFormat, CommentSyntax) {
  // ';' starts a comment line in sysctl.d and unit files only; only nginx has trailing suppressions.
  EXPECT_TRUE(Traits(ConfigFormat::kSysctl).semicolon_comments);
  EXPECT_TRUE(Traits(ConfigFormat::kSystemd).semicolon_comments);
  EXPECT_FALSE(Traits(ConfigFormat::kNginx).semicolon_comments);
  EXPECT_FALSE(Traits(ConfigFormat::kApache).semicolon_comments);
  for (const ConfigFormatTraits& t : AllConfigFormats()) {
    EXPECT_EQ(t.trailing_suppressions, t.format == ConfigFormat::kNginx) << t.name;
  }
  // A '# synlint:' after a value is reported where '#' there is text, not in nginx or shell.
  EXPECT_TRUE(Traits(ConfigFormat::kSysctl).hash_in_values);
  EXPECT_TRUE(Traits(ConfigFormat::kApache).hash_in_values);
  EXPECT_TRUE(Traits(ConfigFormat::kSystemd).hash_in_values);
  EXPECT_FALSE(Traits(ConfigFormat::kNginx).hash_in_values);
  EXPECT_FALSE(Traits(ConfigFormat::kApacheEnvvars).hash_in_values);
}

}  // namespace
}  // namespace synlint
