// SPDX-License-Identifier: MIT
// Throughput of the systemd unit parser on ~10 MB of generated unit text
// (sockets, services with continuations, comments and drop-in style lines):
// once as ~20,000 separate unit files of ~500 bytes (what a host has), once as a
// single 10 MB file (dominated by first-touch page faults of the ~50 MB of
// tokens and entries it produces).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "parsers/systemd/parser.h"

namespace {

std::string MakeUnit(size_t i) {
  const std::string n = std::to_string(i);
  return "# Generated unit " + n + "\n[Unit]\nDescription=Example socket number " + n +
         "\nDocumentation=man:systemd.socket(5)\nBefore=sockets.target\n\n[Socket]\n"
         "; addresses\nListenStream=" +
         std::to_string(1024 + i % 60000) +
         "\nListenStream=[::1]:" + std::to_string(2000 + i % 60000) +
         "\nListenStream=/run/example/" + n +
         ".sock\nListenDatagram=0.0.0.0:514\n"
         "Backlog = 4096\nReceiveBuffer=8M\nAccept=no\nSocketMode=0660\n\n[Service]\n"
         "ExecStart=/usr/bin/example-daemon --config /etc/example/" +
         n +
         ".conf \\\n"
         "    --workers 4 \\\n    --listen-fd 3\nLimitNOFILE=65536\n"
         "Environment=\"A=1\" \"B=2\"\n\n[Install]\nWantedBy=sockets.target\n";
}

constexpr size_t kTotalBytes = 10u << 20;

std::vector<std::string> MakeUnitFiles() {
  std::vector<std::string> out;
  size_t total = 0;
  for (size_t i = 0; total < kTotalBytes; ++i) {
    out.push_back(MakeUnit(i));
    total += out.back().size();
  }
  return out;
}

void BM_ParseUnitFiles(benchmark::State& state) {
  const std::vector<std::string> files = MakeUnitFiles();
  size_t bytes = 0;
  for (const std::string& f : files) bytes += f.size();
  for (auto _ : state) {
    for (const std::string& f : files) {
      synlint::systemd::ParseResult r = synlint::systemd::Parse(f);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(bytes));
  state.counters["files"] = static_cast<double>(files.size());
}
BENCHMARK(BM_ParseUnitFiles)->Unit(benchmark::kMillisecond);

std::string MakeUnits(size_t target_bytes) {
  std::string out;
  out.reserve(target_bytes + 4096);
  for (size_t i = 0; out.size() < target_bytes; ++i) out += MakeUnit(i);
  return out;
}

void BM_ParseOneBigFile(benchmark::State& state) {
  const std::string text = MakeUnits(kTotalBytes);
  size_t entries = 0;
  for (auto _ : state) {
    synlint::systemd::ParseResult r = synlint::systemd::Parse(text);
    entries = r.sections.size();
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(text.size()));
  state.counters["sections"] = static_cast<double>(entries);
}
BENCHMARK(BM_ParseOneBigFile)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
