// SPDX-License-Identifier: MIT
// Exit codes (README "Exit codes"): 0 when no finding reaches --fail-on, 1
// when one does, 2 for usage and fatal errors; for every threshold.
#include <gtest/gtest.h>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

int ExitCode(const std::string& fixture, const std::string& args) {
  const FixtureHost host = FixtureHostNamed(fixture);
  return RunShell(SynlintCheck(host, host.tree, args)).exit_code;
}

TEST(ExitCodes, EveryThresholdOnWarningsAndInfo) {
  // The demo has warnings and info, no error.
  EXPECT_EQ(ExitCode("demo", ""), 1);  // the default threshold is info
  EXPECT_EQ(ExitCode("demo", "--fail-on error"), 0);
  EXPECT_EQ(ExitCode("demo", "--fail-on warning"), 1);
  EXPECT_EQ(ExitCode("demo", "--fail-on info"), 1);
  EXPECT_EQ(ExitCode("demo", "--fail-on never"), 0);
  // Only the info finding left: warning no longer fails.
  EXPECT_EQ(ExitCode("demo", "--select SL107 --fail-on warning"), 0);
  EXPECT_EQ(ExitCode("demo", "--select SL107 --fail-on info"), 1);
}

TEST(ExitCodes, ErrorsFailEveryThresholdButNever) {
  // file_problems has SL002 errors.
  for (const char* t : {"error", "warning", "info"})
    EXPECT_EQ(ExitCode("hosts_file_problems", std::string("--fail-on ") + t), 1) << t;
  EXPECT_EQ(ExitCode("hosts_file_problems", "--fail-on never"), 0);
}

TEST(ExitCodes, CleanHostIsZeroAtEveryThreshold) {
  for (const char* t : {"error", "warning", "info", "never"})
    EXPECT_EQ(ExitCode("hosts_listen_nginx_5_10", std::string("--fail-on ") + t), 0) << t;
}

TEST(ExitCodes, UsageAndFatalErrorsAreTwo) {
  EXPECT_EQ(ExitCode("demo", "--fail-on sometimes"), 2);
  EXPECT_EQ(ExitCode("demo", "--no-such-option"), 2);
  EXPECT_EQ(ExitCode("demo", "--format yaml"), 2);
  EXPECT_EQ(RunShell(Quote(SYNLINT_BIN) + " check --root /nonexistent/root").exit_code, 2);
  EXPECT_EQ(ExitCode("demo", "--kernel banana"), 2);
}

TEST(ExitCodes, FailedReportWriteIsTwo) {
  // /dev/full opens but every write fails (ENOSPC): the report is lost, so
  // the run must not look like a clean one.
  const FixtureHost host = FixtureHostNamed("demo");
  const auto r = RunShell(SynlintCheck(host, host.tree, "--fail-on never --output /dev/full"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--output: cannot write '/dev/full'"), std::string::npos) << r.err;
  EXPECT_EQ(ExitCode("demo", "--fail-on never --output /dev/null"), 0);
}

}  // namespace
}  // namespace synlint::testing
