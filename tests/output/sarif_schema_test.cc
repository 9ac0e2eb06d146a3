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

namespace synlint {
namespace {

namespace fs = std::filesystem;

// Where install_sarif_validator.sh put the validator, or "".
std::string ValidatorDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SYNLINT_SARIF_VALIDATOR_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(SYNLINT_SOURCE_DIR) + "/build/tools/node");
  candidates.push_back(std::string(SYNLINT_BINARY_DIR) + "/tools/node");
  for (const std::string& dir : candidates) {
    if (fs::exists(dir + "/sarif-schema-2.1.0.json") &&
        fs::exists(dir + "/node_modules/ajv-draft-04"))
      return dir;
  }
  return "";
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

// Runs the validator on `file`; returns its exit status, output in `log`.
int Validate(const std::string& dir, const std::string& file, std::string* log) {
  const std::string script = std::string(SYNLINT_SOURCE_DIR) + "/tests/output/validate_sarif.js";
  const std::string cmd = "node " + Quote(script) + " " + Quote(dir) + " " + Quote(file) + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) log->append(buf, n);
  const int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
