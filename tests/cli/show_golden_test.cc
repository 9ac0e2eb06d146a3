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

INSTANTIATE_TEST_SUITE_P(Hosts, ShowGolden, ::testing::ValuesIn(FindFixtureHosts()),
                         [](const ::testing::TestParamInfo<FixtureHost>& info) { return info.param.name; });

}  // namespace
}  // namespace synlint::testing
