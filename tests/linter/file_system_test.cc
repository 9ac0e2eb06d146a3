#include "linter/file_system.h"

#include <gtest/gtest.h>

#include "linter/file_reader.h"

namespace synlint {
namespace {

TEST(Resolve, FollowsRelativeSymlinkToRealPath) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "a = 1\n");
  fs.AddSymlink("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
  const Resolved r = Resolve(fs, "etc/sysctl.d/99-sysctl.conf");
  EXPECT_EQ(r.status, Resolved::Status::kOk);
  EXPECT_EQ(r.path, "etc/sysctl.conf");
  EXPECT_TRUE(r.via_symlink);
}

TEST(Resolve, AbsoluteTargetIsTakenInsideTheRoot) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "");
  fs.AddSymlink("usr/lib/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf");
  EXPECT_EQ(Resolve(fs, "usr/lib/sysctl.d/99-sysctl.conf").path, "etc/sysctl.conf");
}

TEST(Resolve, DevNullIsAMask) {
  MemoryFileSystem fs;
  fs.AddSymlink("etc/sysctl.d/50-default.conf", "/dev/null");
  EXPECT_EQ(Resolve(fs, "etc/sysctl.d/50-default.conf").status,
            Resolved::Status::kDevNull);
}

TEST(Resolve, DetectsLoopsAndEscapes) {
  MemoryFileSystem fs;
  fs.AddSymlink("etc/a.conf", "b.conf");
  fs.AddSymlink("etc/b.conf", "a.conf");
  fs.AddSymlink("etc/out.conf", "../../../outside");
  EXPECT_EQ(Resolve(fs, "etc/a.conf").status, Resolved::Status::kLoop);
  EXPECT_EQ(Resolve(fs, "etc/out.conf").status, Resolved::Status::kEscapes);
}

TEST(SourceSet, ReadsEachRealFileOnce) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "a = 1\n");
  fs.AddSymlink("etc/sysctl.d/99-sysctl.conf", "../sysctl.conf");
  SourceSet set(fs);
  const ReadOutcome a = set.Read("etc/sysctl.conf");
  const ReadOutcome b = set.Read("etc/sysctl.d/99-sysctl.conf");
  ASSERT_EQ(a.status, ReadOutcome::Status::kOk);
  EXPECT_EQ(a.file, b.file);
  EXPECT_EQ(b.file->path, "etc/sysctl.conf");
}

TEST(SourceSet, ReportsBinaryAndUnreadableFiles) {
  MemoryFileSystem fs;
  fs.AddFile("etc/bin.conf", std::string("a\0b", 3));
  fs.AddFile("etc/secret.conf", "x");
  fs.SetUnreadable("etc/secret.conf");
  SourceSet set(fs);
  const ReadOutcome bin = set.Read("etc/bin.conf");
  EXPECT_EQ(bin.status, ReadOutcome::Status::kProblem);
  EXPECT_EQ(bin.problem, "not a text file (NUL byte at offset 1)");
  const ReadOutcome secret = set.Read("etc/secret.conf");
  EXPECT_EQ(secret.status, ReadOutcome::Status::kProblem);
  EXPECT_EQ(secret.problem, "cannot read: Permission denied");
}

TEST(Glob, MatchesShellPatterns) {
  EXPECT_TRUE(GlobMatch("*.conf", "10-a.conf"));
  EXPECT_FALSE(GlobMatch("*.conf", "10-a.conf.bak"));
  EXPECT_TRUE(GlobMatch("[0-9]?-*", "10-x"));
  EXPECT_FALSE(GlobMatch("[!0-9]*", "1x"));
  EXPECT_TRUE(GlobMatch("a*b*c", "aXXbYYc"));
}

TEST(Glob, ExpandsAcrossDirectoriesSorted) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/sites-enabled/b", "");
  fs.AddFile("etc/nginx/sites-enabled/a", "");
  fs.AddFile("etc/nginx/conf.d/x.conf", "");
  EXPECT_EQ(ExpandGlob(fs, "/etc/nginx/sites-enabled/*"),
            (std::vector<std::string>{"etc/nginx/sites-enabled/a",
                                      "etc/nginx/sites-enabled/b"}));
  EXPECT_EQ(ExpandGlob(fs, "etc/nginx/*/x.conf"),
            (std::vector<std::string>{"etc/nginx/conf.d/x.conf"}));
  EXPECT_TRUE(ExpandGlob(fs, "etc/none/*.conf").empty());
}

TEST(NormalizePath, RefusesClimbingAboveRoot) {
  std::string out;
  EXPECT_TRUE(NormalizePath("/etc/./nginx//../sysctl.conf", &out));
  EXPECT_EQ(out, "etc/sysctl.conf");
  EXPECT_FALSE(NormalizePath("../x", &out));
}

}  // namespace
}  // namespace synlint
