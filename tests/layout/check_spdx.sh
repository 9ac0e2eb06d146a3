#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source, build and script file carries the project's licence as an SPDX
# line, in one style: "// SPDX-License-Identifier: MIT" in C++, "# ..." elsewhere,
# on the first line or right after a shebang. Usage: check_spdx.sh SOURCE_DIR
set -eu
cd "$1"
status=0
checked=0
for f in $(git ls-files 2>/dev/null || find . -type f | sed 's|^\./||'); do
  case "$f" in
    *.cc|*.h) want='// SPDX-License-Identifier: MIT' ;;
    *.sh|*.py|*.cmake|*CMakeLists.txt|.ci/run) want='# SPDX-License-Identifier: MIT' ;;
    *) continue ;;
  esac
  [ -f "$f" ] || continue
  checked=$((checked + 1))
  first=$(sed -n 1p "$f")
  case "$first" in
    '#!'*) line=$(sed -n 2p "$f") ;;
    *) line=$first ;;
  esac
  if [ "$line" != "$want" ]; then
    echo "$f: missing or misplaced SPDX line (want: $want)" >&2
    status=1
  fi
done
[ "$checked" -gt 0 ] || { echo "no files checked" >&2; exit 1; }
[ -f LICENSE ] || { echo "LICENSE missing" >&2; exit 1; }
echo "$checked files carry the SPDX line"
exit $status
