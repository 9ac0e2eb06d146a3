// SPDX-License-Identifier: MIT
// `synlint report` in process: reading and merging a fleet's host reports,
// then each format. The reports come from make_fleet.py:
//   python3 benchmarks/fleet/make_fleet.py /tmp/fleet --hosts 10000
//   SYNLINT_FLEET_DIR=/tmp/fleet build-rel/benchmarks/fleet_report_bench
// (bench_report.sh times the whole process instead).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <ostream>
#include <streambuf>
#include <string>

#include "linter/report/fleet.h"
#include "linter/report/read_reports.h"

namespace synlint {
namespace {

class NullBuffer : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

std::string FleetDir() {
  const char* dir = std::getenv("SYNLINT_FLEET_DIR");
  return dir ? dir : "";
}

FleetReport ReadAndMerge(benchmark::State& state) {
  std::vector<HostReport> hosts;
  std::string err;
  if (!ReadReports({FleetDir()}, {}, &hosts, &err)) state.SkipWithError(("set SYNLINT_FLEET_DIR: " + err).c_str());
  return MergeHosts(std::move(hosts));
}

void BM_ReadAndMerge(benchmark::State& state) {
  size_t hosts = 0;
  for (auto _ : state) {
    FleetReport r = ReadAndMerge(state);
    hosts = r.hosts.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["hosts"] = static_cast<double>(hosts);
}
BENCHMARK(BM_ReadAndMerge)->Unit(benchmark::kMillisecond);

template <void (*Write)(const FleetReport&, std::ostream&)>
void BM_Write(benchmark::State& state) {
  const FleetReport r = ReadAndMerge(state);
  NullBuffer null;
  std::ostream out(&null);
  for (auto _ : state) Write(r, out);
}
BENCHMARK(BM_Write<WriteFleetText>)->Name("BM_WriteText")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Write<WriteFleetJson>)->Name("BM_WriteJson")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Write<WriteFleetSarif>)->Name("BM_WriteSarif")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Write<WriteFleetHtml>)->Name("BM_WriteHtml")->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace synlint

BENCHMARK_MAIN();
