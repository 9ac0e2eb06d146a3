// SPDX-License-Identifier: MIT
// Throughput of the sysctl.conf / sysctl.d parser on ~10 MB of generated
// text in the shape admins and vendors write it: comment blocks, dotted and
// slash-separated keys, '-' prefixes, glob exclusions, vector values with
// inner spaces, blank lines and a share of CRLF lines. Measured once as a
// single 10 MB file and once as ~1 KB files (what a host really has).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/sysctl/parser.h"

namespace {

constexpr size_t kTotalBytes = 10u << 20;

struct Sample {
  const char* key;
  const char* value;
};

// Keys and values as they appear in real tuning files.
constexpr std::array<Sample, 16> kSamples = {{
    {"net.core.somaxconn", "4096"},
    {"net.core.netdev_max_backlog", "16384"},
    {"net.ipv4.tcp_max_syn_backlog", "8192"},
    {"net.ipv4.tcp_syncookies", "1"},
    {"net.ipv4.tcp_rmem", "4096 131072 6291456"},
    {"net.ipv4.tcp_wmem", "4096   16384\t4194304"},
    {"net.ipv4.ip_local_port_range", "32768 60999"},
    {"net/ipv4/tcp_fin_timeout", "30"},
    {"net.ipv4.conf.all.rp_filter", "2"},
    {"net/ipv4/conf/eth0.100/forwarding", "1"},
    {"net.ipv4.tcp_congestion_control", "bbr"},
    {"net.core.default_qdisc", "fq"},
    {"kernel.core_pattern", "|/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h"},
    {"vm.swappiness", "10"},
    {"fs.file-max", "2097152"},
    {"kernel.pid_max", "4194304"},
}};

/// One ~1 KB file: a header comment block then assignments in every spelling.
std::string MakeFile(size_t i) {
  const std::string n = std::to_string(i);
  const char* eol = i % 7 == 0 ? "\r\n" : "\n";  // one file in seven uses CRLF
  std::string out;
  out += "# /etc/sysctl.d/" + n + "-tuning.conf" + eol;
  out += "# Generated for the benchmark: host " + n + ", see sysctl.d(5)." + eol;
  out += std::string("; semicolon comments are comments too") + eol + eol;
  for (size_t k = 0; k < kSamples.size(); ++k) {
    const Sample& s = kSamples[(i + k) % kSamples.size()];
    switch ((i + k) % 4) {
      case 0: out += std::string(s.key) + " = " + s.value + eol; break;
      case 1: out += std::string(s.key) + "=" + s.value + eol; break;
      case 2: out += std::string("-") + s.key + " = " + s.value + eol; break;
      default: out += std::string("  ") + s.key + "\t=  " + s.value + "  " + eol; break;
    }
  }
  out += "-net.ipv4.conf.lo" + n + ".rp_filter" + eol;  // glob exclusion
  out += "net.ipv4.conf.*.accept_redirects = 0" + std::string(eol) + eol;
  return out;
}

std::vector<std::string> MakeFiles() {
  std::vector<std::string> out;
  size_t total = 0;
  for (size_t i = 0; total < kTotalBytes; ++i) {
    out.push_back(MakeFile(i));
    total += out.back().size();
  }
  return out;
}

const std::vector<std::string>& Files() {
  static const std::vector<std::string> files = MakeFiles();
  return files;
}

const std::string& OneBigFile() {
  static const std::string text = [] {
    std::string t;
    for (const std::string& f : Files()) t += f;
    return t;
  }();
  return text;
}

void BM_SysctlParseOneBigFile(benchmark::State& state) {
  const std::string& text = OneBigFile();
  size_t assignments = 0;
  for (auto _ : state) {
    synlint::sysctl::ParseResult r = synlint::sysctl::Parse(text);
    assignments = r.assignments.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["assignments"] = static_cast<double>(assignments);
}
BENCHMARK(BM_SysctlParseOneBigFile)->Unit(benchmark::kMillisecond);

void BM_SysctlParseFiles(benchmark::State& state) {
  const std::vector<std::string>& files = Files();
  size_t bytes = 0;
  for (const std::string& f : files) bytes += f.size();
  for (auto _ : state) {
    for (const std::string& f : files) {
      synlint::sysctl::ParseResult r = synlint::sysctl::Parse(f);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_SysctlParseFiles)->Unit(benchmark::kMillisecond);

// The per-key normalisation every assignment goes through.
void BM_SysctlNormalizeKey(benchmark::State& state) {
  for (auto _ : state) {
    for (const Sample& s : kSamples) benchmark::DoNotOptimize(synlint::sysctl::NormalizeKey(s.key));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(kSamples.size()));
}
BENCHMARK(BM_SysctlNormalizeKey);

}  // namespace

BENCHMARK_MAIN();
