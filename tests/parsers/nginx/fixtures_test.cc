// SPDX-License-Identifier: MIT
// Round trip and expected errors on every fixture, and Debian's stock
// configuration when tests/parsers/nginx/fetch_debian_configs.sh has run.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file_system.h"
#include "parsers/nginx/extract.h"
#include "parsers/nginx/parser.h"
#include "parsers/nginx/tree_dump.h"
#include "tests/parsers/nginx/test_util.h"

namespace synlint::nginx {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const fs::path kFixtures = fs::path(SYNLINT_SOURCE_DIR) / "fixtures/parsers/nginx";

std::vector<fs::path> FixtureFiles(const std::string& sub, const std::string& ext) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(kFixtures / sub))
    if (e.is_regular_file() && e.path().extension() == ext) out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string Concat(const std::string& text) {
  std::string out;
  for (const Token& t : Lex(text).tokens) out.append(text, t.span.begin, t.span.size());
  return out;
}

TEST(NginxFixtures, RoundTripEveryFixture) {
  size_t n = 0;
  for (const std::string sub : {"ok", "bad"}) {
    for (const auto& e : fs::directory_iterator(kFixtures / sub)) {
      if (e.path().extension() == ".errors") continue;
      const std::string text = ReadAll(e.path());
      const ParseResult r = Parse(text);
      EXPECT_TRUE(testing::CoversLosslessly(r, text)) << e.path();
      EXPECT_EQ(text, Concat(text)) << e.path();
      ++n;
    }
  }
  EXPECT_GE(n, 9u);
}

TEST(NginxFixtures, OkFixturesHaveNoErrors) {
  const auto files = FixtureFiles("ok", ".conf");
  ASSERT_GE(files.size(), 5u);
  for (const fs::path& p : files) {
    const SourceFile file(p.filename().string(), ReadAll(p));
    EXPECT_EQ("", DumpErrors(Parse(file), file)) << p;
  }
}

TEST(NginxFixtures, BadFixturesReportExactly) {
  const auto files = FixtureFiles("bad", ".conf");
  ASSERT_GE(files.size(), 4u);
  for (const fs::path& p : files) {
    const SourceFile file(p.filename().string(), ReadAll(p));
    fs::path expected = p;
    expected.replace_extension(".errors");
    std::string want = ReadAll(expected);
    while (!want.empty() && want.back() == '\n') want.pop_back();
    EXPECT_EQ(want, DumpErrors(Parse(file), file)) << p;
  }
}

TEST(NginxFixtures, FullConfigFacts) {
  MemoryFileSystem mem;
  mem.AddFile("etc/nginx/nginx.conf", ReadAll(kFixtures / "ok/full.conf"));
  mem.AddFile("etc/nginx/snippets/fastcgi-php.conf", "fastcgi_index index.php;\n");
  mem.AddFile("etc/nginx/mime.types", "types { text/html html; }\n");
  SourceSet sources(mem);
  const auto f = LoadNginxService(sources);
  ASSERT_TRUE(f);
  EXPECT_TRUE(f->findings.empty());
  ASSERT_EQ(5u, f->listeners.size());  // the UDP stream listener does not count
  EXPECT_EQ(4096, f->listeners[0].backlog->value);
  EXPECT_EQ("::", f->listeners[1].host);
  EXPECT_FALSE(f->listeners[3].backlog);
  EXPECT_EQ("stream", f->listeners[4].context);
  EXPECT_EQ(1024, f->listeners[4].backlog->value);
  EXPECT_EQ(8192, f->limits.at("worker_connections").value);
  EXPECT_EQ(100000, f->limits.at("worker_rlimit_nofile").value);
  // app_servers, 127.0.0.1:9000 and the two stream proxy_pass; not the
  // unix fastcgi socket.
  EXPECT_EQ(4u, f->outbound_connects.size());
  EXPECT_EQ(3u, f->files.size());
}

const fs::path kDebian = fs::path(SYNLINT_BINARY_DIR) / "debian-configs/nginx";

TEST(NginxDebian, EveryStockFileParses) {
  if (!fs::is_directory(kDebian / "etc/nginx"))
    GTEST_SKIP() << "no Debian nginx configuration in " << kDebian
                 << "; run tests/parsers/nginx/fetch_debian_configs.sh " << SYNLINT_BINARY_DIR;
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(kDebian / "etc/nginx")) {
    if (!e.is_regular_file() || e.is_symlink()) continue;
    const std::string text = ReadAll(e.path());
    const SourceFile file(e.path().string(), text);
    const ParseResult r = Parse(file);
    EXPECT_TRUE(testing::CoversLosslessly(r, text)) << e.path();
    EXPECT_EQ("", DumpErrors(r, file)) << e.path();
    ++n;
  }
  EXPECT_GE(n, 10u);
}

TEST(NginxDebian, StockConfigurationFacts) {
  if (!fs::is_directory(kDebian / "etc/nginx"))
    GTEST_SKIP() << "no Debian nginx configuration in " << kDebian
                 << "; run tests/parsers/nginx/fetch_debian_configs.sh " << SYNLINT_BINARY_DIR;
  DiskFileSystem disk(kDebian.string());
  SourceSet sources(disk);
  const auto f = LoadNginxService(sources);
  ASSERT_TRUE(f);
  for (const Finding& x : f->findings)
    ADD_FAILURE() << x.rule << " " << x.location.file << ":" << x.location.start.line << ": "
                  << x.message;
  ASSERT_EQ(2u, f->listeners.size());
  EXPECT_EQ("0.0.0.0", f->listeners[0].host);
  EXPECT_EQ(80u, f->listeners[0].port);
  EXPECT_EQ("etc/nginx/sites-available/default", f->listeners[0].declared_at.file);
  EXPECT_EQ("::", f->listeners[1].host);
  EXPECT_EQ("true", f->listeners[1].extra.at("default_server"));
  EXPECT_EQ(768, f->limits.at("worker_connections").value);
  bool read_site = false;
  for (const auto& [path, format] : f->files)
    read_site |= path == "etc/nginx/sites-available/default";
  EXPECT_TRUE(read_site);
}

}  // namespace
}  // namespace synlint::nginx
