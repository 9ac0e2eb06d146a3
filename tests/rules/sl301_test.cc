// SPDX-License-Identifier: MIT
// SL301 needs two versions of a host: a git repository with a commit.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "linter/engine/fixer.h"
#include "linter/git_file_system.h"

namespace synlint {
namespace {

namespace fs = std::filesystem;

void Write(const fs::path& p, const std::string& text) {
  fs::create_directories(p.parent_path());
  std::ofstream(p) << text;
}

int Sh(const std::string& cmd) { return std::system(cmd.c_str()); }

class ChangedSinceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("synlint-sl301-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 128\n");
    Write(dir_ / "hosts/web/etc/nginx/nginx.conf",
          "events { }\nhttp {\n  server { listen 80; }\n  server { listen 81 backlog=256; }\n}\n");
    ASSERT_EQ(Sh("cd " + dir_.string() +
                 " && git init -q && git add -A && git -c user.name=t -c user.email=t@t commit -qm base"),
              0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<Finding> Check() {
    std::string err;
    const std::string root = (dir_ / "hosts/web").string();
    auto git = GitFileSystem::Open(root, "HEAD", &err);
    EXPECT_NE(git, nullptr) << err;
    HostOptions o;
    o.kernel = KernelVersion{6, 1};
    auto baseline = LoadHost(*git, o);
    o.baseline = baseline.get();
    o.baseline_rev = "HEAD";
    DiskFileSystem disk(root);
    std::vector<Finding> out;
    for (Finding& f : Lint(disk, o, FixOptions{}, [](Finding& f) { return f.rule == "SL301"; }).findings)
      out.push_back(f);
    return out;
  }

  fs::path dir_;
};

TEST_F(ChangedSinceTest, RaisedSomaxconnNeedsANginxRestart) {
  Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 4096\n");
  const auto findings = Check();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.file, "etc/sysctl.d/60-net.conf");
  EXPECT_EQ(findings[0].message,
            "'net.core.somaxconn' changed since HEAD (128 -> 4096); it is read only when a socket "
            "starts listening, so after applying the sysctl files run 'systemctl restart nginx'");
  ASSERT_EQ(findings[0].related.size(), 2u);
  EXPECT_EQ(findings[0].related[0].note, "nginx 80: accept queue 128 -> 511");
  EXPECT_EQ(findings[0].related[1].note, "nginx 81: accept queue 128 -> 256");
}

TEST_F(ChangedSinceTest, LoweredSomaxconnShrinksListenersAfterRestart) {
  Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 100\n");
  ASSERT_EQ(Sh("cd " + dir_.string() + " && git -c user.name=t -c user.email=t@t commit -qam low"), 0);
  Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 90\n");
  const auto findings = Check();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kWarning);  // both listeners shrink from 100 to 90
}

TEST_F(ChangedSinceTest, ChangedBacklogNeedsOnlyAReload) {
  Write(dir_ / "hosts/web/etc/nginx/nginx.conf",
        "events { }\nhttp {\n  server { listen 80; }\n  server { listen 81 backlog=100; }\n}\n");
  const auto findings = Check();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].location.start.line, 4u);
  EXPECT_NE(findings[0].message.find("apply it with 'systemctl reload nginx'"), std::string::npos)
      << findings[0].message;
}

TEST_F(ChangedSinceTest, ARaiseNoListenerCanUseIsInfo) {
  Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\n");
  ASSERT_EQ(Sh("cd " + dir_.string() + " && git -c user.name=t -c user.email=t@t commit -qam mid"), 0);
  Write(dir_ / "hosts/web/etc/sysctl.d/60-net.conf", "net.core.somaxconn = 2048\n");
  const auto findings = Check();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].severity, Severity::kInfo);
  EXPECT_NE(findings[0].message.find("no listener found here changes"), std::string::npos);
}

TEST_F(ChangedSinceTest, NoChangeNoFinding) { EXPECT_TRUE(Check().empty()); }

TEST(GitFileSystem, RefusesADirectoryOutsideGit) {
  std::string err;
  EXPECT_EQ(GitFileSystem::Open("/", "HEAD", &err), nullptr);
  EXPECT_NE(err.find("not inside a git work tree"), std::string::npos) << err;
}

}  // namespace
}  // namespace synlint
