// WriteFixes checks the disk as it is when it writes, not as it was read.
#include "linter/cli/write_fixes.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace synlint::cli {
namespace {

class WriteFixesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/synlint-wf-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
    std::filesystem::create_directories(dir_ / "etc/sysctl.d");
    std::ofstream(dir_ / "etc/sysctl.d/10-a.conf") << "a = 1\n";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Read(const std::string& rel) const {
    std::ifstream in(dir_ / rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::filesystem::path dir_;
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

}  // namespace
}  // namespace synlint::cli
