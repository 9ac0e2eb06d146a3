// SPDX-License-Identifier: MIT
#include "parsers/nginx/extract.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::nginx {
namespace {

std::string At(const Location& l) {
  return l.file + ":" + std::to_string(l.start.line) + ":" + std::to_string(l.start.column);
}

/// One line per listener: "context host:port backlog opts @declared insert@".
std::string Listeners(const ServiceFacts& f) {
  std::string out;
  for (const Listener& l : f.listeners) {
    out += l.context + " " +
           (l.is_unix ? "unix:" + l.address_text.substr(5) : l.host + ":" + std::to_string(l.port));
    if (l.backlog)
      out += " backlog=" + (l.backlog->value ? std::to_string(*l.backlog->value) : "?");
    for (const Setting& s : l.options) out += " [" + s.text + "]";
    if (l.extra.count("implicit")) out += " implicit";
    out += " @" + At(l.declared_at);
    if (l.insert_at) out += " insert@" + At(*l.insert_at);
    out += "\n";
  }
  return out;
}

constexpr char kMain[] = R"(user www-data;
worker_processes auto;
worker_rlimit_nofile 65535;
events {
    worker_connections 4096;
}
http {
    upstream app { server 127.0.0.1:8000; server unix:/run/app2.sock; }
    upstream sock { server unix:/run/app.sock; }
    server {
        listen 80;
        listen [::]:80 ipv6only=on;
        location / { proxy_pass http://app; }
        location /s { proxy_pass http://sock/x; }
        location /u { proxy_pass http://unix:/run/x.sock:/; }
        location /e { proxy_pass https://example.com:8443/path; }
        location /p { fastcgi_pass unix:/run/php.sock; }
        location /q { fastcgi_pass 127.0.0.1:9000; }
        location /v { proxy_pass http://$backend; }
    }
    server {
        server_name implicit.example;
    }
    include conf.d/*.conf;
}
stream {
    upstream db { server 10.0.0.5:5432; }
    server { listen 5432 backlog=128; proxy_pass db; }
    server { listen 53 udp; proxy_pass 192.0.2.1:53; }
}
)";

TEST(NginxExtract, ListenersLimitsAndOutbound) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", kMain);
  fs.AddFile("etc/nginx/conf.d/site.conf",
             "server {\n  listen 8080 backlog=1024 reuseport;\n  listen unix:/run/s.sock;\n}\n");
  SourceSet sources(fs);
  const std::optional<ServiceFacts> f = LoadNginxService(sources);
  ASSERT_TRUE(f);
  EXPECT_EQ("nginx", f->service);
  EXPECT_EQ(ConfigFormat::kNginx, f->kind);
  EXPECT_EQ("etc/nginx/nginx.conf", f->main_file);
  EXPECT_TRUE(f->findings.empty());
  EXPECT_EQ(
      "http 0.0.0.0:80 @etc/nginx/nginx.conf:11:9 insert@etc/nginx/nginx.conf:11:18\n"
      "http :::80 [ipv6only=on] @etc/nginx/nginx.conf:12:9 "
      "insert@etc/nginx/nginx.conf:12:35\n"
      "http 0.0.0.0:80 implicit @etc/nginx/nginx.conf:21:5 "
      "insert@etc/nginx/nginx.conf:21:13\n"
      "http 0.0.0.0:8080 backlog=1024 [backlog=1024] [reuseport] "
      "@etc/nginx/conf.d/site.conf:2:3 insert@etc/nginx/conf.d/site.conf:2:37\n"
      "http unix:/run/s.sock @etc/nginx/conf.d/site.conf:3:3 "
      "insert@etc/nginx/conf.d/site.conf:3:26\n"
      "stream 0.0.0.0:5432 backlog=128 [backlog=128] @etc/nginx/nginx.conf:28:14 "
      "insert@etc/nginx/nginx.conf:28:37\n",
      Listeners(*f));

  ASSERT_EQ(3u, f->limits.size());
  EXPECT_EQ("4096", f->limits.at("worker_connections").text);
  EXPECT_EQ(4096, f->limits.at("worker_connections").value);
  EXPECT_EQ("etc/nginx/nginx.conf:5:24", At(f->limits.at("worker_connections").location));
  EXPECT_EQ(65535, f->limits.at("worker_rlimit_nofile").value);
  EXPECT_EQ("auto", f->limits.at("worker_processes").text);
  EXPECT_EQ(std::nullopt, f->limits.at("worker_processes").value);

  std::string outbound;
  for (const Location& l : f->outbound_connects) outbound += At(l) + " " + l.note + "\n";
  EXPECT_EQ(
      "etc/nginx/nginx.conf:13:22 proxy_pass\n"    // upstream with a TCP server
      "etc/nginx/nginx.conf:16:23 proxy_pass\n"    // https://example.com
      "etc/nginx/nginx.conf:18:23 fastcgi_pass\n"  // 127.0.0.1:9000
      "etc/nginx/nginx.conf:19:23 proxy_pass\n"    // a variable: assumed TCP
      "etc/nginx/nginx.conf:28:39 proxy_pass\n"    // stream upstream db
      "etc/nginx/nginx.conf:29:29 proxy_pass\n",   // UDP server, TCP-looking target
      outbound);

  ASSERT_EQ(2u, f->files.size());
  EXPECT_EQ((std::pair<std::string, ConfigFormat>{"etc/nginx/nginx.conf", ConfigFormat::kNginx}),
            f->files[0]);
  EXPECT_EQ("etc/nginx/conf.d/site.conf", f->files[1].first);
}

TEST(NginxExtract, ListenerCapacityIsATightUpperBound) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", kMain);
  fs.AddFile("etc/nginx/conf.d/site.conf",
             "server {\n  listen 8080 backlog=1024 reuseport;\n  listen unix:/run/s.sock;\n}\n");
  SourceSet sources(fs);
  const NginxConfig config = LoadNginx(sources, "etc/nginx/nginx.conf");
  // Six `listen` (the udp one makes no listener) and the one server block
  // without any (its implicit *:80); upstream `server` lines have no block.
  EXPECT_EQ(7u, ListenerCapacity(config));
  EXPECT_EQ(6u, ExtractNginx(config).listeners.size());
}

TEST(NginxExtract, MissingMainIsNullopt) {
  MemoryFileSystem fs;
  SourceSet sources(fs);
  EXPECT_FALSE(LoadNginxService(sources));
  EXPECT_FALSE(LoadNginxService(sources, "usr/local/nginx/conf/nginx.conf"));
}

TEST(NginxExtract, FindingsFromLoadingAreKept) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf",
             "http {\n  include missing.conf;\n  server { listen 80 }\n}\n");
  SourceSet sources(fs);
  const auto f = LoadNginxService(sources);
  ASSERT_TRUE(f);
  ASSERT_EQ(2u, f->findings.size());
  EXPECT_EQ("SL001", f->findings[0].rule);
  EXPECT_EQ("directive \"listen\" is not terminated by \";\"", f->findings[0].message);
  EXPECT_EQ("SL002", f->findings[1].rule);
  // The listen with the missing ';' still counts; the fix point is after '80'.
  EXPECT_EQ("http 0.0.0.0:80 @etc/nginx/nginx.conf:3:12 insert@etc/nginx/nginx.conf:3:21\n",
            Listeners(*f));
}

TEST(NginxExtract, ServerInLocationOrUpstreamIsNotAListener) {
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf",
             "listen 1;\nhttp {\n  listen 2;\n  upstream u { server 10.0.0.1:80; }\n"
             "  server { location / { listen 3; } listen 4; }\n}\n");
  SourceSet sources(fs);
  const auto f = LoadNginxService(sources);
  ASSERT_TRUE(f);
  EXPECT_EQ("http 0.0.0.0:4 @etc/nginx/nginx.conf:5:37 insert@etc/nginx/nginx.conf:5:45\n",
            Listeners(*f));
}

TEST(NginxExtract, CustomPrefix) {
  MemoryFileSystem fs;
  fs.AddFile("opt/nginx/conf/nginx.conf", "http { include sites/*.conf; }\n");
  fs.AddFile("opt/nginx/conf/sites/a.conf", "server { listen 81; }\n");
  SourceSet sources(fs);
  const auto f = LoadNginxService(sources, "opt/nginx/conf/nginx.conf");
  ASSERT_TRUE(f);
  ASSERT_EQ(1u, f->listeners.size());
  EXPECT_EQ(81u, f->listeners[0].port);
}

}  // namespace
}  // namespace synlint::nginx
