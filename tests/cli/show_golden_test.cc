// SPDX-License-Identifier: MIT
// `synlint show` on every fixture host must print exactly NAME.show beside
// the tree: effective sysctls with their origin, the files read, and each
// listener's requested backlog, effective accept queue, SYN queue and the
// bound that wins. UPDATE_GOLDEN=1 rewrites the files (review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

class ShowGolden : public ::testing::TestWithParam<FixtureHost> {};

TEST_P(ShowGolden, MatchesTheExpectedModel) {
  const FixtureHost& host = GetParam();
  ASSERT_EQ(host.problem, "");
  const fs::path tree(host.tree);
  // Run from the tree's directory so the output names the root relatively.
  std::string cmd = Quote(SYNLINT_BIN) + " show --root " + Quote(tree.filename().string());
  for (const std::string& f : host.flags) cmd += " " + Quote(f);
  const CommandResult r = RunShell(cmd, tree.parent_path().string());
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  const std::string golden = host.tree + ".show";
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    ASSERT_TRUE(WriteFile(golden, r.out));
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; create it with UPDATE_GOLDEN=1 and review it";
  EXPECT_EQ(r.out, ReadFile(golden)) << "synlint show differs from " << golden;
}

// The JSON model names each file's package and each version's source; the
// text one is checked by the golden above (package_owned_sysctl.show).
TEST(ShowJson, NamesEachFilesPackageAndEachVersionsSource) {
  const std::string hosts = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/hosts";
  const CommandResult r =
      RunShell(Quote(SYNLINT_BIN) + " show --root package_owned_sysctl --kernel 6.1 --format json", hosts);
  ASSERT_EQ(r.exit_code, 0) << Describe(r);
  // Compact the pretty-printed JSON: no newline and indentation, no space after a key's ':'.
  std::string json;
  for (size_t i = 0; i < r.out.size(); ++i) {
    if (r.out[i] == '\n') {
      while (i + 1 < r.out.size() && r.out[i + 1] == ' ') ++i;
    } else if (r.out.compare(i, 3, "\": ") == 0) {
      json += "\":";
      i += 2;
    } else {
      json += r.out[i];
    }
  }
  for (const std::string want :
       {"\"systemd_version\":252,\"systemd_version_origin\":\"var/lib/dpkg/status, systemd 252.38-1~deb12u1\"",
        "\"nginx_version\":null,\"nginx_version_origin\":null", "\"package_manager\":\"dpkg\"",
        "{\"path\":\"etc/sysctl.d/30-ceph-osd.conf\",\"format\":\"sysctl\",\"package\":{\"name\":\"ceph-osd\","
        "\"conffile\":true,\"changed_locally\":false,\"editable\":false}}",
        "{\"path\":\"etc/sysctl.conf\",\"format\":\"sysctl\",\"package\":{\"name\":\"procps\",\"conffile\":true,"
        "\"changed_locally\":true,\"editable\":true}}",
        "{\"path\":\"etc/sysctl.d/20-admin.conf\",\"format\":\"sysctl\",\"package\":null}"}) {
    EXPECT_NE(json.find(want), std::string::npos) << want << "\nnot in\n" << json;
  }
}

// Plain --diff (safe fixes) on real Debian package files: only the
// administrator's changed conffile is edited; before issue #20 the diff also
// deleted lines in ceph-osd's, lxd's and the admin's file that lxc's overrides.
TEST(CheckDiff, LeavesPackageFilesAlone) {
  const std::string hosts = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/hosts";
  const CommandResult r =
      RunShell(Quote(SYNLINT_BIN) + " check --root package_owned_sysctl --kernel 6.1 --diff", hosts);
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("--- a/etc/sysctl.conf\n"), std::string::npos) << r.out;
  for (const std::string file : {"30-ceph-osd.conf", "10-lxd-inotify.conf", "30-lxc-inotify.conf", "20-admin.conf",
                                 "50-pid-max.conf"})
    EXPECT_EQ(r.out.find(file), std::string::npos) << file << " edited:\n" << r.out;
}

INSTANTIATE_TEST_SUITE_P(Hosts, ShowGolden, ::testing::ValuesIn(FindFixtureHosts()),
                         [](const ::testing::TestParamInfo<FixtureHost>& info) { return info.param.name; });

}  // namespace
}  // namespace synlint::testing
