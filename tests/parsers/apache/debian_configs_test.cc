// SPDX-License-Identifier: MIT
// Debian's real /etc/apache2, unpacked by fetch_debian_configs.sh into
// BUILD_DIR/debian-configs/apache2.
//
// The .deb ships mods-available/, conf-available/ and sites-available/ but
// leaves mods-enabled/, conf-enabled/ and sites-enabled/ empty: apache2's
// postinst fills them on a fresh install with a2enmod/a2enconf/a2ensite.
// EnabledFs below adds the symlinks postinst would create (the lists are
// those of bookworm's apache2.postinst: enable_default_mpm,
// enable_default_modules, enable_default_conf, install_default_site), plus
// the "# Depends:" closure a2enmod follows, without touching the unpacked
// tree.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "core/file_system.h"
#include "parsers/apache/extract.h"
#include "parsers/apache/parser.h"

namespace synlint::apache {
namespace {

constexpr const char* kDefaultModules[] = {
    "mpm_event",   "authz_host", "auth_basic", "access_compat", "authn_file",
    "authz_user",  "alias",      "dir",        "autoindex",     "env",
    "mime",        "negotiation", "setenvif",  "filter",        "deflate",
    "status",      "reqtimeout",
};
constexpr const char* kDefaultConf[] = {
    "charset", "localized-error-pages", "other-vhosts-access-log", "security",
    "serve-cgi-bin",
};

// The unpacked tree plus the symlinks that postinst would create.
class EnabledFs : public FileSystem {
 public:
  explicit EnabledFs(const std::string& root) : disk_(root) {}
  void Link(const std::string& path, const std::string& target) { links_[path] = target; }

  NodeStat Lstat(const std::string& path) const override {
    if (links_.count(path)) {
      NodeStat st;
      st.kind = NodeKind::kSymlink;
      return st;
    }
    return disk_.Lstat(path);
  }
  bool ReadLink(const std::string& path, std::string* target) const override {
    auto it = links_.find(path);
    if (it == links_.end()) return disk_.ReadLink(path, target);
    *target = it->second;
    return true;
  }
  bool ReadFile(const std::string& path, std::string* contents,
                std::string* err) const override {
    return disk_.ReadFile(path, contents, err);
  }
  std::vector<std::string> ListDir(const std::string& path) const override {
    std::vector<std::string> names = disk_.ListDir(path);
    for (const auto& [link, target] : links_) {
      if (DirName(link) == path) names.emplace_back(BaseName(link));
    }
    return names;
  }
  bool WriteFile(const std::string&, std::string_view, uint32_t,
                 std::string* err) override {
    *err = "read-only";
    return false;
  }
  std::string Describe() const override { return disk_.Describe(); }

 private:
  DiskFileSystem disk_;
  std::map<std::string, std::string> links_;
};

std::string Root() {
  return std::string(SYNLINT_BINARY_DIR) + "/debian-configs/apache2";
}

bool HaveTree() {
  return std::filesystem::exists(Root() + "/etc/apache2/apache2.conf");
}

#define SKIP_WITHOUT_TREE()                                                      \
  if (!HaveTree()) {                                                             \
    GTEST_SKIP() << "Debian's apache2 config is not unpacked in " << Root()      \
                 << "; run tests/parsers/apache/fetch_debian_configs.sh "        \
                 << SYNLINT_BINARY_DIR;                                          \
  }

// a2enmod: enable NAME.load (and NAME.conf when shipped) after its
// "# Depends:" modules.
void EnableModule(EnabledFs& fs, const std::string& name, std::set<std::string>* done) {
  if (!done->insert(name).second) return;
  const std::string base = "etc/apache2/mods-available/" + name;
  std::string load, err;
  ASSERT_TRUE(fs.ReadFile(base + ".load", &load, &err)) << name;
  const size_t at = load.find("# Depends:");
  if (at != std::string::npos) {
    const size_t eol = load.find('\n', at);
    std::string deps = load.substr(at + 10, eol - at - 10);
    size_t i = 0;
    while (i < deps.size()) {
      while (i < deps.size() && (deps[i] == ' ' || deps[i] == '\t')) ++i;
      size_t j = i;
      while (j < deps.size() && deps[j] != ' ' && deps[j] != '\t') ++j;
      if (j > i) EnableModule(fs, deps.substr(i, j - i), done);
      i = j;
    }
  }
  fs.Link("etc/apache2/mods-enabled/" + name + ".load",
          "../mods-available/" + name + ".load");
  if (fs.Lstat(base + ".conf").kind == NodeKind::kRegular) {
    fs.Link("etc/apache2/mods-enabled/" + name + ".conf",
            "../mods-available/" + name + ".conf");
  }
}

void EnableDebianDefaults(EnabledFs& fs) {
  std::set<std::string> done;
  for (const char* m : kDefaultModules) EnableModule(fs, m, &done);
  for (const char* c : kDefaultConf) {
    fs.Link(std::string("etc/apache2/conf-enabled/") + c + ".conf",
            std::string("../conf-available/") + c + ".conf");
  }
  fs.Link("etc/apache2/sites-enabled/000-default.conf",
          "../sites-available/000-default.conf");
}

TEST(ApacheDebianConfigs, DefaultInstallLoadsCleanly) {
  SKIP_WITHOUT_TREE();
  EnabledFs fs(Root());
  EnableDebianDefaults(fs);
  SourceSet sources(fs);
  const std::optional<ServiceFacts> facts = LoadApacheService(sources);
  ASSERT_TRUE(facts.has_value());
  std::string problems;
  for (const Finding& f : facts->findings) {
    problems += f.rule + " " + f.location.file + ":" +
                std::to_string(f.location.start.line) + ": " + f.message + "\n";
  }
  EXPECT_EQ("", problems);
  EXPECT_EQ("apache2", facts->service);
  ASSERT_EQ(1u, facts->listeners.size());  // ssl_module is not enabled
  EXPECT_EQ("*", facts->listeners[0].host);
  EXPECT_EQ(80u, facts->listeners[0].port);
  EXPECT_EQ("etc/apache2/ports.conf", facts->listeners[0].declared_at.file);
  EXPECT_EQ("event", facts->limits.at("mpm").text);
  EXPECT_EQ(150, facts->limits.at("MaxRequestWorkers").value);
  EXPECT_EQ("etc/apache2/mods-available/mpm_event.conf",
            facts->limits.at("MaxRequestWorkers").location.file);
  EXPECT_GE(facts->files.size(), 30u);
  EXPECT_EQ("etc/apache2/envvars", facts->files[0].first);
  EXPECT_TRUE(facts->outbound_connects.empty());
}

TEST(ApacheDebianConfigs, EveryShippedFileParsesAndRoundTrips) {
  SKIP_WITHOUT_TREE();
  size_t count = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(
           Root() + "/etc/apache2")) {
    const std::string name = e.path().filename().string();
    if (!e.is_regular_file() || name == "envvars" || name == "magic") continue;
    SCOPED_TRACE(e.path().string());
    DiskFileSystem disk("/");
    std::string text, err;
    ASSERT_TRUE(disk.ReadFile(e.path().string().substr(1), &text, &err)) << err;
    const ParseResult r = Parse(text);
    EXPECT_TRUE(TokensCover(r.tokens, text));
    EXPECT_TRUE(r.errors.empty()) << r.errors[0].message;
    ++count;
  }
  EXPECT_GE(count, 100u);
}

TEST(ApacheDebianConfigs, SslSiteAddsThe443Listener) {
  SKIP_WITHOUT_TREE();
  EnabledFs fs(Root());
  EnableDebianDefaults(fs);
  std::set<std::string> done{"mpm_event"};
  EnableModule(fs, "ssl", &done);
  fs.Link("etc/apache2/sites-enabled/default-ssl.conf",
          "../sites-available/default-ssl.conf");
  SourceSet sources(fs);
  const std::optional<ServiceFacts> facts = LoadApacheService(sources);
  ASSERT_TRUE(facts.has_value());
  EXPECT_TRUE(facts->findings.empty()) << facts->findings[0].message;
  ASSERT_EQ(2u, facts->listeners.size());
  EXPECT_EQ(443u, facts->listeners[1].port);
  EXPECT_EQ("https", facts->listeners[1].extra.at("protocol"));
}

}  // namespace
}  // namespace synlint::apache
