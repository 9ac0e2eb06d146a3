// SPDX-License-Identifier: MIT
#include "parsers/nginx/crossplane.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::nginx {
namespace {

class NginxCrossplane : public ::testing::Test {
 protected:
  std::string Json(const CrossplaneOptions& options = {}) {
    SourceSet sources(fs_);
    const NginxConfig c = LoadNginx(sources, "etc/nginx/nginx.conf");
    return CrossplaneJson(c, options, 0);
  }
  MemoryFileSystem fs_;
};

// The example of crossplane's README, field for field.
TEST_F(NginxCrossplane, ReadmeExample) {
  fs_.AddFile(
      "etc/nginx/nginx.conf",
      "events {\n    worker_connections 1024;\n}\n\nhttp {\n    include conf.d/*.conf;\n}\n");
  fs_.AddFile("etc/nginx/conf.d/servers.conf",
              "server {\n    listen 8080;\n    location / {\n        try_files 'foo bar' baz;\n"
              "    }\n}\n\nserver {\n    listen 8081;\n    location / {\n"
              "        return 200 'success!';\n    }\n}\n");
  EXPECT_EQ(R"({"status":"ok","errors":[],"config":[)"
            R"({"file":"/etc/nginx/nginx.conf","status":"ok","errors":[],"parsed":[)"
            R"({"directive":"events","line":1,"args":[],"block":[)"
            R"({"directive":"worker_connections","line":2,"args":["1024"]}]},)"
            R"({"directive":"http","line":5,"args":[],"block":[)"
            R"({"directive":"include","line":6,"args":["conf.d/*.conf"],"includes":[1]}]}]},)"
            R"({"file":"/etc/nginx/conf.d/servers.conf","status":"ok","errors":[],"parsed":[)"
            R"({"directive":"server","line":1,"args":[],"block":[)"
            R"({"directive":"listen","line":2,"args":["8080"]},)"
            R"({"directive":"location","line":3,"args":["/"],"block":[)"
            R"({"directive":"try_files","line":4,"args":["foo bar","baz"]}]}]},)"
            R"({"directive":"server","line":8,"args":[],"block":[)"
            R"({"directive":"listen","line":9,"args":["8081"]},)"
            R"({"directive":"location","line":10,"args":["/"],"block":[)"
            R"({"directive":"return","line":11,"args":["200","success!"]}]}]}]}]})",
            Json());
}

TEST_F(NginxCrossplane, IfArgsLuaAndQuotes) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "if ($request_method = POST) { return 405; }\n"
              "if ( $a ~ \"x\" ) {}\n"
              "content_by_lua_block { ngx.say(\"}\") }\n"
              "return 200 \"a\\\"b\" 'it\\'s \\n' c\\;d;\n");
  EXPECT_EQ(R"({"status":"ok","errors":[],"config":[)"
            R"({"file":"/etc/nginx/nginx.conf","status":"ok","errors":[],"parsed":[)"
            R"({"directive":"if","line":1,"args":["$request_method","=","POST"],"block":[)"
            R"({"directive":"return","line":1,"args":["405"]}]},)"
            R"({"directive":"if","line":2,"args":["$a","~","x"],"block":[]},)"
            R"({"directive":"content_by_lua_block","line":3,"args":[" ngx.say(\"}\") "]},)"
            R"({"directive":"return","line":4,"args":["200","a\"b","it's \\n","c\\;d"]}]}]})",
            Json());
}

TEST_F(NginxCrossplane, ErrorsCarryFileAndLine) {
  fs_.AddFile("etc/nginx/nginx.conf", "http {\n  include missing.conf;\n}\n}\n");
  // crossplane's lexer: 'unexpected "}"' in FILE:LINE.
  const std::string brace = R"("unexpected \"}\" in /etc/nginx/nginx.conf:4","line":4})";
  // As crossplane reports it: Python's OSError text, the line of the include.
  const std::string missing =
      R"("[Errno 2] No such file or directory: '/etc/nginx/missing.conf'",)"
      R"("line":2})";
  const std::string file = R"({"file":"/etc/nginx/nginx.conf",)";
  EXPECT_EQ(R"({"status":"failed","errors":[)" + file + R"("error":)" + brace + "," + file +
                R"("error":)" + missing + R"(],"config":[)" + file +
                R"("status":"failed","errors":[{"error":)" + brace + R"(,{"error":)" + missing +
                R"(],"parsed":[{"directive":"http","line":1,"args":[],"block":[)"
                R"({"directive":"include","line":2,"args":["missing.conf"],"includes":[]}]}]}]})",
            Json());
}

// crossplane and nginx name an included file by the include's path (the
// glob's match), not by the target of a symlink (issue #20, point 12).
TEST_F(NginxCrossplane, SymlinkedIncludeIsNamedByItsIncludePath) {
  fs_.AddFile("etc/nginx/nginx.conf", "http { include sites-enabled/*; }\n");
  fs_.AddFile("etc/nginx/sites-available/default", "server {\n  listen 80\n}\n");
  fs_.AddSymlink("etc/nginx/sites-enabled/default", "../sites-available/default");
  const std::string json = Json();
  EXPECT_NE(json.find(R"({"file":"/etc/nginx/sites-enabled/default","status":"failed")"), std::string::npos)
      << json;
  EXPECT_EQ(json.find("sites-available"), std::string::npos) << json;
  // nginx's own wording of the error (ngx_conf_handler() in
  // src/core/ngx_conf_file.c), as crossplane words it too.
  EXPECT_NE(json.find(R"("error":"directive \"listen\" is not terminated by \";\" in )"
                      R"(/etc/nginx/sites-enabled/default:2","line":2)"),
            std::string::npos)
      << json;
}

TEST_F(NginxCrossplane, ErrorsUseNginxWords) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "http {\n  server;\n  location / { proxy_pass http://x }\n  listen 80 { }\n  server {\n");
  const std::string json = Json();
  for (const char* error : {R"(directive \"server\" has no opening \"{\" in /etc/nginx/nginx.conf:2")",
                            R"(directive \"proxy_pass\" is not terminated by \";\" in /etc/nginx/nginx.conf:3")",
                            R"(directive \"listen\" is not terminated by \";\" in /etc/nginx/nginx.conf:4")",
                            R"(unexpected end of file, expecting \"}\" in /etc/nginx/nginx.conf:5")"})
    EXPECT_NE(json.find(error), std::string::npos) << error << "\n" << json;
}

TEST_F(NginxCrossplane, MissingMainFile) {
  const std::string error = R"("file not found in /etc/nginx/nginx.conf","line":null})";
  EXPECT_EQ(R"({"status":"failed","errors":[{"file":"/etc/nginx/nginx.conf","error":)" + error +
                R"(],"config":[{"file":"/etc/nginx/nginx.conf","status":"failed","errors":[)"
                R"({"error":)" + error + R"(],"parsed":[]}]})",
            Json());
}

TEST_F(NginxCrossplane, Comments) {
  fs_.AddFile("etc/nginx/nginx.conf",
              "# top\nhttp { # after brace\n  gzip # between\n    on; # trailing\n}\n");
  CrossplaneOptions options;
  options.include_comments = true;
  options.path_prefix = "";
  EXPECT_EQ(R"({"status":"ok","errors":[],"config":[)"
            R"({"file":"etc/nginx/nginx.conf","status":"ok","errors":[],"parsed":[)"
            R"({"directive":"#","line":1,"args":[],"comment":" top"},)"
            R"({"directive":"http","line":2,"args":[],"block":[)"
            R"({"directive":"#","line":2,"args":[],"comment":" after brace"},)"
            R"({"directive":"gzip","line":3,"args":["on"]},)"
            R"({"directive":"#","line":3,"args":[],"comment":" between"},)"
            R"({"directive":"#","line":4,"args":[],"comment":" trailing"}]}]}]})",
            Json(options));
}

}  // namespace
}  // namespace synlint::nginx
