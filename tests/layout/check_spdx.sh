#!/bin/sh
# SPDX-License-Identifier: MIT
# Every source, build and script file carries the project's licence as an SPDX
# line, in one style: "// SPDX-License-Identifier: MIT" in C++, "# ..." elsewhere,
# on the first line or right after a shebang. Usage: check_spdx.sh SOURCE_DIR
set -eu
cd "$1"
[ -f LICENSE ] || { echo "LICENSE missing" >&2; exit 1; }
list=$(mktemp)
trap 'rm -f "$list"' EXIT
{ git ls-files 2>/dev/null || find . -type f | sed 's|^\./||'; } |
  grep -E '(\.(cc|h|sh|py|cmake)$|CMakeLists\.txt$|^\.ci/run$)' > "$list" || true
[ -s "$list" ] || { echo "no files checked" >&2; exit 1; }
# One awk pass over every file: the first line, or the second after a shebang.
tr '\n' '\0' < "$list" | xargs -0 awk '
  FNR == 1 { want = (FILENAME ~ /\.(cc|h)$/) ? "// SPDX-License-Identifier: MIT" : "# SPDX-License-Identifier: MIT" }
  FNR == 1 && /^#!/ { next }
  (FNR == 1 || FNR == 2) && !(FILENAME in seen) {
    seen[FILENAME] = 1
    if ($0 != want) { printf "%s: missing or misplaced SPDX line (want: %s)\n", FILENAME, want > "/dev/stderr"; bad = 1 }
  }
  END {
    for (i = 1; i < ARGC; i++) if (!(ARGV[i] in seen)) { printf "%s: no SPDX line (empty, or a shebang only)\n", ARGV[i] > "/dev/stderr"; bad = 1 }
    printf "%d files checked\n", ARGC - 1; exit bad
  }'
