// SPDX-License-Identifier: MIT
// The CI formats checked against their consumers' published schemas
// (tests/output/schemas/README.md says where each comes from): rdjson with
// reviewdog's, gitlab with GitLab's documented fields, json-lines with
// synlint's own finding schema (all with Ajv, validate_json_schema.js), and
// checkstyle with checkstyle's XSD (xmllint). Each validator is also shown
// to reject a broken document, so a test here can fail.

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "linter/output/formatter.h"
#include "tests/output/sample_report.h"
#include "tests/output/validators.h"

namespace synlint {
namespace {

struct Check {
  std::string format;
  std::string schema;  // under tests/output/schemas/
  std::string flags;   // for validate_json_schema.js
};

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string file = testing::TempDir() + "/" + name;
  std::ofstream(file, std::ios::binary) << text;
  return file;
}

std::string Render(const std::string& format, const Report& r) {
  std::ostringstream out;
  MakeFormatter(format)->Write(r, out);
  return out.str();
}

class FormatSchema : public testing::TestWithParam<Check> {
 protected:
  /// Exit status of the format's validator on `text`; its output in `log`.
  int Validate(const std::string& text, std::string* log) {
    const Check& c = GetParam();
    std::string name = "synlint_" + c.format + ".out";
    const std::string file = WriteTemp(name, text);
    if (c.schema.ends_with(".xsd"))  // xmllint: Debian's libxml2-utils
      return RunValidator("xmllint --noout --schema " + ShellQuote(SchemaPath(c.schema)) + " " + ShellQuote(file),
                          log);
    const std::string dir = ValidatorDir();
    if (dir.empty()) {
      *log = "the JSON schema validator is not installed; run tools/install_sarif_validator.sh";
      return -1;
    }
    const std::string script = std::string(SYNLINT_SOURCE_DIR) + "/tests/output/validate_json_schema.js";
    return RunValidator("node " + ShellQuote(script) + " " + ShellQuote(dir) + " " +
                            ShellQuote(SchemaPath(c.schema)) + " " + ShellQuote(file) + " " + c.flags,
                        log);
  }
  void ExpectValid(const Report& r) {
    std::string log;
    EXPECT_EQ(Validate(Render(GetParam().format, r), &log), 0) << log;
  }
};

TEST_P(FormatSchema, SampleReportIsValid) { ExpectValid(MakeSampleReport()->report); }

TEST_P(FormatSchema, HostileTextIsValid) { ExpectValid(MakeNastyReport()->report); }

TEST_P(FormatSchema, EmptyReportIsValid) { ExpectValid(Report{}); }

TEST_P(FormatSchema, ValidatorRejectsABrokenDocument) {
  // The sample's output with one required piece broken the way each
  // consumer would reject it.
  std::string text = Render(GetParam().format, MakeSampleReport()->report);
  auto replace = [&text](const std::string& from, const std::string& to) {
    const size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
  };
  const std::string& format = GetParam().format;
  if (format == "checkstyle") replace("severity=\"warning\"", "severity=\"fatal\"");
  if (format == "gitlab") replace("\"severity\": \"major\"", "\"severity\": \"warning\"");
  if (format == "rdjson") replace("\"severity\": \"WARNING\"", "\"severity\": \"SEVERE\"");
  if (format == "json-lines") replace("\"severity\":\"warning\"", "\"severity\":\"bad\"");
  std::string log;
  // validate_json_schema.js exits 1 on an invalid document, xmllint 3.
  EXPECT_EQ(Validate(text, &log), format == "checkstyle" ? 3 : 1) << log;
}

INSTANTIATE_TEST_SUITE_P(
    Formats, FormatSchema,
    testing::Values(Check{"checkstyle", "checkstyle-report-1.0.0.xsd", ""},
                    Check{"gitlab", "gitlab-codequality.json", "--unique-fingerprints"},
                    Check{"rdjson", "rdjson-DiagnosticResult.json", ""},
                    Check{"json-lines", "synlint-finding.json", "--lines"}),
    [](const testing::TestParamInfo<Check>& info) {
      std::string name = info.param.format;
      for (char& c : name) c = c == '-' ? '_' : c;
      return name;
    });

TEST(FormatSchema, GitlabFingerprintsMustDiffer) {
  const std::string dir = ValidatorDir();
  ASSERT_FALSE(dir.empty()) << "run tools/install_sarif_validator.sh";
  const std::string issue =
      R"({"description":"d","check_name":"SL1","fingerprint":"f","severity":"info","location":{"path":"a","lines":{"begin":1}}})";
  const std::string file = WriteTemp("synlint_dup.json", "[" + issue + "," + issue + "]");
  const std::string script = std::string(SYNLINT_SOURCE_DIR) + "/tests/output/validate_json_schema.js";
  std::string log;
  EXPECT_EQ(RunValidator("node " + ShellQuote(script) + " " + ShellQuote(dir) + " " +
                             ShellQuote(SchemaPath("gitlab-codequality.json")) + " " + ShellQuote(file) +
                             " --unique-fingerprints",
                         &log),
            1)
      << log;
  EXPECT_NE(log.find("repeats"), std::string::npos) << log;
}

}  // namespace
}  // namespace synlint
