// SPDX-License-Identifier: MIT
#include "linter/config/host_tree.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "model/host.h"
#include "test_repo.h"

namespace synlint {
namespace {

using testing_util::KnownRules;
using testing_util::TestRepo;
using Lines = std::vector<std::string>;

const std::string kRepo = std::string(SYNLINT_SOURCE_DIR) + "/fixtures/config/repo";

std::string X(size_t n) { return std::string(n, 'X'); }

Config LoadOrDie(const std::string& dir) {
  Config c;
  std::vector<ConfigError> errors;
  EXPECT_TRUE(LoadConfig(dir + "/.synlint.yaml", KnownRules(), &c, &errors));
  for (const ConfigError& e : errors) ADD_FAILURE() << e.ToString();
  return c;
}

std::unique_ptr<HostTreeFileSystem> Tree(const Config& c, const std::string& host) {
  std::vector<ConfigError> errors;
  auto tree = BuildHostTree(c, *c.FindHost(host), &errors);
  for (const ConfigError& e : errors) ADD_FAILURE() << e.ToString();
  return tree;
}

/// "virtual -> repository" for every file of the tree.
void Dump(const HostTreeFileSystem& fs, const std::string& dir, Lines* out) {
  std::vector<std::string> names = fs.ListDir(dir);
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    const std::string path = JoinPath(dir, name);
    if (fs.Lstat(path).kind == NodeKind::kDirectory) {
      Dump(fs, path, out);
    } else {
      out->push_back(path + " -> " + fs.ToRepoPath(path));
    }
  }
}

TEST(HostTree, MapsFileListsIntoAnEtcTree) {
  const Config c = LoadOrDie(kRepo);
  auto tree = Tree(c, "edge");
  Lines files;
  Dump(*tree, "", &files);
  EXPECT_EQ(Lines({
                "etc/nginx/conf.d/extra-nginx.conf -> roles/edge/files/extra-nginx.conf",
                "etc/nginx/nginx.conf -> roles/edge/templates/nginx.conf.j2",
                "etc/nginx/sites/app.conf -> roles/edge/templates/sites/app.conf.j2",
                "etc/nginx/snippets/keepalive.conf -> roles/edge/templates/snippets/keepalive.conf",
                "etc/sysctl.conf -> roles/edge/files/sysctl.conf",
                "etc/sysctl.d/10-edge.conf -> roles/edge/files/sysctl.d/10-edge.conf",
                "etc/sysctl.d/20-edge.conf -> roles/edge/files/sysctl.d/20-edge.conf.j2",
                "etc/systemd/system/web.socket -> roles/edge/files/web.socket",
                "etc/systemd/system/web.socket.d/10-backlog.conf -> "
                "roles/edge/files/web.socket.d/10-backlog.conf",
            }),
            files);
  EXPECT_EQ(NodeKind::kDirectory, tree->Lstat("etc").kind);
  EXPECT_EQ(NodeKind::kMissing, tree->Lstat("etc/nginx/nginx.conf.j2").kind);  // shown as nginx.conf only
  EXPECT_EQ(NodeKind::kMissing, tree->Lstat("usr").kind);
  EXPECT_EQ("usr/lib/x", tree->ToRepoPath("usr/lib/x"));
}

TEST(HostTree, RelativeNginxIncludesAndTheHostModel) {
  const Config c = LoadOrDie(kRepo);
  auto tree = Tree(c, "edge");
  HostOptions options;
  options.kernel = c.kernel;
  auto host = LoadHost(*tree, options);
  Lines read = host->files_read;
  std::sort(read.begin(), read.end());
  EXPECT_EQ(Lines({"etc/nginx/conf.d/extra-nginx.conf", "etc/nginx/nginx.conf", "etc/nginx/sites/app.conf",
                   "etc/nginx/snippets/keepalive.conf", "etc/sysctl.conf", "etc/sysctl.d/10-edge.conf",
                   "etc/sysctl.d/20-edge.conf", "etc/systemd/system/web.socket",
                   "etc/systemd/system/web.socket.d/10-backlog.conf"}),
            read);
}

TEST(HostTree, ServesTemplatesMasked) {
  const Config c = LoadOrDie(kRepo);
  auto tree = Tree(c, "edge");
  std::string text, err;
  ASSERT_TRUE(tree->ReadFile("etc/sysctl.d/20-edge.conf", &text, &err));
  EXPECT_EQ("net.core.somaxconn = " + X(20) + "\n" + std::string(21, ' ') +
                "\nnet.ipv4.tcp_synack_retries = " + X(18) + "\n" + std::string(11, ' ') + "\n",
            text);
  EXPECT_EQ(tree->Lstat("etc/sysctl.d/20-edge.conf").size, text.size());
  EXPECT_TRUE(tree->IsTemplate("etc/sysctl.d/20-edge.conf"));
  EXPECT_TRUE(tree->SpanTouchesTemplate("etc/sysctl.d/20-edge.conf", {21, 41}));
  EXPECT_TRUE(tree->SpanTouchesTemplate("etc/sysctl.d/20-edge.conf", {40, 40}));
  EXPECT_FALSE(tree->SpanTouchesTemplate("etc/sysctl.d/20-edge.conf", {0, 18}));
  EXPECT_FALSE(tree->SpanTouchesTemplate("etc/sysctl.d/20-edge.conf", {41, 41}));
  // The key on the line of a masked value is judged on it; a file without
  // templates never is.
  EXPECT_TRUE(tree->LineTouchesTemplate("etc/sysctl.d/20-edge.conf", {0, 18}));
  EXPECT_FALSE(tree->LineTouchesTemplate("etc/sysctl.d/10-edge.conf", {0, 5}));
  // Not a .j2 name, but it holds "{{".
  ASSERT_TRUE(tree->ReadFile("etc/sysctl.conf", &text, &err));
  EXPECT_EQ("# " + X(21) + "\nnet.core.somaxconn = 8192\n", text);
  EXPECT_TRUE(tree->IsTemplate("etc/sysctl.conf"));
  EXPECT_FALSE(tree->IsTemplate("etc/sysctl.d/10-edge.conf"));
  EXPECT_FALSE(tree->SpanTouchesTemplate("etc/sysctl.d/10-edge.conf", {0, 5}));
  EXPECT_FALSE(tree->ReadFile("etc/nope.conf", &text, &err));
  EXPECT_EQ("No such file or directory", err);
}

TEST(HostTree, RootHost) {
  const Config c = LoadOrDie(kRepo);
  auto tree = Tree(c, "web");
  Lines files;
  Dump(*tree, "", &files);
  EXPECT_EQ(Lines({"etc/sysctl.conf -> hosts/web/etc/sysctl.conf",
                   "etc/sysctl.d/10-net.conf -> hosts/web/etc/sysctl.d/10-net.conf"}),
            files);
  std::string text, err;
  ASSERT_TRUE(tree->ReadFile("etc/sysctl.conf", &text, &err));
  EXPECT_EQ("net.core.somaxconn = 4096\n", text);
}

TEST(HostTree, SymlinksInARootStayInsideIt) {
  TestRepo repo;
  repo.Write("hosts/a/etc/sysctl.conf", "net.core.somaxconn = 1\n");
  repo.Write("hosts/a/etc/sysctl.d/.keep", "");
  std::filesystem::create_symlink("../sysctl.conf", repo.dir() + "/hosts/a/etc/sysctl.d/99-sysctl.conf");
  std::filesystem::create_symlink("/etc/sysctl.conf", repo.dir() + "/hosts/a/etc/abs.conf");
  repo.Write(".synlint.yaml", "hosts:\n  a: {root: hosts/a}\n");
  const Config c = LoadOrDie(repo.dir());
  auto tree = Tree(c, "a");
  EXPECT_EQ(NodeKind::kSymlink, tree->Lstat("etc/sysctl.d/99-sysctl.conf").kind);
  const Resolved r = Resolve(*tree, "etc/sysctl.d/99-sysctl.conf");
  EXPECT_EQ(Resolved::Status::kOk, r.status);
  EXPECT_EQ("etc/sysctl.conf", r.path);
  EXPECT_EQ("etc/sysctl.conf", Resolve(*tree, "etc/abs.conf").path);  // absolute: inside the root
}

TEST(HostTree, WritesGoToTheRepositoryWithTemplateTextRestored) {
  TestRepo repo;
  repo.CopyFrom(kRepo);
  const Config c = LoadOrDie(repo.dir());
  auto tree = Tree(c, "edge");
  const std::string original = repo.Read("roles/edge/templates/nginx.conf.j2");
  std::string masked, err;
  ASSERT_TRUE(tree->ReadFile("etc/nginx/nginx.conf", &masked, &err));
  EXPECT_EQ("# " + X(21) + "\nworker_processes " + X(19) +
                ";\nevents { worker_connections 1024; }\nhttp {\n    include conf.d/*.conf;\n    include "
                "snippets/*.conf;\n"
                "    include sites/*.conf;\n}\n",
            masked);

  // A change on a line without template text is carried over.
  std::string fixed = masked;
  fixed.replace(fixed.find("1024"), 4, "4096");
  fixed += "# added\n";
  ASSERT_TRUE(tree->WriteFile("etc/nginx/nginx.conf", fixed, 0644, &err)) << err;
  EXPECT_EQ(
      "# {{ ansible_managed }}\nworker_processes {{ nginx_workers }};\nevents { worker_connections 4096; }\n"
      "http {\n    include conf.d/*.conf;\n    include snippets/*.conf;\n    include sites/*.conf;\n}\n# "
      "added\n",
      repo.Read("roles/edge/templates/nginx.conf.j2"));
  ASSERT_NE(original, repo.Read("roles/edge/templates/nginx.conf.j2"));

  // A change to a line with template text is refused.
  ASSERT_TRUE(tree->ReadFile("etc/nginx/nginx.conf", &masked, &err));
  std::string bad = masked;
  bad.replace(bad.find("worker_processes"), 16 + 1 + 19, "worker_processes 4");
  EXPECT_FALSE(tree->WriteFile("etc/nginx/nginx.conf", bad, 0644, &err));
  EXPECT_EQ(
      "'roles/edge/templates/nginx.conf.j2': a fix would change template text on line 2; change it by hand",
      err);
  std::string shown;
  EXPECT_FALSE(tree->ToRepoContents("etc/nginx/nginx.conf", bad, &shown, &err));
  EXPECT_TRUE(tree->ToRepoContents("etc/nginx/nginx.conf", masked, &shown, &err));
  EXPECT_EQ(repo.Read("roles/edge/templates/nginx.conf.j2"), shown);
}

TEST(HostTree, NewFilesGoBesideTheMappedOnes) {
  TestRepo repo;
  repo.CopyFrom(kRepo);
  const Config c = LoadOrDie(repo.dir());
  auto tree = Tree(c, "edge");
  EXPECT_EQ("roles/edge/files/sysctl.d/90-synlint.conf", tree->ToRepoPath("etc/sysctl.d/90-synlint.conf"));
  std::string err;
  ASSERT_TRUE(tree->WriteFile("etc/sysctl.d/90-synlint.conf", "net.core.somaxconn = 4096\n", 0644, &err))
      << err;
  EXPECT_EQ("net.core.somaxconn = 4096\n", repo.Read("roles/edge/files/sysctl.d/90-synlint.conf"));
  EXPECT_EQ(Lines({"10-edge.conf", "20-edge.conf", "90-synlint.conf"}), tree->ListDir("etc/sysctl.d"));
  EXPECT_FALSE(tree->WriteFile("etc/apache2/x.conf", "", 0644, &err));
  EXPECT_EQ("no repository file or directory corresponds to 'etc/apache2/x.conf'", err);
  // Inside a mapped directory a new file lands in the repository directory.
  EXPECT_EQ("roles/edge/templates/conf.d/new.conf", tree->ToRepoPath("etc/nginx/conf.d/new.conf"));
}

TEST(HostTree, TwoFilesForOnePlace) {
  TestRepo repo;
  repo.Write("a/x.conf", "");
  repo.Write("b/x.conf.j2", "");
  repo.Write("c/tuning", "");
  repo.Write(".synlint.yaml",
             "hosts:\n"
             "  h:\n"
             "    sysctl:\n"
             "      - a/x.conf\n"
             "      - b/x.conf.j2\n"
             "      - c/tuning\n");
  const Config c = LoadOrDie(repo.dir());
  std::vector<ConfigError> errors;
  auto tree = BuildHostTree(c, c.hosts[0], &errors);
  ASSERT_EQ(1u, errors.size());
  EXPECT_EQ(repo.dir() + "/.synlint.yaml:5:9: 'a/x.conf' and 'b/x.conf.j2' both map to 'etc/sysctl.d/x.conf'",
            errors[0].ToString());
  Lines files;
  Dump(*tree, "", &files);
  EXPECT_EQ(Lines({"etc/sysctl.d/tuning.conf -> c/tuning", "etc/sysctl.d/x.conf -> a/x.conf"}), files);
}

}  // namespace
}  // namespace synlint
