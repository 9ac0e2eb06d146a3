// SPDX-License-Identifier: MIT
// Throughput of the nginx lexer, parser and listener extraction on a ~10 MB
// generated configuration of many virtual hosts.
#include <benchmark/benchmark.h>

#include <string>

#include "core/file_system.h"
#include "parsers/nginx/extract.h"
#include "parsers/nginx/lexer.h"
#include "parsers/nginx/parser.h"

namespace {

std::string ServerBlock(int i) {
  const std::string n = std::to_string(i);
  return "server {\n"
         "    listen " +
         std::to_string(8000 + i % 1000) +
         " backlog=4096 reuseport;\n"
         "    listen [::]:" +
         std::to_string(8000 + i % 1000) +
         ";\n"
         "    server_name site" +
         n + ".example.org www.site" + n +
         ".example.org;\n"
         "    root /srv/www/site" +
         n +
         ";\n"
         "    # access logs are buffered\n"
         "    access_log /var/log/nginx/site" +
         n +
         ".log main buffer=32k;\n"
         "    add_header X-Site \"site " +
         n +
         "\" always;\n"
         "    location / {\n"
         "        try_files $uri $uri/ /index.php?$args;\n"
         "    }\n"
         "    location ~* \\.(css|js|png|jpe?g|svg)$ { expires 30d; access_log off; }\n"
         "    location /api/ {\n"
         "        proxy_pass http://backend" +
         std::to_string(i % 16) +
         ";\n"
         "        proxy_set_header Host $host;\n"
         "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
         "        if ($request_method = OPTIONS) { return 204; }\n"
         "    }\n"
         "    location ~ \\.php$ {\n"
         "        include snippets/fastcgi-php.conf;\n"
         "        fastcgi_pass unix:/run/php/php-fpm.sock;\n"
         "    }\n"
         "    location /lua {\n"
         "        content_by_lua_block { local t = { n = " +
         n +
         " } ngx.say(\"}\", t.n) }\n"
         "    }\n"
         "}\n";
}

const std::string& Config() {
  static const std::string text = [] {
    std::string s =
        "user www-data;\nworker_processes auto;\nworker_rlimit_nofile 65535;\n"
        "events { worker_connections 4096; }\nhttp {\n"
        "    log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
        "                    '$status $body_bytes_sent';\n"
        "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n";
    for (int u = 0; u < 16; ++u)
      s += "    upstream backend" + std::to_string(u) + " { server 10.0.0." + std::to_string(u) +
           ":8080; keepalive 32; }\n";
    for (int i = 0; s.size() < (10u << 20); ++i) s += ServerBlock(i);
    s += "}\n";
    return s;
  }();
  return text;
}

void BM_NginxLex(benchmark::State& state) {
  const std::string& text = Config();
  for (auto _ : state) benchmark::DoNotOptimize(synlint::nginx::Lex(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_NginxLex)->Unit(benchmark::kMillisecond);

void BM_NginxParse(benchmark::State& state) {
  const std::string& text = Config();
  for (auto _ : state) benchmark::DoNotOptimize(synlint::nginx::Parse(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_NginxParse)->Unit(benchmark::kMillisecond);

void BM_NginxLoadAndExtract(benchmark::State& state) {
  const std::string& text = Config();
  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", text);
  fs.AddFile("etc/nginx/snippets/fastcgi-php.conf", "fastcgi_index index.php;\n");
  for (auto _ : state) {
    synlint::SourceSet sources(fs);
    benchmark::DoNotOptimize(synlint::nginx::LoadNginxService(sources));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_NginxLoadAndExtract)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
