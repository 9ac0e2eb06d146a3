#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fails when a product source includes from a layer above its own. The layers,
# bottom up, follow the data flow:
#   core <- parsers <- model <- rules <- linter
# A file may include its own layer and the layers below it; tests/,
# benchmarks/ and fuzz/ may include anything. Prints each offending include
# as FILE:LINE: LAYER includes HEADER (LAYER).
#   tests/layout/check_include_direction.sh [SOURCE_DIR]
set -euo pipefail
cd "${1:-$(dirname "${BASH_SOURCE[0]}")/../..}"
layers=(core parsers model rules linter)
rank() {
  local i
  for i in "${!layers[@]}"; do [[ ${layers[$i]} == "$1" ]] && { echo "$i"; return; }; done
  echo -1
}
bad=0 checked=0
for layer in "${layers[@]}"; do
  [[ -d $layer ]] || { echo "missing layer folder: $layer" >&2; exit 2; }
  own=$(rank "$layer")
  while IFS=: read -r file line text; do
    header=$(sed -E 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"([^"]*)".*/\1/' <<<"$text")
    top=${header%%/*}
    checked=$((checked + 1))
    r=$(rank "$top")
    if [[ $header != */* || $r -lt 0 ]]; then
      echo "$file:$line: includes \"$header\", which is not under a layer folder (${layers[*]})"
      bad=$((bad + 1))
    elif ((r > own)); then
      echo "$file:$line: $layer includes $header ($top is above $layer)"
      bad=$((bad + 1))
    fi
  done < <(grep -rnE --include='*.h' --include='*.cc' '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$layer" || true)
done
if ((checked == 0)); then
  echo "no includes found: wrong directory?" >&2
  exit 2
fi
echo "$checked includes checked, $bad point up"
((bad == 0))
