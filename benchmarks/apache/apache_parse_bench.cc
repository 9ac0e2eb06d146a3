// SPDX-License-Identifier: MIT
// Apache parser throughput on a ~10 MB generated configuration.
//
// Build (the project's benchmarks/CMakeLists.txt can add it as target
// apache_parse_bench linking synlint_parser_apache and benchmark::benchmark):
//   g++ -std=c++20 -O2 -DNDEBUG -I. benchmarks/apache/apache_parse_bench.cc
//     parsers/apache/*.cc core/source.cc core/file_system.cc
//     core/file_reader.cc core/finding.cc core/syntax.cc core/json.cc
//     core/service.cc -lbenchmark -lpthread -o apache_parse_bench
#include <benchmark/benchmark.h>

#include <string>

#include "core/file_system.h"
#include "parsers/apache/extract.h"
#include "parsers/apache/parser.h"

namespace {

// One virtual host in the style of real sites: comments, quotes, sections,
// proxying, rewrites and a continuation line.
std::string VirtualHost(int i) {
  const std::string n = std::to_string(i);
  return "# Site " + n + " -- generated for the benchmark\n"
         "<VirtualHost *:80 [::]:80>\n"
         "    ServerName site" + n + ".example.test\n"
         "    ServerAlias www.site" + n + ".example.test alias" + n + ".example.test\n"
         "    DocumentRoot \"/srv/www/site" + n + "/public\"\n"
         "    ErrorLog ${APACHE_LOG_DIR}/site" + n + "-error.log\n"
         "    CustomLog ${APACHE_LOG_DIR}/site" + n + "-access.log combined\n"
         "\n"
         "    <Directory \"/srv/www/site" + n + "/public\">\n"
         "        Options -Indexes +FollowSymLinks\n"
         "        AllowOverride None\n"
         "        Require all granted\n"
         "    </Directory>\n"
         "\n"
         "    <Location /api>\n"
         "        ProxyPass http://127.0.0.1:" + std::to_string(9000 + i % 1000) +
         "/api retry=0 timeout=5\n"
         "        ProxyPassReverse http://127.0.0.1:" + std::to_string(9000 + i % 1000) +
         "/api\n"
         "    </Location>\n"
         "\n"
         "    RewriteEngine on\n"
         "    RewriteCond %{HTTP_HOST} !^site" + n + "\\.example\\.test$ [NC]\n"
         "    RewriteRule ^/(.*)$ https://site" + n + ".example.test/$1 [R=301,L]\n"
         "    Header always set Content-Security-Policy \"default-src 'self'; \\\n"
         "        img-src 'self' data:\"\n"
         "    <IfModule mod_headers.c>\n"
         "        Header set X-Frame-Options \"SAMEORIGIN\"\n"
         "    </IfModule>\n"
         "</VirtualHost>\n\n";
}

const std::string& Config() {
  static const std::string text = [] {
    std::string t =
        "ServerRoot \"/etc/apache2\"\nListen 80\nListenBacklog 4096\n"
        "<IfModule mpm_event_module>\n\tMaxRequestWorkers 400\n</IfModule>\n";
    for (int i = 0; t.size() < (10u << 20); ++i) t += VirtualHost(i);
    return t;
  }();
  return text;
}

void BM_ApacheParse(benchmark::State& state) {
  const std::string& text = Config();
  for (auto _ : state) {
    synlint::apache::ParseResult r = synlint::apache::Parse(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ApacheParse)->Unit(benchmark::kMillisecond);

// The whole service: the main file includes the same text split into 200
// site files, as sites-enabled/*.conf would.
void BM_ApacheLoadService(benchmark::State& state) {
  const std::string& text = Config();
  synlint::MemoryFileSystem fs;
  fs.AddFile("etc/apache2/apache2.conf",
             "IncludeOptional mods-enabled/*.load\nListen 80\n"
             "IncludeOptional sites-enabled/*.conf\n");
  fs.AddFile("etc/apache2/mods-enabled/mpm_event.load",
             "LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so\n");
  const size_t chunk = text.size() / 200;
  size_t pos = 0;
  for (int i = 0; pos < text.size(); ++i) {
    size_t end = text.find("\n\n# Site", std::min(text.size(), pos + chunk));
    end = end == std::string::npos ? text.size() : end + 2;
    fs.AddFile("etc/apache2/sites-enabled/" + std::to_string(1000 + i) + ".conf",
               text.substr(pos, end - pos));
    pos = end;
  }
  for (auto _ : state) {
    synlint::SourceSet sources(fs);
    auto facts = synlint::apache::LoadApacheService(sources);
    benchmark::DoNotOptimize(facts);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ApacheLoadService)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
