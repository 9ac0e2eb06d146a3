#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Times `synlint report` merging generated host reports, whole process:
#   benchmarks/fleet/bench_report.sh SYNLINT_BIN [HOSTS (10000)] [RUNS (5)]
# Generates HOSTS reports with make_fleet.py (once, into a temporary
# directory), then runs `synlint report DIR --format F -o /dev/null` RUNS times
# per format under GNU time and prints the best elapsed and CPU (user+sys)
# time and the peak RSS. On a loaded machine the CPU time is the figure to
# quote: elapsed time includes waiting for a core.
set -euo pipefail
bin=$(realpath "$1")
hosts=${2:-10000}
runs=${3:-5}
here=$(dirname "$(realpath "$0")")
dir=$(mktemp -d /tmp/synlint-fleet-bench.XXXXXX)
trap 'rm -rf "$dir"' EXIT
python3 "$here/make_fleet.py" "$dir/reports" --hosts "$hosts"
echo "$hosts reports, $(du -sm "$dir/reports" | cut -f1) MiB; best of $runs runs"
for format in text json sarif html; do
  best=""
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$dir/time" "$bin" report "$dir/reports" --format "$format" -o /dev/null \
      --fail-on never
    read -r e u s m <"$dir/time"
    cpu=$(awk -v u="$u" -v s="$s" 'BEGIN { printf "%.2f", u + s }')
    if [[ -z $best ]] || awk -v a="$cpu" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
      best="$cpu $e $m"
    fi
  done
  read -r cpu e m <<<"$best"
  printf '%-6s cpu %5s s  elapsed %5s s  max RSS %6d KiB\n' "$format" "$cpu" "$e" "$m"
done
