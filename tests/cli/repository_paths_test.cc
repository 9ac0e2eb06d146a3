// SPDX-License-Identifier: MIT
// In a repository (.synlint.yaml hosts), every path a user sees is the
// repository path (issue #20, leftover (a)): SL002's quoted include and its
// include-cycle chains as well as locations, in text and JSON, and `show`
// and `explain` too. One root host and one host assembled from files, each
// with nginx and Apache configs holding a missing include and an include
// cycle. Drives the built binary.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace stdfs = std::filesystem;

class RepositoryPaths : public ::testing::Test {
 protected:
  void SetUp() override {
    Put(".synlint.yaml",
        "hosts:\n"
        "  web:\n"
        "    root: hosts/web\n"
        "  edge:\n"
        "    nginx: [roles/edge/nginx/nginx.conf]\n"
        "    apache: [roles/edge/apache/apache2.conf]\n");
    const std::string nginx =
        "events {}\nhttp {\n  server { listen 8080 backlog=1024; }\n  include missing.conf;\n  include %a.conf;\n}\n";
    Put("hosts/web/etc/nginx/nginx.conf", Replace(nginx, "loop/"));
    Put("hosts/web/etc/nginx/loop/a.conf", "include loop/b.conf;\n");
    Put("hosts/web/etc/nginx/loop/b.conf", "include loop/a.conf;\n");
    Put("hosts/web/etc/apache2/apache2.conf", "Listen 8081\nInclude missing.conf\nInclude cyc/a.conf\n");
    Put("hosts/web/etc/apache2/cyc/a.conf", "Include cyc/b.conf\n");
    Put("hosts/web/etc/apache2/cyc/b.conf", "Include cyc/a.conf\n");
    Put("hosts/web/etc/sysctl.d/10-net.conf", "net.core.somaxconn = 4096\n");
    Put("roles/edge/nginx/nginx.conf", Replace(nginx, ""));
    Put("roles/edge/nginx/a.conf", "include b.conf;\n");
    Put("roles/edge/nginx/b.conf", "include a.conf;\n");
    Put("roles/edge/apache/apache2.conf", "Listen 8081\nInclude missing.conf\nInclude a.conf\n");
    Put("roles/edge/apache/a.conf", "Include b.conf\n");
    Put("roles/edge/apache/b.conf", "Include a.conf\n");
  }
  static std::string Replace(std::string text, const std::string& dir) {
    text.replace(text.find('%'), 1, dir);
    return text;
  }
  void Put(const std::string& rel, const std::string& text) {
    const stdfs::path p = stdfs::path(repo()) / rel;
    stdfs::create_directories(p.parent_path());
    ASSERT_TRUE(WriteFile(p.string(), text));
  }
  std::string repo() const { return dir_.path() + "/repo"; }
  CommandResult Run(const std::string& args) { return RunShell(Quote(SYNLINT_BIN) + " " + args, repo()); }
  /// No host-tree path (etc/...) starts a word, a quote or a chain item, and no absolute path is shown.
  void ExpectNoLeak(const CommandResult& r) {
    for (const char* leak : {" etc/", "'etc/", "\"etc/", "(etc/", "/repo/"})
      EXPECT_EQ(r.out.find(leak), std::string::npos) << leak << "\n" << Describe(r);
  }
  TempDir dir_;
};

TEST_F(RepositoryPaths, LoadFindingsQuoteRepositoryPaths) {
  const CommandResult r = Run("check --format gcc --fail-on never");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out,
            "hosts/web/etc/apache2/apache2.conf:2:1: error: 'hosts/web/etc/apache2/missing.conf': no such file or "
            "directory [SL002]\n"
            "hosts/web/etc/apache2/cyc/b.conf:1:1: error: 'hosts/web/etc/apache2/cyc/a.conf': include cycle "
            "(hosts/web/etc/apache2/cyc/a.conf -> hosts/web/etc/apache2/cyc/b.conf -> "
            "hosts/web/etc/apache2/cyc/a.conf) [SL002]\n"
            "hosts/web/etc/nginx/loop/b.conf:1:1: error: 'hosts/web/etc/nginx/loop/a.conf': include cycle: "
            "hosts/web/etc/nginx/loop/a.conf -> hosts/web/etc/nginx/loop/b.conf -> hosts/web/etc/nginx/loop/a.conf "
            "[SL002]\n"
            "hosts/web/etc/nginx/nginx.conf:4:3: error: 'hosts/web/etc/nginx/missing.conf': included file does "
            "not exist [SL002]\n"
            "roles/edge/apache/apache2.conf:2:1: error: 'roles/edge/apache/missing.conf': no such file or "
            "directory [SL002]\n"
            "roles/edge/apache/b.conf:1:1: error: 'roles/edge/apache/a.conf': include cycle "
            "(roles/edge/apache/a.conf -> roles/edge/apache/b.conf -> roles/edge/apache/a.conf) [SL002]\n"
            "roles/edge/nginx/b.conf:1:1: error: 'roles/edge/nginx/a.conf': include cycle: roles/edge/nginx/a.conf "
            "-> roles/edge/nginx/b.conf -> roles/edge/nginx/a.conf [SL002]\n"
            "roles/edge/nginx/nginx.conf:4:3: error: 'roles/edge/nginx/missing.conf': included file does not "
            "exist [SL002]\n")
      << Describe(r);
  ExpectNoLeak(r);
  const CommandResult json = Run("check --format json --fail-on never");
  EXPECT_NE(json.out.find("\"'roles/edge/nginx/missing.conf': included file does not exist\""), std::string::npos)
      << Describe(json);
  ExpectNoLeak(json);
  // --root: the host alone, with root-relative paths everywhere.
  const CommandResult root = Run("check --format gcc --fail-on never --root hosts/web");
  EXPECT_NE(root.out.find("etc/nginx/nginx.conf:4:3: error: 'etc/nginx/missing.conf': included file does not "
                          "exist [SL002]\n"),
            std::string::npos)
      << Describe(root);
  EXPECT_EQ(root.out.find("hosts/web"), std::string::npos) << Describe(root);
}

TEST_F(RepositoryPaths, ShowAndExplainNameRepositoryPaths) {
  CommandResult r = Run("show --host web");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  for (const char* line : {"  hosts/web/etc/sysctl.d/10-net.conf\n",
                           "  net.core.somaxconn = 4096  hosts/web/etc/sysctl.d/10-net.conf:1",
                           "  nginx 8080  declared at hosts/web/etc/nginx/nginx.conf:3\n",
                           "    requested backlog=1024 (hosts/web/etc/nginx/nginx.conf:3)\n",
                           "  apache2 8081  declared at hosts/web/etc/apache2/apache2.conf:1\n"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << "\n" << Describe(r);
  ExpectNoLeak(r);
  r = Run("show --host edge --format json");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("\"path\": \"roles/edge/nginx/nginx.conf\""), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("\"path\": \"roles/edge/apache/b.conf\""), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("\"file\": \"roles/edge/nginx/nginx.conf\""), std::string::npos) << Describe(r);
  ExpectNoLeak(r);
  r = Run("explain 8080 --host edge");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "nginx listening on 8080 (declared at roles/edge/nginx/nginx.conf:3), Linux 6.1 (default)");
  EXPECT_NE(r.out.find("set at roles/edge/nginx/nginx.conf:3"), std::string::npos) << Describe(r);
  ExpectNoLeak(r);
}

}  // namespace
}  // namespace synlint::testing
