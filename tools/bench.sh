#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmarks synlint: builds Release in build-bench, generates the corpus
# (benchmarks/corpus/make_corpus.py), runs the Google benchmarks and times
# whole `synlint` processes against reference commands run in the same
# session, then writes build-bench/results/summary.md (what BENCHMARKS.md
# quotes). The machine may be shared: the load average is recorded.
#   tools/bench.sh [--quick]   --quick: 1 repetition and fewer runs (a smoke run)
# Environment: SYNLINT_BENCH_BUILD (default build-bench), SYNLINT_BENCH_JOBS
# (build jobs, default 2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
build=${SYNLINT_BENCH_BUILD:-build-bench}
jobs=${SYNLINT_BENCH_JOBS:-2}
reps=5 parse_runs=10 host_runs=50
if [[ "${1:-}" == "--quick" ]]; then reps=1 parse_runs=3 host_runs=10; fi
results=$build/results

# Tools: hyperfine if it can be had (else a python timing loop), GNU time
# for peak RSS.
install() {
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@"; } >/dev/null 2>&1
}
command -v hyperfine >/dev/null 2>&1 || install hyperfine ||
  echo "bench: hyperfine not available, timing with a python loop"
[[ -x /usr/bin/time ]] || install time || echo "bench: /usr/bin/time not available, no peak RSS"
command -v python3 >/dev/null 2>&1 || install python3

echo "== build (Release, $build, -j$jobs); load $(cut -d' ' -f1-3 /proc/loadavg)"
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSYNLINT_TESTS=OFF \
  -DSYNLINT_BENCHMARKS=ON >/dev/null
cmake --build "$build" -j "$jobs"

echo "== corpus"
python3 benchmarks/corpus/make_corpus.py "$build/corpus"
mkdir -p "$results"
rm -f "$results"/*.json "$results"/*.txt
cut -d' ' -f1-3 /proc/loadavg >"$results/load_start.txt"

for bench in "$build"/benchmarks/*_bench; do
  [[ -x $bench ]] || continue
  name=$(basename "$bench")
  echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
  "$bench" --benchmark_repetitions="$reps" --benchmark_report_aggregates_only=true \
    --benchmark_out="$results/$name.json" --benchmark_out_format=json |
    tee "$results/$name.txt"
done

echo "== whole-process timings (load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 - "$build/synlint" "$build/corpus" "$results" "$parse_runs" "$host_runs" \
  "${SYNLINT_BENCH_TIMEOUT:-60}" <<'PY'
import glob, json, os, resource, shlex, shutil, statistics, subprocess, sys, tempfile, time

synlint, corpus, results = sys.argv[1:4]
parse_runs, host_runs, timeout = (int(a) for a in sys.argv[4:7])
hyperfine = shutil.which("hyperfine")
gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
MIB = 1 << 20
SLOW = 2.0  # seconds: a command this slow is timed 3 times, not `runs` times

def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])

def first_run(cmd):
    """(seconds, None) when the command works (exit 0, or 1 = findings), else (None, why)."""
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "did not finish in %d s" % timeout
    elapsed = time.perf_counter() - t
    if p.returncode in (0, 1):
        return elapsed, None
    lines = p.stderr.strip().splitlines()
    return None, "exit %d: %s" % (p.returncode, lines[-1][:90] if lines else "")

def timed(cmd, runs, warmup):
    """Wall seconds of each run and mean CPU (user+sys) seconds per run."""
    if hyperfine:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([hyperfine, "-N", "-i", "--style", "none", "--warmup", str(warmup),
                            "--runs", str(runs), "--export-json", out.name, shlex.join(cmd)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            r = json.load(open(out.name))["results"][0]
            return r["times"], r["user"] + r["system"]
    for _ in range(warmup):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return walls, cpu / runs

def peak_rss_mib(cmd):
    if not gnu_time:
        return None
    p = subprocess.run([gnu_time, "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    for line in p.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split()[-1]) / 1024
    return None

def measure(cmd, runs, warmup, rss=True):
    """Timing of a command, or {"na": why} when it fails or is too slow."""
    row = {"cmd": shlex.join(cmd), "load_before": load()}
    first, why = first_run(cmd)
    if why:
        row["na"] = why
        return row
    if first > SLOW:
        runs, warmup = min(runs, 3), 0
    walls, cpu = timed(cmd, runs, warmup)
    s = sorted(walls)
    row.update(median=statistics.median(s), min=s[0], max=s[-1],
               p90=s[min(len(s) - 1, int(0.9 * len(s)))], runs=len(s), cpu=cpu,
               rss_mib=peak_rss_mib(cmd) if rss else None, load_after=load())
    return row

def ms(x):
    return "%.1f ms" % (x * 1e3) if x < 10 else "%.1f s" % x

report = {"tool": "hyperfine -N" if hyperfine else "python subprocess loop",
          "nproc": os.cpu_count(), "formats": [], "host": []}
print("%-8s %-7s %-34s %-34s %s" % ("format", "MiB", "parse: CPU rate, wall, RSS",
                                     "check --root big/FORMAT: same", "cat / wc -l"))
for fmt, name in [("sysctl", "sysctl.conf"), ("nginx", "nginx.conf"),
                  ("apache", "apache2.conf"), ("systemd", "units.socket")]:
    path = os.path.join(corpus, name)
    size = os.path.getsize(path)
    row = {"format": fmt, "file": name, "bytes": size,
           "cat": measure(["cat", path], parse_runs, 1, rss=False),
           "wc": measure(["wc", "-l", path], parse_runs, 1, rss=False),
           "parse": measure([synlint, "parse", path, "--as", fmt], parse_runs, 1),
           "check": measure([synlint, "check", "--root", os.path.join(corpus, "big", fmt)],
                            parse_runs, 1),
           "clean": measure([synlint, "check", "--root", os.path.join(corpus, "clean", fmt)],
                            parse_runs, 1)}
    row["clean_bytes"] = sum(os.path.getsize(os.path.join(d, f))
                             for d, _, fs in os.walk(os.path.join(corpus, "clean", fmt)) for f in fs)
    report["formats"].append(row)
    def brief(m):
        if "na" in m:
            return "n/a (%s)" % m["na"][:26]
        return "%6.1f MiB/s %8s RSS %5.0f MiB" % (size / MIB / m["cpu"], ms(m["median"]),
                                                  m["rss_mib"] or 0)
    print("%-8s %-7.1f %-34s %-34s %s / %s" % (fmt, size / MIB, brief(row["parse"]),
          brief(row["check"]), ms(row["cat"]["median"]), ms(row["wc"]["median"])))
    size = row["clean_bytes"]
    print("%-8s %-7.1f check --root clean/FORMAT: %s" % (fmt, size / MIB, brief(row["clean"])))

host = os.path.join(corpus, "host")
tuning = os.path.join(host, "etc/sysctl.d/60-web-tuning.conf")
cases = [
    ("synlint check --root HOST", [synlint, "check", "--root", host]),
    ("synlint check --root HOST --format json", [synlint, "check", "--root", host, "--format", "json"]),
    ("synlint check --root HOST FILE (one file)",
     [synlint, "check", "--root", host, "etc/sysctl.d/60-web-tuning.conf"]),
    ("synlint parse FILE (the 100-line file)", [synlint, "parse", tuning, "--as", "sysctl"]),
    ("reference: synlint --version", [synlint, "--version"]),
    ("reference: cat FILE (the 100-line file)", ["cat", tuning]),
]
for label, cmd in cases:
    row = measure(cmd, host_runs, 3)
    row["case"] = label
    report["host"].append(row)
    if "na" in row:
        print("%-42s n/a (%s)" % (label, row["na"]))
    else:
        print("%-42s median %s  p90 %s  min %s  cpu %s  RSS %.1f MiB" % (
            label, ms(row["median"]), ms(row["p90"]), ms(row["min"]), ms(row["cpu"]),
            row["rss_mib"] or 0))

# Google benchmark medians and coefficients of variation, for the summary.
gbench = []
for path in sorted(glob.glob(os.path.join(results, "*_bench.json"))):
    for b in json.load(open(path)).get("benchmarks", []):
        agg = b.get("aggregate_name", "")
        if agg in ("median", "cv") or b.get("run_type") == "iteration":
            gbench.append({"bench": os.path.basename(path)[:-5], "name": b["name"],
                           "aggregate": agg, "real": b["real_time"], "cpu": b["cpu_time"],
                           "unit": b["time_unit"], "bytes_per_second": b.get("bytes_per_second")})
report["gbench"] = gbench
report["load_start"] = open(os.path.join(results, "load_start.txt")).read().strip()
report["load_end"] = load()
json.dump(report, open(os.path.join(results, "whole_process.json"), "w"), indent=1)

def cell(m, size):
    """Median wall time, MiB/s by wall time and by CPU time (user+sys), verdict on CPU."""
    if "na" in m:
        return "n/a (%s)" % m["na"]
    cpu_rate = size / MIB / m["cpu"] if m["cpu"] > 0 else float("inf")
    return "%s; %.1f MiB/s wall, %.1f MiB/s CPU (%s)" % (
        ms(m["median"]), size / MIB / m["median"], cpu_rate,
        "ok" if cpu_rate >= 100 else "below 100")

def rss_cell(m, size):
    if "na" in m or not m.get("rss_mib"):
        return "n/a"
    return "%.0f MiB (%.1fx)" % (m["rss_mib"], m["rss_mib"] * MIB / size)

out = ["# synlint benchmark run", "",
       "- machine: %d CPUs, kernel %s; whole-process timing: %s" % (
           os.cpu_count(), os.uname().release, report["tool"]),
       "- load average (1/5/15 min): start %s, end %s" % (report["load_start"], report["load_end"]),
       "", "## Big files (target 100 MiB/s and peak RSS <= 3x input)", "",
       "`parse` is `synlint parse FILE --as FORMAT` (output to /dev/null), `check` is",
       "`synlint check --root big/FORMAT` (a root holding only that file). Rates by CPU",
       "time (user+sys) are what an idle machine would show as wall time for this",
       "single-threaded work; the verdict uses them.", "",
       "| format | size | parse | parse RSS | check | check RSS | cat | wc -l | parse / cat | load |",
       "|---|---|---|---|---|---|---|---|---|---|"]
for r in report["formats"]:
    size = r["bytes"]
    ratio = ("%.0fx" % (r["parse"]["median"] / r["cat"]["median"])) if "na" not in r["parse"] else ""
    out.append("| %s | %.1f MiB | %s | %s | %s | %s | %s | %s | %s | %s |" % (
        r["format"], size / MIB, cell(r["parse"], size), rss_cell(r["parse"], size),
        cell(r["check"], size), rss_cell(r["check"], size), ms(r["cat"]["median"]),
        ms(r["wc"]["median"]), ratio, r["parse"]["load_before"]))
out += ["", "## Many files", "",
        "`synlint check --root clean/FORMAT`: about the same volume over a host's layout of",
        "many files with distinct ports and keys, so few findings.", "",
        "| format | size | check | check RSS | load |", "|---|---|---|---|---|"]
for r in report["formats"]:
    size = r["clean_bytes"]
    out.append("| %s | %.1f MiB | %s | %s | %s |" % (
        r["format"], size / MIB, cell(r["clean"], size), rss_cell(r["clean"], size),
        r["clean"].get("load_before", "")))
out += ["", "## Host: 20-file repository (target: median under 5 ms)", "",
        "| command | median | p90 | min | CPU (user+sys) | peak RSS | vs 5 ms | load |",
        "|---|---|---|---|---|---|---|---|"]
for r in report["host"]:
    if "na" in r:
        out.append("| %s | n/a (%s) | | | | | | %s |" % (r["case"], r["na"], r["load_before"]))
        continue
    verdict = "" if not r["case"].startswith("synlint check") else (
        "ok" if r["median"] < 0.005 else "%.0fx over" % (r["median"] / 0.005))
    out.append("| %s | %s | %s | %s | %s | %.1f MiB | %s | %s |" % (
        r["case"], ms(r["median"]), ms(r["p90"]), ms(r["min"]), ms(r["cpu"]),
        r["rss_mib"] or 0, verdict, r["load_before"]))
check, start = report["host"][0], report["host"][4]
if "na" not in check and "na" not in start:
    out += ["", "Beyond process start (`check` minus `synlint --version`): median %s wall, %s CPU." % (
        ms(check["median"] - start["median"]), ms(check["cpu"] - start["cpu"]))]
out += ["", "## Google benchmarks (median of the repetitions, cv = stddev / mean)", "",
        "| bench | benchmark | real | cpu | throughput |", "|---|---|---|---|---|"]
for b in gbench:
    if b["aggregate"] == "cv":
        out.append("| %s | %s | %.1f%% | %.1f%% | |" % (b["bench"], b["name"], b["real"] * 100,
                                                      b["cpu"] * 100))
        continue
    bps = b["bytes_per_second"]
    out.append("| %s | %s | %.3f %s | %.3f %s | %s |" % (
        b["bench"], b["name"], b["real"], b["unit"], b["cpu"], b["unit"],
        "%.1f MiB/s" % (bps / MIB) if bps else ""))
open(os.path.join(results, "summary.md"), "w").write("\n".join(out) + "\n")
print("\n" + "\n".join(out))
PY
echo "== results in $results/ (summary.md, *.json)"
