// SPDX-License-Identifier: MIT
// Proves synlint's fixes with the tools an administrator applies them with.
// For every host fixture (fixtures/demo, fixtures/hosts/*, fixtures/servers/*),
// on pristine `cp -a` copies:
//   1. `check --diff --unsafe-fixes` exits 0 or 1 (never 2), and its diff is
//      accepted from the root by `git apply --check` and by
//      `patch -p1 --dry-run` exactly (no hunk needs an offset or fuzz), then
//      applied with `patch -p1`;
//   2. synlint run again on the patched tree (`--format json`) reports no
//      finding whose fix is safe or unsafe (on the pristine tree it reports
//      some exactly when the diff is not empty);
//   3. `check --fix --unsafe-fixes` on a second copy, in which the first file
//      the diff edits was made 0600, gives the patched tree exactly
//      (`diff -r --no-dereference`, plus every entry's type, mode and symlink
//      target), and that file is still 0600;
//   4. a second `--fix` leaves the tree byte-identical.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <regex>
#include <sstream>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

bool ExitedNormally(const CommandResult& r) { return r.exit_code == 0 || r.exit_code == 1; }

// Findings in synlint's JSON report whose fix `--fix --unsafe-fixes` would
// apply. Strings are escaped in JSON, so the pattern only matches a key.
long CountFixable(const std::string& json) {
  static const std::regex kFixable(R"re("applicability"\s*:\s*"(safe|unsafe)")re");
  return std::distance(std::sregex_iterator(json.begin(), json.end(), kFixable), std::sregex_iterator());
}

// The existing files a unified diff edits ("--- a/PATH"), in order.
std::vector<std::string> EditedFiles(const std::string& diff) {
  std::vector<std::string> out;
  std::istringstream in(diff);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("--- a/", 0) != 0) continue;
    const size_t tab = line.find('\t');
    out.push_back(line.substr(6, tab == std::string::npos ? std::string::npos : tab - 6));
  }
  return out;
}

// The first regular file below `root` in path order, root-relative.
std::string FirstRegularFile(const std::string& root) {
  std::vector<std::string> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (fs::is_regular_file(it->symlink_status(ec)))
      files.push_back(it->path().lexically_relative(root).string());
  }
  std::sort(files.begin(), files.end());
  return files.empty() ? "" : files.front();
}

unsigned ModeOf(const std::string& path) {
  struct stat st {};
  return stat(path.c_str(), &st) == 0 ? static_cast<unsigned>(st.st_mode & 07777) : 0;
}

class FixRoundTripTest : public ::testing::TestWithParam<FixtureHost> {};

TEST_P(FixRoundTripTest, DiffAppliesWithGitAndPatchAndEqualsFix) {
  const FixtureHost& host = GetParam();
  ASSERT_EQ(host.problem, "");
  TempDir tmp;
  ASSERT_FALSE(tmp.path().empty());
  const std::string patched = tmp.path() + "/patched";
  const std::string fixed = tmp.path() + "/fixed";
  const std::string fixed_once = tmp.path() + "/fixed-once";
  ASSERT_TRUE(CopyTree(host.tree, patched));
  ASSERT_TRUE(CopyTree(host.tree, fixed));

  // 1. The diff applies from the root, exactly, with both tools.
  const CommandResult diff = RunShell(SynlintCheck(host, patched, "--diff --unsafe-fixes"));
  ASSERT_TRUE(ExitedNormally(diff)) << Describe(diff);
  if (!diff.out.empty()) {
    const std::string patch_file = tmp.path() + "/fixes.diff";
    ASSERT_TRUE(WriteFile(patch_file, diff.out));
    const CommandResult git = RunShell("git apply --check " + Quote(patch_file), patched);
    EXPECT_EQ(git.exit_code, 0) << "git apply --check refuses the diff\n"
                                << Describe(git) << "\nthe diff:\n"
                                << diff.out;
    const CommandResult dry =
        RunShell("patch -p1 --dry-run --batch --forward < " + Quote(patch_file), patched);
    EXPECT_EQ(dry.exit_code, 0) << "patch -p1 --dry-run refuses the diff\n"
                                << Describe(dry) << "\nthe diff:\n"
                                << diff.out;
    EXPECT_EQ(dry.out.find("offset"), std::string::npos)
        << "a hunk applies only at an offset (wrong line numbers)\n"
        << dry.out << "\nthe diff:\n"
        << diff.out;
    EXPECT_EQ(dry.out.find("fuzz"), std::string::npos) << "a hunk applies only with fuzz (wrong context)\n"
                                                       << dry.out << "\nthe diff:\n"
                                                       << diff.out;
    const CommandResult apply =
        RunShell("patch -p1 --batch --forward --no-backup-if-mismatch < " + Quote(patch_file), patched);
    ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  }

  // 2. Nothing fixable is left on the patched tree (the JSON report of the
  // pristine tree shows the count sees fixes when there are any).
  const CommandResult before = RunShell(SynlintCheck(host, fixed, "--format json"));
  ASSERT_TRUE(ExitedNormally(before)) << Describe(before);
  EXPECT_EQ(CountFixable(before.out) > 0, !diff.out.empty()) << before.out << "\nthe diff:\n" << diff.out;
  const CommandResult again = RunShell(SynlintCheck(host, patched, "--format json"));
  ASSERT_TRUE(ExitedNormally(again)) << Describe(again);
  EXPECT_EQ(CountFixable(again.out), 0) << "still fixable after applying the diff:\n" << again.out;

  // 3. --fix gives the same tree, and keeps a file's mode.
  const std::vector<std::string> edited = EditedFiles(diff.out);
  const std::string probe = edited.empty() ? FirstRegularFile(host.tree) : edited.front();
  ASSERT_FALSE(probe.empty()) << host.tree << " has no regular file";
  ASSERT_EQ(chmod((fixed + "/" + probe).c_str(), 0600), 0) << probe;
  ASSERT_EQ(chmod((patched + "/" + probe).c_str(), 0600), 0) << probe;
  const CommandResult fix = RunShell(SynlintCheck(host, fixed, "--fix --unsafe-fixes"));
  ASSERT_TRUE(ExitedNormally(fix)) << Describe(fix);
  EXPECT_EQ(ModeOf(fixed + "/" + probe), 0600u) << "--fix changed the mode of " << probe;
  const CommandResult same = RunShell("diff -r --no-dereference " + Quote(patched) + " " + Quote(fixed));
  EXPECT_EQ(same.exit_code, 0) << "the tree after --fix differs from the tree after patch -p1\n"
                               << Describe(same);
  EXPECT_EQ(ListTree(fixed), ListTree(patched));
  // The fixes did something exactly when there was a diff.
  const CommandResult changed = RunShell("diff -r --no-dereference " + Quote(host.tree) + " " + Quote(fixed));
  EXPECT_EQ(changed.exit_code, diff.out.empty() ? 0 : 1) << Describe(changed);

  // 4. A second --fix changes nothing.
  ASSERT_TRUE(CopyTree(fixed, fixed_once));
  const CommandResult second = RunShell(SynlintCheck(host, fixed, "--fix --unsafe-fixes"));
  ASSERT_TRUE(ExitedNormally(second)) << Describe(second);
  const CommandResult unchanged =
      RunShell("diff -r --no-dereference " + Quote(fixed_once) + " " + Quote(fixed));
  EXPECT_EQ(unchanged.exit_code, 0) << "a second --fix changed the tree\n" << Describe(unchanged);
  EXPECT_EQ(ListTree(fixed), ListTree(fixed_once));
}

// File names a diff header must quote (git's quote_c_style) or end with a tab
// (a space): the diff applies with `git apply` and `patch -p1`, and gives the
// same tree as --fix. A newline in a name once went raw into `--- a/`, so
// neither tool could read the diff and a crafted name could add lines to it.
TEST(FixRoundTrip, NamesThatNeedQuotingApplyWithGitAndPatch) {
  TempDir tmp;
  const std::string root = tmp.path() + "/root";
  const std::string dir = root + "/etc/sysctl.d";
  fs::create_directories(dir);
  ASSERT_TRUE(WriteFile(dir + "/10 my tuning.conf", "net.ipv4.tcp_syn_retries = 3\n"));
  ASSERT_TRUE(WriteFile(dir + "/20-new\nline.conf", "net.ipv4.tcp_synack_retries = 9\n"));
  ASSERT_TRUE(WriteFile(dir + "/30-caf\xc3\xa9.conf", "net.ipv4.tcp_syncookies = 0\n"));
  ASSERT_TRUE(WriteFile(dir + "/40-q\"uo\\te.conf", "net.core.somaxconn = 128\n"));
  const std::string check = Quote(SYNLINT_BIN) + " check --kernel 6.1 --unsafe-fixes --root ";
  const CommandResult diff = RunShell(check + Quote(root) + " --diff");
  ASSERT_TRUE(ExitedNormally(diff)) << Describe(diff);
  EXPECT_NE(diff.out.find("--- \"a/etc/sysctl.d/20-new\\nline.conf\"\n"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("--- a/etc/sysctl.d/10 my tuning.conf\t\n"), std::string::npos) << diff.out;
  const std::string patch_file = tmp.path() + "/fixes.diff";
  ASSERT_TRUE(WriteFile(patch_file, diff.out));

  const std::string by_git = tmp.path() + "/git", by_patch = tmp.path() + "/patch";
  const std::string fixed = tmp.path() + "/fixed";
  for (const std::string& copy : {by_git, by_patch, fixed}) ASSERT_TRUE(CopyTree(root, copy));
  const CommandResult git = RunShell("git apply -p1 " + Quote(patch_file), by_git);
  EXPECT_EQ(git.exit_code, 0) << Describe(git);
  const CommandResult patch = RunShell("patch -p1 --batch --forward < " + Quote(patch_file), by_patch);
  EXPECT_EQ(patch.exit_code, 0) << Describe(patch);
  const CommandResult fix = RunShell(check + Quote(fixed) + " --fix");
  ASSERT_TRUE(ExitedNormally(fix)) << Describe(fix);
  for (const std::string& applied : {by_git, by_patch}) {
    const CommandResult same = RunShell("diff -r " + Quote(fixed) + " " + Quote(applied));
    EXPECT_EQ(same.exit_code, 0) << applied << "\n" << Describe(same);
  }
  const CommandResult changed = RunShell("diff -r " + Quote(root) + " " + Quote(fixed));
  EXPECT_EQ(changed.exit_code, 1) << "--fix changed nothing: the test proves nothing\n" << Describe(changed);
}

INSTANTIATE_TEST_SUITE_P(Hosts, FixRoundTripTest, ::testing::ValuesIn(FindFixtureHosts()),
                         [](const ::testing::TestParamInfo<FixtureHost>& i) { return i.param.name; });

}  // namespace
}  // namespace synlint::testing
