#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compares what two synlint binaries print, for checking that a change meant
# to be behaviour-neutral (a speed-up) is: `check` text, JSON and --diff, and
# `show --format json`, on every benchmark corpus root (tools/bench.sh makes
# build-bench/corpus), every fixtures/hosts/* tree and the demo.
#   tools/compare_outputs.sh OLD_SYNLINT NEW_SYNLINT [SKIP_REGEX]
# SKIP_REGEX drops "ARGS --root ROOT" cases that match (e.g. a case the old
# binary cannot finish). Prints each case that differs; exit 1 if any does.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
old=$1 new=$2 skip=${3:-'^$'}
roots=(build-bench/corpus/host build-bench/corpus/big/* build-bench/corpus/clean/* fixtures/demo)
for d in fixtures/hosts/*; do [[ -d $d && $d != *.* ]] && roots+=("$d"); done
n=0 differ=0
for root in "${roots[@]}"; do
  [[ -d $root ]] || continue
  for args in "check --fail-on never" "check --fail-on never --format json" \
              "check --fail-on never --diff" "show --format json"; do
    [[ "$args --root $root" =~ $skip ]] && continue
    n=$((n + 1))
    # shellcheck disable=SC2086  # args are words on purpose
    a=$("$old" $args --root "$root" 2>&1 | md5sum) || true
    # shellcheck disable=SC2086
    b=$("$new" $args --root "$root" 2>&1 | md5sum) || true
    if [[ $a != "$b" ]]; then
      echo "differs: $args --root $root"
      differ=$((differ + 1))
    fi
  done
done
echo "compared $n cases, $differ differ"
[[ $n -gt 0 && $differ -eq 0 ]]
