// SPDX-License-Identifier: MIT
// Throughput of the shell extraction (parsers/shell: tree-sitter-bash parse, then the sysctl
// writes) on real scripts: every shell script (by name or shebang, up to 1 MiB) under the
// directories of SYNLINT_SHELL_CORPUS (':'-separated; default: this machine's maintainer scripts,
// /usr/bin, /usr/sbin, /usr/share and /etc, plus the Debian scripts the shell tests fetch into
// build*/debian-configs/shell). Reported per script and per byte, to set beside process start.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "parsers/shell/discover.h"
#include "parsers/shell/sysctl_calls.h"

namespace {

namespace fs = std::filesystem;

const std::vector<std::string>& Corpus() {
  static const std::vector<std::string> scripts = [] {
    std::vector<std::string> dirs;
    const char* env = std::getenv("SYNLINT_SHELL_CORPUS");
    std::string list = env ? env
                           : "/var/lib/dpkg/info:/usr/bin:/usr/sbin:/usr/share:/etc:build/debian-configs/shell:"
                             "build-bench/debian-configs/shell:build-dbg/debian-configs/shell";
    for (size_t b = 0; b <= list.size();) {
      const size_t e = std::min(list.find(':', b), list.size());
      if (e > b) dirs.push_back(list.substr(b, e - b));
      b = e + 1;
    }
    std::vector<std::string> out;
    for (const std::string& d : dirs) {
      std::error_code ec;
      if (!fs::is_directory(d, ec)) continue;
      for (auto it = fs::recursive_directory_iterator(d, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) break;
        if (it->is_symlink(ec) || !it->is_regular_file(ec) || it->file_size(ec) > (1u << 20)) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::ostringstream s;
        s << in.rdbuf();
        std::string text = s.str();
        if (synlint::shell::IsShellScript(it->path().filename().string(), text)) out.push_back(std::move(text));
      }
    }
    return out;
  }();
  return scripts;
}

void BM_ExtractRealScripts(benchmark::State& state) {
  const auto& scripts = Corpus();
  if (scripts.empty()) {
    state.SkipWithError("no shell scripts found (SYNLINT_SHELL_CORPUS)");
    return;
  }
  size_t bytes = 0;
  for (const std::string& s : scripts) bytes += s.size();
  size_t writes = 0;
  for (auto _ : state) {
    for (const std::string& s : scripts) {
      const synlint::shell::Extraction x = synlint::shell::ExtractSysctlWrites(s);
      writes += x.writes.size();
      benchmark::DoNotOptimize(x);
    }
  }
  state.counters["writes"] = static_cast<double>(writes) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * scripts.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["scripts"] = static_cast<double>(scripts.size());
  state.counters["MiB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["us_per_script"] = benchmark::Counter(
      static_cast<double>(scripts.size()) * 1e-6, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_ExtractRealScripts)->Unit(benchmark::kMillisecond);

// One small provisioning script, the common case of a host.
void BM_ExtractSmallScript(benchmark::State& state) {
  const std::string script =
      "#!/bin/sh\nset -e\napt-get install -y nginx\nsysctl -w net.core.somaxconn=4096\n"
      "echo 1 > /proc/sys/net/ipv4/tcp_syncookies\nsystemctl restart nginx\n";
  for (auto _ : state) benchmark::DoNotOptimize(synlint::shell::ExtractSysctlWrites(script));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * script.size()));
}
BENCHMARK(BM_ExtractSmallScript)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
