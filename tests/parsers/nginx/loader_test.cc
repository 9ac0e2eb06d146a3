// SPDX-License-Identifier: MIT
#include "parsers/nginx/loader.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>

#include "core/file_system.h"

namespace synlint::nginx {
namespace {

std::string Findings(const NginxConfig& c) {
  std::string out;
  for (const Finding& f : c.findings) {
    if (!out.empty()) out += '\n';
    out += f.rule + " " + f.location.file + ":" + std::to_string(f.location.start.line) + ":" +
           std::to_string(f.location.start.column) + ": " + f.message;
  }
  return out;
}

std::string Files(const NginxConfig& c) {
  std::string out;
  for (const NginxFile& f : c.files) out += (out.empty() ? "" : " ") + f.source->path;
  return out;
}

/// Names of the directives in the order WalkConfig visits them.
class NameCollector : public ConfigVisitor {
 public:
  bool Enter(const WalkItem& item) override {
    names += (names.empty() ? "" : " ") + std::string(item.name);
    return true;
  }
  void Leave(const WalkItem& item) override { names += " /" + std::string(item.name); }
  std::string names;
};

std::string Walk(const NginxConfig& c) {
  NameCollector v;
  WalkConfig(c, v);
  return v.names;
}

class NginxLoader : public ::testing::Test {
 protected:
  NginxConfig Load(const std::string& main = "etc/nginx/nginx.conf",
                   const std::string& prefix = "") {
    sources_ = std::make_unique<SourceSet>(fs_);
    return LoadNginx(*sources_, main, prefix);
  }
  MemoryFileSystem fs_;
  std::unique_ptr<SourceSet> sources_;
};

TEST_F(NginxLoader, GlobIncludeInOrder) {
  fs_.AddFile("etc/nginx/nginx.conf", "http {\n  include conf.d/*.conf;\n  gzip on;\n}\n");
  fs_.AddFile("etc/nginx/conf.d/b.conf", "server { listen 81; }\n");
  fs_.AddFile("etc/nginx/conf.d/a.conf", "server { listen 80; }\n");
  fs_.AddFile("etc/nginx/conf.d/notes.txt", "not included\n");
  fs_.AddFile("etc/nginx/conf.d/.hidden.conf", "hidden;\n");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_TRUE(c.main_found);
  EXPECT_EQ("etc/nginx/conf.d", std::string(DirName("etc/nginx/conf.d/a.conf")));
  EXPECT_EQ("etc/nginx/nginx.conf etc/nginx/conf.d/a.conf etc/nginx/conf.d/b.conf", Files(c));
  ASSERT_EQ(1u, c.files[0].includes.size());
  EXPECT_EQ((std::vector<uint32_t>{1, 2}), c.files[0].includes[0].files);
  EXPECT_EQ((std::vector<uint32_t>{1, 2}), *c.files[0].IncludesOf(1));
  EXPECT_EQ(nullptr, c.files[0].IncludesOf(0));
  EXPECT_EQ("http server listen /server server listen /server gzip /http", Walk(c));
}

TEST_F(NginxLoader, EmptyGlobIsFine) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "include modules-enabled/*.conf;\nhttp { include sites/*; }\n");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("etc/nginx/nginx.conf", Files(c));
  EXPECT_TRUE(c.files[0].includes[0].files.empty());
}

TEST_F(NginxLoader, MissingIncludeIsSl002AtTheDirective) {
  fs_.AddFile("etc/nginx/nginx.conf", "events {}\nhttp {\n    include mime.types;\n}\n");
  const NginxConfig c = Load();
  EXPECT_EQ("SL002 etc/nginx/nginx.conf:3:5: 'etc/nginx/mime.types': included file does not exist",
            Findings(c));
  EXPECT_EQ((Span{21, 40}), c.findings[0].location.span);
}

TEST_F(NginxLoader, IncludeCycleIsSl002) {
  fs_.AddFile("etc/nginx/nginx.conf", "include a.conf;\n");
  fs_.AddFile("etc/nginx/a.conf", "a1;\ninclude b.conf;\n");
  fs_.AddFile("etc/nginx/b.conf", "b1;\n  include a.conf;\n");
  const NginxConfig c = Load();
  EXPECT_EQ(
      "SL002 etc/nginx/b.conf:2:3: 'etc/nginx/a.conf': include cycle: etc/nginx/a.conf -> "
      "etc/nginx/b.conf -> etc/nginx/a.conf",
      Findings(c));
  EXPECT_EQ("a1 b1", Walk(c));
}

TEST_F(NginxLoader, SelfIncludeThroughGlob) {
  fs_.AddFile("etc/nginx/nginx.conf", "include conf.d/*.conf;\n");
  fs_.AddFile("etc/nginx/conf.d/x.conf", "x;\ninclude conf.d/*.conf;\n");
  const NginxConfig c = Load();
  EXPECT_EQ(
      "SL002 etc/nginx/conf.d/x.conf:2:1: 'etc/nginx/conf.d/x.conf': include cycle: "
      "etc/nginx/conf.d/x.conf -> etc/nginx/conf.d/x.conf",
      Findings(c));
  EXPECT_EQ("x", Walk(c));
}

TEST_F(NginxLoader, AbsolutePathIsTakenInsideTheRoot) {
  fs_.AddFile("etc/nginx/nginx.conf", "http { include /etc/nginx/conf.d/*.conf; }\n");
  fs_.AddFile("etc/nginx/conf.d/site.conf", "server {}\n");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("etc/nginx/nginx.conf etc/nginx/conf.d/site.conf", Files(c));
}

TEST_F(NginxLoader, PrefixOption) {
  fs_.AddFile("srv/app/nginx.conf", "include extra.conf;\n");
  fs_.AddFile("etc/nginx/extra.conf", "extra;\n");
  NginxConfig c = Load("srv/app/nginx.conf", "etc/nginx");
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("etc/nginx", c.prefix);
  EXPECT_EQ("srv/app/nginx.conf etc/nginx/extra.conf", Files(c));
  c = Load("srv/app/nginx.conf");
  EXPECT_EQ("srv/app", c.prefix);
  EXPECT_EQ("SL002 srv/app/nginx.conf:1:1: 'srv/app/extra.conf': included file does not exist",
            Findings(c));
}

TEST_F(NginxLoader, SymlinkedSiteIsReadUnderItsRealPath) {
  fs_.AddFile("etc/nginx/nginx.conf", "http { include sites-enabled/*; }\n");
  fs_.AddFile("etc/nginx/sites-available/default", "server { listen 80; }\n");
  fs_.AddSymlink("etc/nginx/sites-enabled/default", "../sites-available/default");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("etc/nginx/nginx.conf etc/nginx/sites-available/default", Files(c));
}

TEST_F(NginxLoader, SameFileIncludedTwiceIsReadOnce) {
  fs_.AddFile(
      "etc/nginx/nginx.conf",
      "http { server { include snippets/ssl.conf; } server { include snippets/ssl.conf; } }");
  fs_.AddFile("etc/nginx/snippets/ssl.conf", "listen 443 ssl;\n");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("etc/nginx/nginx.conf etc/nginx/snippets/ssl.conf", Files(c));
  EXPECT_EQ("http server listen /server server listen /server /http", Walk(c));
}

TEST_F(NginxLoader, SyntaxErrorsInIncludedFiles) {
  fs_.AddFile("etc/nginx/nginx.conf", "include bad.conf;\n");
  fs_.AddFile("etc/nginx/bad.conf", "server {\n  listen 80\n}\n}\n");
  const NginxConfig c = Load();
  EXPECT_EQ(
      "SL001 etc/nginx/bad.conf:2:12: directive \"listen\" is not terminated by \";\"\n"
      "SL001 etc/nginx/bad.conf:4:1: unexpected \"}\"",
      Findings(c));
}

// nginx parses an included file in the context of its include
// (ngx_conf_include keeps cf->ctx and cf->cmd_type): `server` lines included
// inside `upstream` are backends, and a map's entries stay entries.
TEST_F(NginxLoader, IncludedFileIsParsedInTheIncludingBlock) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "http {\n  upstream app { include upstream.conf; }\n"
              "  map $a $b { include map.conf; }\n}\n");
  fs_.AddFile("etc/nginx/upstream.conf", "server 127.0.0.1:9000;\nserver 127.0.0.1:9001 backup;\n");
  fs_.AddFile("etc/nginx/map.conf", "default 0;\nserver {\n}\nlisten { }\n");
  const NginxConfig c = Load();
  EXPECT_EQ("", Findings(c));
  EXPECT_EQ("upstream", c.files[1].context.parent);
  EXPECT_TRUE(c.files[2].context.raw);
  EXPECT_EQ("http upstream server server /upstream map default server /server listen /listen /map /http",
            Walk(c));
}

// A file included where its lines mean something else is checked there too,
// as nginx parses it once per include.
TEST_F(NginxLoader, FileIncludedInTwoContextsIsCheckedInBoth) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "http {\n  upstream app { include backends.conf; }\n  include backends.conf;\n}\n");
  fs_.AddFile("etc/nginx/backends.conf", "server 127.0.0.1:9000;\n");
  const NginxConfig c = Load();
  EXPECT_EQ("SL001 etc/nginx/backends.conf:1:22: directive \"server\" has no opening \"{\"", Findings(c));
  // The contexts reach the files the included file includes at its top level.
  fs_.AddFile("etc/nginx/nginx.conf",
              "http {\n  upstream app { include outer.conf; }\n  server { include outer.conf; }\n}\n");
  fs_.AddFile("etc/nginx/outer.conf", "include backends.conf;\n");
  EXPECT_EQ("SL001 etc/nginx/backends.conf:1:22: directive \"server\" has no opening \"{\"",
            Findings(Load()));
  // The same rules in both: one parse, no finding.
  fs_.AddFile("etc/nginx/nginx.conf",
              "http {\n  upstream a { include backends.conf; }\n  upstream b { include backends.conf; }\n}\n");
  EXPECT_EQ("", Findings(Load()));
}

TEST_F(NginxLoader, UnusableIncludes) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "include secret.conf;\ninclude conf.d;\ninclude one two;\ninclude null.conf;\n"
              "include ../../../x;\n");
  fs_.AddFile("etc/nginx/secret.conf", "x;");
  fs_.SetUnreadable("etc/nginx/secret.conf");
  fs_.AddDir("etc/nginx/conf.d");
  fs_.AddFile("etc/nginx/one", "one;\n");
  fs_.AddSymlink("etc/nginx/null.conf", "/dev/null");
  const NginxConfig c = Load();
  EXPECT_EQ(
      "SL002 etc/nginx/nginx.conf:1:1: 'etc/nginx/secret.conf': cannot read: Permission denied\n"
      "SL002 etc/nginx/nginx.conf:2:1: 'etc/nginx/conf.d': is a directory\n"
      "SL001 etc/nginx/nginx.conf:3:1: invalid number of arguments in \"include\" directive\n"
      "SL002 etc/nginx/nginx.conf:5:1: '../../../x': include path leads outside the root",
      Findings(c));
  EXPECT_EQ("etc/nginx/nginx.conf etc/nginx/one", Files(c));
}

TEST_F(NginxLoader, MissingMainFile) {
  const NginxConfig c = Load();
  EXPECT_FALSE(c.main_found);
  EXPECT_EQ("SL002 etc/nginx/nginx.conf:1:1: file not found", Findings(c));
  EXPECT_EQ("", Walk(c));
}

TEST_F(NginxLoader, IncludeFanOutIsBounded) {
  // Each file includes the next twice: 2^30 expansions if walked blindly.
  for (int i = 0; i < 30; ++i)
    fs_.AddFile("etc/nginx/f" + std::to_string(i) + ".conf",
                "x;\ninclude f" + std::to_string(i + 1) + ".conf;\ninclude f" +
                    std::to_string(i + 1) + ".conf;\n");
  fs_.AddFile("etc/nginx/f30.conf", "x;\n");
  const NginxConfig c = Load("etc/nginx/f0.conf");
  ASSERT_EQ(1u, c.findings.size());
  EXPECT_EQ("includes expand to more than 5000000 directives; only the first 5000000 are checked",
            c.findings[0].message);
  struct Counter : ConfigVisitor {
    bool Enter(const WalkItem&) override { return ++count, true; }
    uint64_t count = 0;
  } v;
  WalkConfig(c, v);  // terminates at the budget
  // Every file visit is "x" plus two includes of one target each, and the
  // budget counts directives and include targets.
  EXPECT_GE(v.count, kMaxWalkDirectives / 5);
  EXPECT_LE(v.count, kMaxWalkDirectives);
}

TEST_F(NginxLoader, FilesIncludingEachOtherGiveOneFindingPerInclude) {
  // Each of N files includes all N: one finding per pair was N(N+1)/2
  // findings whose chains grew to N files each (1,000 files: 500,500
  // findings, 8.4 GB, 93 s). Now one per include, naming its shortest cycle,
  // and each file of a cycle is walked once.
  fs_.AddFile("etc/nginx/nginx.conf", "include conf.d/*;\n");
  const int n = 200;
  for (int i = 0; i < n; ++i) {
    char name[16];
    std::snprintf(name, sizeof name, "f%03d", i);
    fs_.AddFile(std::string("etc/nginx/conf.d/") + name, std::string(name) + ";\ninclude conf.d/*;\n");
  }
  const NginxConfig c = Load();
  ASSERT_EQ(c.findings.size(), static_cast<size_t>(n)) << Findings(c);
  EXPECT_EQ(c.findings[0].message,
            "'etc/nginx/conf.d/f199': include cycle: etc/nginx/conf.d/f199 -> etc/nginx/conf.d/f199");
  for (const Finding& f : c.findings) {
    const std::string file = f.location.file.str();
    EXPECT_EQ(f.message, "'" + file + "': include cycle: " + file + " -> " + file);
  }
  struct Counter : ConfigVisitor {
    bool Enter(const WalkItem& item) override { return ++seen[std::string(item.name)], true; }
    std::map<std::string, int> seen;
  } v;
  WalkConfig(c, v);
  ASSERT_EQ(v.seen.size(), static_cast<size_t>(n));
  for (const auto& [name, times] : v.seen) EXPECT_EQ(times, 1) << name;
}

}  // namespace
}  // namespace synlint::nginx
