// SPDX-License-Identifier: MIT
// The false-positive sweep of issue #20 over real files: Debian's nginx,
// apache2 and systemd packages, unpacked (never installed) into
// BUILD_DIR/debian-configs by tests/parsers/*/fetch_debian_configs.sh, each
// checked as a root by the real binary. No error-level finding may appear
// except the real errors listed below, each with its reason. Skipped when the
// packages were not fetched (tools/test.sh always fetches them).
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

/// "ROOT:RULE:FILE" for an error the files really have, with the reason.
const std::map<std::string, std::string>& RealErrors() {
  static const std::map<std::string, std::string> errors = {
      {"systemd:SL002:etc/sysctl.d/99-sysctl.conf",
       "systemd ships the link 99-sysctl.conf -> ../sysctl.conf; /etc/sysctl.conf comes from procps, "
       "which this unpacked root lacks, so the link dangles here as it would on a host without procps"},
  };
  return errors;
}

class RealConfigsSweep : public ::testing::TestWithParam<std::string> {};

TEST_P(RealConfigsSweep, NoErrorThatIsNotARealError) {
  const std::string root = std::string(SYNLINT_BINARY_DIR) + "/debian-configs/" + GetParam();
  if (!std::filesystem::is_directory(root)) GTEST_SKIP() << root << " is absent (fetch_debian_configs.sh)";
  for (const char* kernel : {"6.1", "6.12"}) {
    const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " check --root " + Quote(root) + " --kernel " +
                                     kernel + " --format json");
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << Describe(r);
    const YAML::Node report = YAML::Load(r.out);
    ASSERT_TRUE(report["findings"].IsSequence()) << r.out;
    std::set<std::string> seen;
    for (const YAML::Node& f : report["findings"]) {
      if (f["severity"].as<std::string>() != "error") continue;
      const std::string key =
          GetParam() + ":" + f["rule"].as<std::string>() + ":" + f["file"].as<std::string>("");
      seen.insert(key);
      EXPECT_TRUE(RealErrors().count(key))
          << "kernel " << kernel << ": error-level finding on a real file: " << key << ": "
          << f["message"].as<std::string>();
    }
    // A listed real error that no longer appears is stale: the list must stay exact.
    for (const auto& [key, reason] : RealErrors()) {
      if (key.rfind(GetParam() + ":", 0) == 0) {
        EXPECT_TRUE(seen.count(key)) << "kernel " << kernel << ": listed real error not reported: " << key;
      }
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Debian, RealConfigsSweep, ::testing::Values("nginx", "apache2", "systemd"));

}  // namespace
}  // namespace synlint::testing
