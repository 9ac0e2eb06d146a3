// SPDX-License-Identifier: MIT
// `synlint tune` end to end on the hosts under fixtures/tune/: each CASE.args
// names a host directory (first line) and the arguments (second line); the
// text output must equal CASE.expected (UPDATE_GOLDEN=1 rewrites it).
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "tests/output/json_check.h"

namespace synlint::cli {
void AddTune(CLI::App& app, int* exit_code);
}  // namespace synlint::cli

namespace synlint {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(SYNLINT_SOURCE_DIR) / "fixtures" / "tune";

struct CliResult {
  int rc = 0;
  std::string out;
  std::string err;
};

// Runs `synlint tune ARGS` in process, capturing stdout and stderr.
CliResult RunTune(std::vector<std::string> args) {
  CLI::App app{"synlint"};
  app.require_subcommand(1, 1);
  CliResult r;
  cli::AddTune(app, &r.rc);
  args.insert(args.begin(), "tune");
  std::reverse(args.begin(), args.end());
  std::ostringstream out, err;
  std::streambuf* old_out = std::cout.rdbuf(out.rdbuf());
  std::streambuf* old_err = std::cerr.rdbuf(err.rdbuf());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    r.rc = e.get_exit_code() == 0 ? 0 : 2;
    err << e.what();
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Case {
  std::string name;
  std::string host;               // directory under fixtures/tune
  std::vector<std::string> args;  // without --root
};

std::vector<Case> Cases() {
  std::vector<Case> out;
  for (const auto& entry : fs::directory_iterator(kFixtures)) {
    if (entry.path().extension() != ".args") continue;
    std::istringstream in(ReadAll(entry.path()));
    Case c;
    c.name = entry.path().stem().string();
    std::string line;
    std::getline(in, c.host);
    std::getline(in, line);
    std::istringstream words(line);
    for (std::string w; words >> w;) c.args.push_back(w);
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.name < b.name; });
  return out;
}

std::vector<std::string> With(const std::vector<std::string>& args, const fs::path& root,
                              const std::vector<std::string>& more = {}) {
  std::vector<std::string> out = {"--root", root.string()};
  out.insert(out.end(), args.begin(), args.end());
  out.insert(out.end(), more.begin(), more.end());
  return out;
}

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class TuneGolden : public ::testing::TestWithParam<Case> {};

// Compares `actual` with the golden file, or rewrites it under UPDATE_GOLDEN=1.
void ExpectGolden(const fs::path& golden, const std::string& actual) {
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, ReadAll(golden)) << "differs from " << golden << " (UPDATE_GOLDEN=1 rewrites it)";
}

TEST_P(TuneGolden, TextOutputMatchesTheGoldenFile) {
  const Case& c = GetParam();
  const CliResult r = RunTune(With(c.args, kFixtures / c.host));
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(r.err, "");
  ExpectGolden(kFixtures / (c.name + ".expected"), r.out);
}

TEST_P(TuneGolden, JsonOutputMatchesTheGoldenFile) {
  const Case& c = GetParam();
  const CliResult r = RunTune(With(c.args, kFixtures / c.host, {"--format", "json"}));
  ASSERT_EQ(r.rc, 0) << r.err;
  EXPECT_EQ(CheckJson(r.out), "");
  // The tool version changes with every release; the golden file says VERSION.
  std::string json = r.out;
  const std::string version = "\"version\": \"" SYNLINT_VERSION "\"";
  ASSERT_EQ(json.find(version), 4u) << json.substr(0, 80);
  json.replace(json.find(version), version.size(), "\"version\": \"VERSION\"");
  ExpectGolden(kFixtures / (c.name + ".expected.json"), json);
}

TEST_P(TuneGolden, JsonIsValidAndCarriesTheSameDiff) {
  const Case& c = GetParam();
  const CliResult text = RunTune(With(c.args, kFixtures / c.host, {"--diff"}));
  ASSERT_EQ(text.rc, 0) << text.err;
  const CliResult json = RunTune(With(c.args, kFixtures / c.host, {"--format", "json"}));
  ASSERT_EQ(json.rc, 0) << json.err;
  EXPECT_EQ(CheckJson(json.out), "");
  EXPECT_NE(json.out.find("\"listeners\": ["), std::string::npos);
  EXPECT_NE(json.out.find("\"net.core.somaxconn\": {"), std::string::npos);
  // --diff: stdout is the diff alone, the table goes to stderr.
  ASSERT_FALSE(text.out.empty());
  EXPECT_EQ(text.out.rfind("--- a/", 0), 0u) << text.out;
  EXPECT_NE(text.err.find("synlint tune: Linux"), std::string::npos);
  EXPECT_EQ(text.err.find("\n--- a/"), std::string::npos);
  std::string escaped;
  for (char ch : text.out)
    escaped += ch == '\n' ? std::string("\\n") : ch == '"' ? std::string("\\\"") : std::string(1, ch);
  EXPECT_NE(json.out.find("\"diff\": \"" + escaped + "\""), std::string::npos);
}

TEST_P(TuneGolden, FixWritesTheDiffAndASecondRunChangesNothing) {
  const Case& c = GetParam();
  const fs::path root = fs::path(SYNLINT_BINARY_DIR) / "tune-fix-test" / c.name;
  fs::remove_all(root);
  fs::create_directories(root);
  fs::copy(kFixtures / c.host, root, fs::copy_options::recursive);
  const CliResult fixed = RunTune(With(c.args, root, {"--fix"}));
  ASSERT_EQ(fixed.rc, 0) << fixed.err;
  EXPECT_EQ(fixed.err.rfind("synlint: applied ", 0), 0u) << fixed.err;
  EXPECT_NE(fixed.out.find("To make these changes take effect:"), std::string::npos);
  const CliResult again = RunTune(With(c.args, root));
  ASSERT_EQ(again.rc, 0) << again.err;
  EXPECT_NE(again.out.find("nothing to change: the host already meets this load\n"), std::string::npos)
      << again.out;
  fs::remove_all(root);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, TuneGolden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n = info.param.name;
                           for (char& ch : n) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return n;
                         });

TEST(TuneCli, NeedsALoad) {
  const CliResult r = RunTune({"--root", (kFixtures / "web").string()});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err,
            "synlint: error: tune needs a load: --peak-rate N and --accept-delay MS, or --port "
            "PORT:peak-rate=N,accept-delay=MS\n");
}

TEST(TuneCli, RejectsBadValues) {
  const std::string root = (kFixtures / "web").string();
  CliResult r = RunTune({"--root", root, "--peak-rate", "fast", "--accept-delay", "50"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "synlint: error: --peak-rate: 'fast' is not a whole number\n");
  r = RunTune({"--root", root, "--peak-rate", "100", "--accept-delay", "50", "--port", "443:peak-rate=1",
               "--port", "443:accept-delay=5"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "synlint: error: --port: port 443 is given twice\n");
  r = RunTune({"--root", root, "--peak-rate", "100", "--accept-delay", "50", "--headroom", "0"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_EQ(r.err, "synlint: error: --headroom: '0' is outside 1 to 1000\n");
  r = RunTune({"--root", root, "--peak-rate", "100", "--accept-delay", "50", "--format", "sarif"});
  EXPECT_EQ(r.rc, 2);
  // --unsafe-fixes is implied, but accepted.
  r = RunTune({"--root", root, "--peak-rate", "100", "--accept-delay", "50", "--unsafe-fixes"});
  EXPECT_EQ(r.rc, 0) << r.err;
  r = RunTune(
      {"--root", (kFixtures / "no-such-host").string(), "--peak-rate", "100", "--accept-delay", "50"});
  EXPECT_EQ(r.rc, 2);
  EXPECT_NE(r.err.find("--root: cannot open directory"), std::string::npos);
}

}  // namespace
}  // namespace synlint
