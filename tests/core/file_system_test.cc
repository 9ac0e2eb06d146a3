// SPDX-License-Identifier: MIT
#include "core/file_system.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "core/file_reader.h"

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

TEST(Resolve, KindAfterDotDotAndSymlinkedDirectories) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "");
  fs.AddDir("srv/conf");
  fs.AddFile("srv/conf/a.conf", "");
  fs.AddSymlink("etc/conf", "/srv/conf");
  fs.AddSymlink("etc/here", ".");
  Resolved r = Resolve(fs, "etc/conf/a.conf");
  EXPECT_EQ(r.status, Resolved::Status::kOk);
  EXPECT_EQ(r.path, "srv/conf/a.conf");
  EXPECT_EQ(r.kind, NodeKind::kRegular);
  r = Resolve(fs, "etc/conf");  // ends on a symlink: the kind is its target's
  EXPECT_EQ(r.path, "srv/conf");
  EXPECT_EQ(r.kind, NodeKind::kDirectory);
  r = Resolve(fs, "etc/here");
  EXPECT_EQ(r.path, "etc");
  EXPECT_EQ(r.kind, NodeKind::kDirectory);
  r = Resolve(fs, "etc/conf/..");
  EXPECT_EQ(r.path, "srv");
  EXPECT_EQ(r.kind, NodeKind::kDirectory);
  r = Resolve(fs, "etc/sysctl.conf/..");
  EXPECT_EQ(r.path, "etc");
  EXPECT_EQ(r.kind, NodeKind::kDirectory);
  r = Resolve(fs, "etc/..");
  EXPECT_EQ(r.path, "");
  EXPECT_EQ(r.kind, NodeKind::kDirectory);
  r = Resolve(fs, "etc/conf/missing/x.conf");
  EXPECT_EQ(r.status, Resolved::Status::kMissing);
  EXPECT_EQ(r.path, "srv/conf/missing/x.conf");
  EXPECT_EQ(Resolve(fs, "etc/sysctl.conf/x").status, Resolved::Status::kMissing);
}

// DiskFileSystem remembers what lstat said (a run sees one snapshot) until
// ForgetSnapshot() or its own WriteFile().
TEST(DiskFileSystem, LstatIsASnapshotUntilForgottenOrWritten) {
  char tmpl[] = "/tmp/synlint-fs-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  DiskFileSystem fs(dir.string());
  EXPECT_EQ(fs.Lstat("a.conf").kind, NodeKind::kMissing);
  std::ofstream(dir / "a.conf") << "x = 1\n";
  EXPECT_EQ(fs.Lstat("a.conf").kind, NodeKind::kMissing);
  fs.ForgetSnapshot();
  EXPECT_EQ(fs.Lstat("a.conf").kind, NodeKind::kRegular);
  EXPECT_EQ(fs.Lstat("a.conf").size, 6u);

  std::filesystem::remove(dir / "a.conf");
  EXPECT_EQ(fs.Lstat("a.conf").kind, NodeKind::kRegular);
  std::string err;
  ASSERT_TRUE(fs.WriteFile("d/b.conf", "y = 2\n", 0644, &err)) << err;
  EXPECT_EQ(fs.Lstat("a.conf").kind, NodeKind::kMissing);
  EXPECT_EQ(fs.Lstat("d").kind, NodeKind::kDirectory);
  EXPECT_EQ(Resolve(fs, "d/b.conf").kind, NodeKind::kRegular);
  std::filesystem::remove_all(dir);
}

TEST(DiskFileSystem, ReadsWholeFilesAndEmptyOnes) {
  char tmpl[] = "/tmp/synlint-fs-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::filesystem::path dir = tmpl;
  const std::string big(200000, 'x');  // more than one read(2) buffer
  std::ofstream(dir / "big") << big;
  std::ofstream(dir / "empty").flush();
  DiskFileSystem fs(dir.string());
  std::string text, err;
  ASSERT_TRUE(fs.ReadFile("big", &text, &err)) << err;
  EXPECT_EQ(text, big);
  ASSERT_TRUE(fs.ReadFile("empty", &text, &err)) << err;
  EXPECT_EQ(text, "");
  EXPECT_FALSE(fs.ReadFile("none", &text, &err));
  EXPECT_FALSE(err.empty());
  std::filesystem::remove_all(dir);
  // procfs gives a size of 0 for files with contents: read to end of file.
  DiskFileSystem proc("/proc/self");
  ASSERT_TRUE(proc.ReadFile("status", &text, &err)) << err;
  EXPECT_NE(text.find("Name:"), std::string::npos);
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
