// SPDX-License-Identifier: MIT
// `synlint parse FILE --format json` for every format: one valid JSON
// document (streamed, so also across many output pieces) that carries the
// tree and the syntax errors as `findings[]` in `check`'s shape, exit 1 when
// there are any.
#include <gtest/gtest.h>

#include "tests/integration/integration_util.h"
#include "tests/output/json_check.h"

namespace synlint::testing {
namespace {

struct Case {
  const char* format;
  const char* name;
  const char* good;  // repeated to make the file large
  const char* bad;   // one syntax error, on the last line
  const char* tree_key;
};

const Case kCases[] = {
    {"sysctl", "sysctl.conf", "net.core.somaxconn = 4096\n", "net.core.rmem_max 4096\n",
     "\"assignments\""},
    {"nginx", "nginx.conf", "events { worker_connections 512; }\n", "server { listen 80\n",
     "\"directives\""},
    {"apache", "apache2.conf", "Listen 80\nListenBacklog 511\n", "<VirtualHost *:80>\n",
     "\"directives\""},
    {"systemd", "web.socket", "[Socket]\nListenStream=80\n", "[Sock\n", "\"sections\""},
};

TEST(ParseJson, EveryFormatGivesOneDocumentWithItsSyntaxErrors) {
  for (const Case& c : kCases) {
    for (const int copies : {1, 5000}) {  // 5000 copies: the output is streamed in pieces
      TempDir dir;
      std::string text;
      for (int i = 0; i < copies; ++i) text += c.good;
      text += c.bad;
      const std::string path = dir.path() + "/" + c.name;
      ASSERT_TRUE(WriteFile(path, text));
      const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " parse " + Quote(path) + " --as " +
                                       c.format + " --format json");
      SCOPED_TRACE(std::string(c.format) + " x" + std::to_string(copies));
      EXPECT_EQ(r.exit_code, 1) << Describe(r);
      EXPECT_EQ(CheckJson(r.out), "");
      EXPECT_EQ(r.out.back(), '\n');
      EXPECT_NE(r.out.find(std::string("\"format\": \"") + c.format + "\""), std::string::npos);
      EXPECT_NE(r.out.find(c.tree_key), std::string::npos);
      const size_t findings = r.out.find("\"findings\": [");
      ASSERT_NE(findings, std::string::npos);
      EXPECT_NE(r.out.find("\"rule\": \"SL001\"", findings), std::string::npos);
      // The error is on the bad line (or the end of the file after it).
      size_t lines = 0;
      for (const char ch : text) lines += ch == '\n';
      const std::string at = "\"line\": " + std::to_string(lines);
      const std::string after = "\"line\": " + std::to_string(lines + 1);
      EXPECT_TRUE(r.out.find(at, findings) != std::string::npos ||
                  r.out.find(after, findings) != std::string::npos)
          << r.out.substr(findings, 400);
    }
  }
}

// A file parsed alone may be included anywhere: `server ADDR;` is a backend
// when the file is included inside `upstream {}`, so `parse` does not call it
// a server block without its '{' (issue #20, point 4). Inside the file's own
// blocks the rules apply.
TEST(ParseNginx, FileAloneAppliesNoContextRuleAtItsTop) {
  TempDir dir;
  const std::string path = dir.path() + "/upstream.conf";
  ASSERT_TRUE(WriteFile(path, "server 127.0.0.1:9000;\nserver 127.0.0.1:9001 backup;\n"));
  CommandResult r = RunShell(Quote(SYNLINT_BIN) + " parse " + Quote(path) + " --as nginx");
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_EQ(r.out, "[server][127.0.0.1:9000]; [server][127.0.0.1:9001][backup];\n");
  ASSERT_TRUE(WriteFile(path, "http { server; }\n"));
  r = RunShell(Quote(SYNLINT_BIN) + " parse " + Quote(path) + " --as nginx");
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find(":1:14: error: directive \"server\" has no opening \"{\" [SL001]"), std::string::npos)
      << Describe(r);
}

// crossplane and `nginx -c FILE` name the main file and its includes by the
// paths given, not by their symlinks' targets (issue #20, point 12).
TEST(ParseNginx, CrossplaneNamesFilesByTheirGivenPaths) {
  TempDir dir;
  const std::string d = dir.path();
  ASSERT_EQ(RunShell("mkdir -p real conf/sites-available", d).exit_code, 0);
  ASSERT_TRUE(WriteFile(d + "/real/nginx.conf", "http { include sites-enabled/*; }\n"));
  ASSERT_TRUE(WriteFile(d + "/conf/sites-available/default", "server { listen 80; }\n"));
  const CommandResult links = RunShell(
      "ln -s ../real/nginx.conf conf/nginx.conf && mkdir conf/sites-enabled && "
      "ln -s ../sites-available/default conf/sites-enabled/default",
      d);
  ASSERT_EQ(links.exit_code, 0) << Describe(links);
  const CommandResult r = RunShell(Quote(SYNLINT_BIN) + " parse conf/nginx.conf --format crossplane", d);
  EXPECT_EQ(r.exit_code, 0) << Describe(r);
  EXPECT_NE(r.out.find("\"file\": \"conf/nginx.conf\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"file\": \"conf/sites-enabled/default\""), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("real/"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("sites-available"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace synlint::testing
