// SPDX-License-Identifier: MIT
// Every format printed for the sample report and compared byte for byte with
// tests/output/golden/. UPDATE_GOLDEN=1 rewrites the golden files instead,
// so changes show up in review as a diff.

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "linter/output/formatter.h"
#include "tests/output/json_check.h"
#include "tests/output/sample_report.h"

namespace synlint {
namespace {

std::string GoldenPath(const std::string& name) {
  return std::string(SYNLINT_SOURCE_DIR) + "/tests/output/golden/" + name;
}

std::string Render(std::string_view format, const Report& r) {
  std::ostringstream out;
  MakeFormatter(format)->Write(r, out);
  return out.str();
}

// Compares `actual` with the golden file, or rewrites it.
void ExpectGolden(const std::string& name, const std::string& actual) {
  const std::string path = GoldenPath(name);
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path
                  << "; run the test with UPDATE_GOLDEN=1";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << "output differs from " << path
                                    << "; UPDATE_GOLDEN=1 rewrites it";
}

struct Case {
  std::string format;
  bool color;
  std::string golden;
};

class Golden : public testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesFile) {
  auto sample = MakeSampleReport();
  sample->report.color = GetParam().color;
  const std::string out = Render(GetParam().format, sample->report);
  ExpectGolden(GetParam().golden, out);
  if (GetParam().format == "json" || GetParam().format == "sarif" || GetParam().format == "gitlab" ||
      GetParam().format == "rdjson") {
    EXPECT_EQ(CheckJson(out), "");
  }
}

INSTANTIATE_TEST_SUITE_P(
    Formats, Golden,
    testing::Values(Case{"text", false, "text.txt"},
                    Case{"text", true, "text_color.txt"},
                    Case{"json", false, "json.json"},
                    Case{"sarif", false, "sarif.sarif"},
                    Case{"github", false, "github.txt"},
                    Case{"gcc", false, "gcc.txt"},
                    Case{"junit", false, "junit.xml"},
                    Case{"json-lines", false, "json-lines.jsonl"},
                    Case{"checkstyle", false, "checkstyle.xml"},
                    Case{"gitlab", false, "gitlab.json"},
                    Case{"rdjson", false, "rdjson.json"},
                    Case{"junit", true, "junit.xml"}),
    [](const testing::TestParamInfo<Case>& info) {
      std::string name = info.param.format + (info.param.color ? "_color" : "");
      for (char& c : name) c = c == '-' ? '_' : c;  // test names are identifiers
      return name;
    });

TEST(Golden, OnlyTextUsesColor) {
  auto sample = MakeSampleReport();
  for (std::string_view name : FormatterNames()) {
    sample->report.color = true;
    const std::string colored = Render(name, sample->report);
    sample->report.color = false;
    const std::string plain = Render(name, sample->report);
    EXPECT_EQ(plain.find('\x1b'), std::string::npos) << name;
    if (name == "text") {
      EXPECT_NE(colored, plain);
    } else {
      EXPECT_EQ(colored, plain) << name;
    }
  }
}

}  // namespace
}  // namespace synlint
