// SPDX-License-Identifier: MIT
// WriteFixes checks the disk as it is when it writes, not as it was read; it
// stays inside the root whatever symlinks say, writes all files or none, and
// keeps metadata. Races are made deterministic with the write step hook.
#include "linter/cli/write_fixes.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

#include "core/confined_write.h"

namespace synlint::cli {
namespace {

class WriteFixesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/synlint-wf-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    base_ = tmpl;
    dir_ = base_ / "root";
    canary_ = base_ / "canary";
    std::filesystem::create_directories(dir_ / "etc/sysctl.d");
    std::filesystem::create_directories(canary_ / "sysctl.d");
    std::ofstream(dir_ / "etc/sysctl.d/10-a.conf") << "a = 1\n";
    std::ofstream(canary_ / "sysctl.d/10-a.conf") << "canary\n";
  }
  void TearDown() override {
    SetWriteStepHookForTest(nullptr);
    ForceDescriptorWalkForTest(false);
    std::filesystem::remove_all(base_);
  }
  /// Everything below the canary directory, with modes: what must not change.
  std::string Canary() const {
    std::string out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(canary_)) {
      struct stat st;
      lstat(e.path().c_str(), &st);
      out += e.path().lexically_relative(canary_).string() + " " + std::to_string(st.st_mode) + "\n";
    }
    return out;
  }
  /// Names in `rel` (below the root) that are synlint temporary files.
  std::vector<std::string> Temps(const std::string& rel) const {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir_ / rel))
      if (IsSynlintTempName(e.path().filename().string())) out.push_back(e.path().filename());
    return out;
  }
  FixResult EditA(const std::string& to = "a = 2\n") const {
    FixResult fix;
    fix.original["etc/sysctl.d/10-a.conf"] = "a = 1\n";
    fix.fixed["etc/sysctl.d/10-a.conf"] = to;
    return fix;
  }
  std::string Read(const std::string& rel) const {
    std::ifstream in(dir_ / rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  /// Swaps etc/sysctl.d for a symlink to the canary between its resolution
  /// and its opening: the kernel must refuse to follow it.
  void ExpectSwapBeforeOpenRefused() {
    const std::string before = Canary();
    SetWriteStepHookForTest([this](std::string_view step, const std::string&) {
      if (step == "dir-resolved") {
        std::filesystem::rename(dir_ / "etc/sysctl.d", dir_ / "etc/old");
        std::filesystem::create_directory_symlink(canary_ / "sysctl.d", dir_ / "etc/sysctl.d");
      }
      return true;
    });
    DiskFileSystem fs(dir_.string());
    std::string err;
    EXPECT_FALSE(WriteFixes(fs, EditA(), &err));
    EXPECT_NE(err.find("'etc/sysctl.d' is no longer a plain directory inside the root"), std::string::npos)
        << err;
    EXPECT_EQ(Canary(), before);
    EXPECT_EQ(Read("etc/old/10-a.conf"), "a = 1\n");
  }
  std::filesystem::path base_, dir_, canary_;
};

TEST_F(WriteFixesTest, RefusesANewFileThatAppearedAfterTheCheck) {
  DiskFileSystem fs(dir_.string());
  // The check looked and found nothing there (now in the snapshot)...
  ASSERT_EQ(Resolve(fs, "etc/sysctl.d/90-synlint.conf").status, Resolved::Status::kMissing);
  // ...then someone else created it.
  std::ofstream(dir_ / "etc/sysctl.d/90-synlint.conf") << "mine = 1\n";
  FixResult fix;
  fix.fixed["etc/sysctl.d/90-synlint.conf"] = "b = 2\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_NE(err.find("appeared since it was checked"), std::string::npos) << err;
  EXPECT_EQ(Read("etc/sysctl.d/90-synlint.conf"), "mine = 1\n");
}

TEST_F(WriteFixesTest, RefusesAFileRemovedAfterItWasRead) {
  DiskFileSystem fs(dir_.string());
  ASSERT_EQ(fs.Lstat("etc/sysctl.d/10-a.conf").kind, NodeKind::kRegular);
  std::filesystem::remove(dir_ / "etc/sysctl.d/10-a.conf");
  FixResult fix;
  fix.original["etc/sysctl.d/10-a.conf"] = "a = 1\n";
  fix.fixed["etc/sysctl.d/10-a.conf"] = "a = 2\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_NE(err.find("no longer a regular file"), std::string::npos) << err;
  EXPECT_FALSE(std::filesystem::exists(dir_ / "etc/sysctl.d/10-a.conf"));
}

TEST_F(WriteFixesTest, WritesWhenNothingChanged) {
  DiskFileSystem fs(dir_.string());
  ASSERT_EQ(fs.Lstat("etc/sysctl.d/10-a.conf").kind, NodeKind::kRegular);
  FixResult fix;
  fix.original["etc/sysctl.d/10-a.conf"] = "a = 1\n";
  fix.fixed["etc/sysctl.d/10-a.conf"] = "a = 2\n";
  fix.fixed["etc/sysctl.d/90-synlint.conf"] = "b = 2\n";
  std::string err;
  ASSERT_TRUE(WriteFixes(fs, fix, &err)) << err;
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 2\n");
  EXPECT_EQ(Read("etc/sysctl.d/90-synlint.conf"), "b = 2\n");
}

// Defect 1: a new file's directory is a symlink whose target is missing
// inside the root; the write used to land on the host path.
TEST_F(WriteFixesTest, RefusesANewFileBehindASymlinkToOutside) {
  std::filesystem::remove_all(dir_ / "etc/sysctl.d");
  std::filesystem::create_directory_symlink(canary_ / "sysctl.d", dir_ / "etc/sysctl.d");
  const std::string before = Canary();
  DiskFileSystem fs(dir_.string());
  FixResult fix;
  fix.fixed["etc/sysctl.d/90-synlint.conf"] = "b = 2\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_EQ(err,
            "cannot write 'etc/sysctl.d/90-synlint.conf': 'etc/sysctl.d' is a symlink that leads to no "
            "directory inside the root; not followed; nothing written");
  EXPECT_EQ(Canary(), before);
}

TEST_F(WriteFixesTest, RefusesASymlinkThatClimbsOutOfTheRoot) {
  std::filesystem::remove_all(dir_ / "etc");
  std::filesystem::create_directory_symlink("../canary", dir_ / "etc");
  const std::string before = Canary();
  DiskFileSystem fs(dir_.string());
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, EditA(), &err));
  EXPECT_NE(err.find("cannot write 'etc/sysctl.d/10-a.conf': 'etc/sysctl.d': "), std::string::npos) << err;
  EXPECT_NE(err.find("; not followed; nothing written"), std::string::npos) << err;
  EXPECT_EQ(Canary(), before);
}

// Defect 3: the directory is swapped for a symlink to outside between its
// resolution and the write; the kernel refuses to follow it.
TEST_F(WriteFixesTest, ASwapBeforeTheDirectoryIsOpenedIsRefusedByOpenat2) { ExpectSwapBeforeOpenRefused(); }

TEST_F(WriteFixesTest, ASwapBeforeTheDirectoryIsOpenedIsRefusedByTheDescriptorWalk) {
  ForceDescriptorWalkForTest(true);
  ExpectSwapBeforeOpenRefused();
}

// Defect 2: a host root inside a repository (`root: hosts/web`) is written
// from the repository's top down with no symlink followed, so swapping the
// host's own directory for a symlink to outside refuses the write too.
void ExpectRootSwapRefused(const std::filesystem::path& repo, const std::filesystem::path& canary,
                           const std::function<std::string()>& canary_now) {
  std::filesystem::create_directories(repo / "hosts/web/etc/sysctl.d");
  std::ofstream(repo / "hosts/web/etc/sysctl.d/10-a.conf") << "a = 1\n";
  std::filesystem::create_directories(canary / "etc/sysctl.d");
  std::ofstream(canary / "etc/sysctl.d/10-a.conf") << "a = 1\n";
  const std::string before = canary_now();
  SetWriteStepHookForTest([&](std::string_view step, const std::string&) {
    if (step == "dir-resolved") {
      std::filesystem::rename(repo / "hosts/web", repo / "hosts/old");
      std::filesystem::create_directory_symlink(canary, repo / "hosts/web");
    }
    return true;
  });
  DiskFileSystem fs((repo / "hosts/web").string(), repo.string());
  FixResult fix;
  fix.original["etc/sysctl.d/10-a.conf"] = "a = 1\n";
  fix.fixed["etc/sysctl.d/10-a.conf"] = "a = 2\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_NE(err.find("'hosts/web/etc/sysctl.d' is no longer a plain directory inside the root"), std::string::npos)
      << err;
  EXPECT_EQ(canary_now(), before);
}

TEST_F(WriteFixesTest, ARepositoryHostRootSwappedForASymlinkIsRefusedByOpenat2) {
  ExpectRootSwapRefused(dir_, canary_, [this] { return Canary() + Read("../canary/etc/sysctl.d/10-a.conf"); });
}

TEST_F(WriteFixesTest, ARepositoryHostRootSwappedForASymlinkIsRefusedByTheDescriptorWalk) {
  ForceDescriptorWalkForTest(true);
  ExpectRootSwapRefused(dir_, canary_, [this] { return Canary() + Read("../canary/etc/sysctl.d/10-a.conf"); });
}

TEST_F(WriteFixesTest, AHostRootOutsideItsAnchorIsNeverWritten) {
  DiskFileSystem fs(canary_.string(), dir_.string());
  FixResult fix;
  fix.fixed["sysctl.d/90-synlint.conf"] = "b = 2\n";
  const std::string before = Canary();
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_NE(err.find("is not inside"), std::string::npos) << err;
  EXPECT_EQ(Canary(), before);
}

TEST_F(WriteFixesTest, ASwapAfterTheDirectoryIsOpenedWritesWhereItWasChecked) {
  const std::string before = Canary();
  SetWriteStepHookForTest([&](std::string_view step, const std::string&) {
    if (step == "temp-written") {
      std::filesystem::rename(dir_ / "etc/sysctl.d", dir_ / "etc/old");
      std::filesystem::create_directory_symlink(canary_ / "sysctl.d", dir_ / "etc/sysctl.d");
    }
    return true;
  });
  DiskFileSystem fs(dir_.string());
  std::string err;
  ASSERT_TRUE(WriteFixes(fs, EditA(), &err)) << err;
  EXPECT_EQ(Canary(), before);
  EXPECT_EQ(Read("etc/old/10-a.conf"), "a = 2\n");
}

// Defect 4: an edit made while the replacement was written and fsynced.
TEST_F(WriteFixesTest, RefusesToOverwriteAnEditMadeDuringTheWrite) {
  SetWriteStepHookForTest([&](std::string_view step, const std::string&) {
    if (step == "before-rename") std::ofstream(dir_ / "etc/sysctl.d/10-a.conf", std::ios::app) << "b = 1\n";
    return true;
  });
  DiskFileSystem fs(dir_.string());
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, EditA(), &err));
  EXPECT_EQ(err,
            "cannot write 'etc/sysctl.d/10-a.conf': it changed since it was read (run synlint again); "
            "nothing written");
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 1\nb = 1\n");
  EXPECT_TRUE(Temps("etc/sysctl.d").empty());
}

TEST_F(WriteFixesTest, RefusesAFileReplacedDuringTheWrite) {
  SetWriteStepHookForTest([&](std::string_view step, const std::string&) {
    if (step == "before-rename") {
      std::ofstream(dir_ / "etc/sysctl.d/new") << "a = 1\n";
      std::filesystem::rename(dir_ / "etc/sysctl.d/new", dir_ / "etc/sysctl.d/10-a.conf");
    }
    return true;
  });
  DiskFileSystem fs(dir_.string());
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, EditA(), &err));
  EXPECT_NE(err.find("it was replaced since it was read"), std::string::npos) << err;
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 1\n");
}

TEST_F(WriteFixesTest, RefusesAFileLockedByAnotherProcess) {
  const int fd = open((dir_ / "etc/sysctl.d/10-a.conf").c_str(), O_RDONLY);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(flock(fd, LOCK_EX), 0);
  DiskFileSystem fs(dir_.string());
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, EditA(), &err));
  EXPECT_NE(err.find("it is locked by another process"), std::string::npos) << err;
  close(fd);
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 1\n");
}

// Defect 5: a failure before the renames changes nothing, not even a new
// directory; one during them names what was written and what was not.
TEST_F(WriteFixesTest, AFailureBeforeTheRenamesChangesNothing) {
  SetWriteStepHookForTest([](std::string_view step, const std::string& path) {
    return !(step == "temp-written" && path == "etc/z/new.conf");
  });
  DiskFileSystem fs(dir_.string());
  FixResult fix = EditA();
  fix.fixed["etc/z/new.conf"] = "z = 1\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_EQ(err, "cannot write 'etc/z/new.conf': failed at step 'temp-written' (test hook); nothing written");
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 1\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "etc/z"));
  EXPECT_TRUE(Temps("etc/sysctl.d").empty());
}

TEST_F(WriteFixesTest, AFailureDuringTheRenamesNamesWhatChanged) {
  SetWriteStepHookForTest([](std::string_view step, const std::string& path) {
    return !(step == "before-rename" && path == "etc/sysctl.d/20-b.conf");
  });
  std::ofstream(dir_ / "etc/sysctl.d/20-b.conf") << "b = 1\n";
  DiskFileSystem fs(dir_.string());
  FixResult fix = EditA();
  fix.original["etc/sysctl.d/20-b.conf"] = "b = 1\n";
  fix.fixed["etc/sysctl.d/20-b.conf"] = "b = 2\n";
  fix.fixed["etc/sysctl.d/30-c.conf"] = "c = 2\n";
  std::string err;
  EXPECT_FALSE(WriteFixes(fs, fix, &err));
  EXPECT_EQ(err,
            "cannot write 'etc/sysctl.d/20-b.conf': failed at step 'before-rename' (test hook); written: "
            "'etc/sysctl.d/10-a.conf'; not written: 'etc/sysctl.d/20-b.conf', 'etc/sysctl.d/30-c.conf'");
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 2\n");
  EXPECT_EQ(Read("etc/sysctl.d/20-b.conf"), "b = 1\n");
  EXPECT_FALSE(std::filesystem::exists(dir_ / "etc/sysctl.d/30-c.conf"));
  EXPECT_TRUE(Temps("etc/sysctl.d").empty());
}

TEST_F(WriteFixesTest, RemovesTemporaryFilesLeftByAKilledRun) {
  std::ofstream(dir_ / "etc/sysctl.d/.10-a.conf.synlint-tmp-abc123") << "half\n";
  std::ofstream(dir_ / "etc/sysctl.d/.20-b.conf.synlint-tmp-def456") << "in use\n";
  const int busy = open((dir_ / "etc/sysctl.d/.20-b.conf.synlint-tmp-def456").c_str(), O_RDONLY);
  ASSERT_EQ(flock(busy, LOCK_EX), 0);  // a run still writing it
  DiskFileSystem fs(dir_.string());
  std::string err;
  ::testing::internal::CaptureStderr();
  ASSERT_TRUE(WriteFixes(fs, EditA(), &err)) << err;
  EXPECT_EQ(::testing::internal::GetCapturedStderr(),
            "synlint: removed 'etc/sysctl.d/.10-a.conf.synlint-tmp-abc123', a temporary file left by an "
            "interrupted synlint run\n");
  EXPECT_EQ(Temps("etc/sysctl.d"), std::vector<std::string>{".20-b.conf.synlint-tmp-def456"});
  close(busy);
}

TEST_F(WriteFixesTest, SigtermDuringTheWriteRemovesTemporaryFiles) {
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    SetWriteStepHookForTest([](std::string_view step, const std::string&) {
      if (step == "temp-written") raise(SIGTERM);
      return true;
    });
    DiskFileSystem fs(dir_.string());
    std::string err;
    WriteFixes(fs, EditA(), &err);
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGTERM);
  EXPECT_TRUE(Temps("etc/sysctl.d").empty());
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 1\n");
}

// Defect 6: chmod before chown dropped setuid/setgid; owner, group and
// extended attributes (ACLs are one) are kept too.
TEST_F(WriteFixesTest, KeepsModeOwnerAndExtendedAttributes) {
  const std::string file = (dir_ / "etc/sysctl.d/10-a.conf").string();
  const bool root = geteuid() == 0;
  if (root) {
    ASSERT_EQ(chown(file.c_str(), 1234, 2345), 0);
  }
  ASSERT_EQ(chmod(file.c_str(), 02775), 0);
  const bool xattrs = setxattr(file.c_str(), "user.synlint", "kept", 4, 0) == 0;
  // An access ACL as the kernel stores it (version 2, then tag, perm, id):
  // user::rwx user:1234:rw- group::rwx mask::rwx other::r-x, which mode 2775 leaves as is.
  const uint8_t kAcl[] = {2, 0, 0, 0,                                 //
                          0x01, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,      // ACL_USER_OBJ
                          0x02, 0, 6, 0, 0xd2, 0x04, 0, 0,            // ACL_USER 1234
                          0x04, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,      // ACL_GROUP_OBJ
                          0x10, 0, 7, 0, 0xff, 0xff, 0xff, 0xff,      // ACL_MASK
                          0x20, 0, 5, 0, 0xff, 0xff, 0xff, 0xff};     // ACL_OTHER
  const bool acl = setxattr(file.c_str(), "system.posix_acl_access", kAcl, sizeof kAcl, 0) == 0;
  if (acl) {
    ASSERT_EQ(chmod(file.c_str(), 02775), 0);  // setting an ACL may clear setgid
  }
  DiskFileSystem fs(dir_.string());
  std::string err;
  ASSERT_TRUE(WriteFixes(fs, EditA(), &err)) << err;
  struct stat st;
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 02775u);
  if (root) {
    EXPECT_EQ(st.st_uid, 1234u);
    EXPECT_EQ(st.st_gid, 2345u);
  }
  if (xattrs) {
    char value[16] = {};
    EXPECT_EQ(getxattr(file.c_str(), "user.synlint", value, sizeof value), 4);
    EXPECT_STREQ(value, "kept");
  }
  if (acl) {
    uint8_t value[sizeof kAcl] = {};
    EXPECT_EQ(getxattr(file.c_str(), "system.posix_acl_access", value, sizeof value),
              static_cast<ssize_t>(sizeof kAcl));
    EXPECT_EQ(std::string(value, value + sizeof value), std::string(kAcl, kAcl + sizeof kAcl));
  }
  EXPECT_EQ(Read("etc/sysctl.d/10-a.conf"), "a = 2\n");
}

}  // namespace
}  // namespace synlint::cli
