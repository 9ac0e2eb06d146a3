// SPDX-License-Identifier: MIT
// Runs every fixture: a single file under fixtures/rules/ (placed in an
// in-memory root at `path=`, default etc/sysctl.d/50-fixture.conf) or an
// /etc-shaped tree under fixtures/hosts/ (and fixtures/demo). For each one:
// findings match the inline EXPECT lines exactly; fixes (safe and unsafe)
// give the `.fixed` files; fixing converges, adds no syntax error, and
// leaves nothing fixable; every sysctl file round-trips through its tokens.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "linter/engine/fixer.h"
#include "linter/overlay_file_system.h"
#include "model/kubernetes_sysctls.h"
#include "parsers/sysctl/parser.h"
#include "tests/rules/fixture_expectations.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool Updating() { return std::getenv("UPDATE_GOLDEN") != nullptr; }

struct Fixture {
  std::string name;      // test name
  fs::path input;        // file or directory
  bool tree = false;
};

std::vector<Fixture> FindFixtures() {
  std::vector<Fixture> out;
  const fs::path root = fs::path(SYNLINT_SOURCE_DIR) / "fixtures";
  auto name_of = [&](const fs::path& p) {
    std::string n = fs::relative(p, root).string();
    for (char& c : n) {
      if (!isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return n;
  };
  if (fs::exists(root / "rules")) {
    for (const auto& e : fs::recursive_directory_iterator(root / "rules")) {
      const std::string p = e.path().string();
      if (!fs::is_regular_file(e.symlink_status()) || p.find(".fixed") != std::string::npos) continue;
      if (e.path().extension() == ".md") continue;
      out.push_back({name_of(e.path()), e.path(), false});
    }
  }
  std::vector<fs::path> trees;
  if (fs::exists(root / "demo")) trees.push_back(root / "demo");
  if (fs::exists(root / "hosts")) {
    for (const auto& e : fs::directory_iterator(root / "hosts")) {
      if (e.is_directory() && e.path().extension() != ".fixed") trees.push_back(e.path());
    }
  }
  for (const auto& t : trees) out.push_back({name_of(t), t, true});
  std::sort(out.begin(), out.end(), [](const Fixture& a, const Fixture& b) { return a.name < b.name; });
  return out;
}

void PrintTo(const Fixture& f, std::ostream* os) { *os << f.input.string(); }

class FixtureTest : public ::testing::TestWithParam<Fixture> {};

HostOptions OptionsFrom(const std::map<std::string, std::string>& opts) {
  HostOptions o;
  if (auto it = opts.find("kernel"); it != opts.end()) o.kernel = KernelVersion::Parse(it->second);
  if (auto it = opts.find("loader"); it != opts.end())
    o.loader = it->second == "procps" ? sysctl::Loader::kProcps : sysctl::Loader::kSystemd;
  if (auto it = opts.find("systemd"); it != opts.end()) o.systemd_version = std::stoi(it->second);
  if (auto it = opts.find("ehash"); it != opts.end()) o.tcp_ehash_entries = std::stoll(it->second);
  auto list = [&](const char* key) {
    std::vector<std::string> out;
    if (auto it = opts.find(key); it != opts.end()) {
      std::istringstream in(it->second);
      for (std::string item; std::getline(in, item, ',');) out.push_back(item);
    }
    return out;
  };
  o.kubernetes_files = list("kubernetes");
  o.compose_files = list("compose");
  o.allowed_unsafe_sysctls = list("allowed-unsafe-sysctls");
  if (auto it = opts.find("kubernetes-version"); it != opts.end()) o.kubernetes_version = ParseKubernetesVersion(it->second);
  if (!o.kernel) o.kernel = KernelVersion{6, 1};
  return o;
}

TEST_P(FixtureTest, MatchesExpectationsAndFixes) {
  const Fixture& fx = GetParam();
  MemoryFileSystem memory;
  std::unique_ptr<DiskFileSystem> disk;
  const FileSystem* root = &memory;
  std::map<std::string, std::string> opts;
  std::vector<Expectation> expected;
  // Where the expected result of fixing a root-relative path lives.
  std::function<fs::path(const std::string&)> fixed_path;
  if (fx.tree) {
    disk = std::make_unique<DiskFileSystem>(fx.input.string());
    root = disk.get();
    const fs::path opt_file = fx.input.string() + ".fixture";
    if (fs::exists(opt_file)) opts = ParseFixtureOptions(ReadAll(opt_file));
    const fs::path expect_file = fx.input.string() + ".expect";
    if (fs::exists(expect_file)) expected = ParseExpectFile(ReadAll(expect_file));
    for (const auto& e : fs::recursive_directory_iterator(fx.input)) {
      if (!fs::is_regular_file(e.symlink_status())) continue;
      const std::string rel = fs::relative(e.path(), fx.input).string();
      auto more = ParseExpectations(rel, ReadAll(e.path()));
      expected.insert(expected.end(), more.begin(), more.end());
    }
    fixed_path = [&](const std::string& p) { return fs::path(fx.input.string() + ".fixed") / p; };
  } else {
    const std::string text = ReadAll(fx.input);
    opts = ParseFixtureOptions(text);
    const std::string path = opts.count("path") ? opts["path"] : "etc/sysctl.d/50-fixture.conf";
    memory.AddFile(path, text);
    expected = ParseExpectations(path, text);
    fixed_path = [&, path](const std::string& p) {
      return p == path ? fs::path(fx.input.string() + ".fixed")
                       : fs::path(fx.input.string() + ".fixed.d") / p;
    };
  }
  const HostOptions host_options = OptionsFrom(opts);
  const FixOptions fix_options;
  const FindingFilter keep_all = [](Finding&) { return true; };

  LintRun run = Lint(*root, host_options, fix_options, keep_all);
  for (const auto& [path, parse] : run.host->sysctl_parses) {
    // The host keeps no tokens; the file's own parse must round-trip.
    const std::string& text = run.host->sources.Find(path)->text;
    EXPECT_TRUE(parse.tokens.empty());
    EXPECT_TRUE(TokensCover(sysctl::Parse(text).tokens, text)) << path << " does not round-trip";
  }
  for (const std::string& problem : MatchExpectations(expected, run.findings)) ADD_FAILURE() << problem;

  size_t syntax_before = 0;
  for (const Finding& f : run.findings) syntax_before += f.rule == "SL001";

  const FixResult fixed =
      FixToConvergence(*root, host_options, fix_options, keep_all, Applicability::kUnsafe);
  EXPECT_TRUE(fixed.converged) << "fixes did not settle within " << kMaxFixRounds << " rounds";
  for (const auto& [path, text] : fixed.fixed) {
    const fs::path want = fixed_path(path);
    if (Updating()) {
      fs::create_directories(want.parent_path());
      std::ofstream(want, std::ios::binary) << text;
      continue;
    }
    ASSERT_TRUE(fs::exists(want)) << "fixes changed " << path << " but " << want
                                  << " does not exist (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(ReadAll(want), text) << "fixed " << path << " differs from " << want;
  }
  // A .fixed file with no fix behind it is stale.
  if (fx.tree && fs::exists(fx.input.string() + ".fixed") && !Updating()) {
    const fs::path dir = fx.input.string() + ".fixed";
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!fs::is_regular_file(e.symlink_status())) continue;
      const std::string rel = fs::relative(e.path(), dir).string();
      if (!fixed.fixed.count(rel)) ADD_FAILURE() << e.path() << " exists but fixes do not change " << rel;
    }
  }
  if (!fx.tree) {
    const fs::path own = fs::path(fx.input.string() + ".fixed");
    if (fs::exists(own) && fixed.fixed.empty()) ADD_FAILURE() << own << " exists but nothing was fixed";
  }

  // Re-lint the fixed tree: nothing fixable is left, no new syntax error.
  OverlayFileSystem after(*root);
  std::string err;
  for (const auto& [path, text] : fixed.fixed) after.WriteFile(path, text, 0644, &err);
  LintRun again = Lint(after, host_options, fix_options, keep_all);
  size_t syntax_after = 0;
  for (const Finding& f : again.findings) {
    syntax_after += f.rule == "SL001";
    EXPECT_FALSE(f.fix && f.fix->applicability >= Applicability::kUnsafe)
        << "still fixable after fixing: " << f.location.file << ":" << f.location.start.line << " "
        << f.rule << " " << f.message;
  }
  EXPECT_LE(syntax_after, syntax_before) << "fixing added a syntax error";
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixtureTest, ::testing::ValuesIn(FindFixtures()),
                         [](const ::testing::TestParamInfo<Fixture>& i) { return i.param.name; });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(FixtureTest);

}  // namespace
}  // namespace synlint::testing
