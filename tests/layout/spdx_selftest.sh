#!/bin/sh
# SPDX-License-Identifier: MIT
# check_spdx.sh must fail on a file without the SPDX line and pass once it has it.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
touch "$tmp/LICENSE"
printf 'int main() { return 0; }\n' > "$tmp/a.cc"
if sh "$here/check_spdx.sh" "$tmp" 2>/dev/null; then
  echo "check_spdx.sh accepted a file without an SPDX line" >&2; exit 1
fi
printf '#!/bin/sh\necho hi\n' > "$tmp/b.sh"
printf '// SPDX-License-Identifier: MIT\nint main() { return 0; }\n' > "$tmp/a.cc"
if sh "$here/check_spdx.sh" "$tmp" 2>/dev/null; then
  echo "check_spdx.sh accepted a script without an SPDX line after its shebang" >&2; exit 1
fi
printf '#!/bin/sh\n# SPDX-License-Identifier: MIT\necho hi\n' > "$tmp/b.sh"
sh "$here/check_spdx.sh" "$tmp" >/dev/null
echo "ok"
