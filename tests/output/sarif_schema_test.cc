// SPDX-License-Identifier: MIT
// Checks SARIF output with a real validator: the official SARIF 2.1.0 JSON
// schema and Ajv, run by validate_sarif.js. They are installed by
// tools/install_sarif_validator.sh (not committed); without them this test
// fails and says so.

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "linter/output/formatter.h"
#include "tests/output/sample_report.h"
#include "tests/output/validators.h"

namespace synlint {
namespace {

namespace fs = std::filesystem;

// Runs the validator on `file`; returns its exit status, output in `log`.
int Validate(const std::string& dir, const std::string& file, std::string* log) {
  const std::string script = std::string(SYNLINT_SOURCE_DIR) + "/tests/output/validate_sarif.js";
  return RunValidator("node " + ShellQuote(script) + " " + ShellQuote(dir) + " " + ShellQuote(file), log);
}

class SarifSchema : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = ValidatorDir();
    ASSERT_FALSE(dir_.empty())
        << "the SARIF validator is not installed; run "
           "tools/install_sarif_validator.sh (it installs the SARIF 2.1.0 "
           "schema and Ajv from npm into build/tools/node)";
  }
  void ExpectValid(const std::string& file) {
    std::string log;
    EXPECT_EQ(Validate(dir_, file, &log), 0) << log;
  }
  std::string dir_;
};

TEST_F(SarifSchema, GoldenFileIsValid) {
  ExpectValid(std::string(SYNLINT_SOURCE_DIR) + "/tests/output/golden/sarif.sarif");
}

TEST_F(SarifSchema, EscapedOutputIsValid) {
  auto s = MakeNastyReport();
  const std::string file = testing::TempDir() + "/synlint_nasty.sarif";
  {
    std::ofstream out(file, std::ios::binary);
    MakeFormatter("sarif")->Write(s->report, out);
  }
  ExpectValid(file);
}

TEST_F(SarifSchema, EmptyReportIsValid) {
  Report r;
  const std::string file = testing::TempDir() + "/synlint_empty.sarif";
  {
    std::ofstream out(file, std::ios::binary);
    MakeFormatter("sarif")->Write(r, out);
  }
  ExpectValid(file);
}

TEST_F(SarifSchema, ValidatorRejectsInvalidLogs) {
  const std::string file = testing::TempDir() + "/synlint_bad.sarif";
  std::ofstream(file) << R"({"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},)"
                      << R"("results":[{"level":"fatal","message":{"text":"m"}}]}]})";
  std::string log;
  EXPECT_EQ(Validate(dir_, file, &log), 1) << log;
  EXPECT_NE(log.find("/runs/0/results/0/level"), std::string::npos) << log;
}

}  // namespace
}  // namespace synlint
