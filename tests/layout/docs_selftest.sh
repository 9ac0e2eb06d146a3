#!/bin/sh
# SPDX-License-Identifier: MIT
# check_docs.py must fail on a broken link, a missing anchor, a link out of
# the tree and a kernel-facts citation, and pass on a tree without them.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/docs" "$tmp/rules/listen"
good() {
  printf '# Top\n\nSee [facts](docs/facts.md#2-the-cap) and [SL201](rules/listen/SL201.md).\n' > "$tmp/README.md"
  printf '# Facts\n\n## 2. The `cap`\n\n```\n[not a link](nowhere.md)\n```\n' > "$tmp/docs/facts.md"
  printf '# SL201\n\n- [facts](../../docs/facts.md), `[code](nowhere.md)`\n' > "$tmp/rules/listen/SL201.md"
}
expect_fail() {
  if python3 "$here/check_docs.py" "$@" 2>/dev/null >/dev/null; then
    echo "check_docs.py accepted: $what" >&2; exit 1
  fi
}
good
python3 "$here/check_docs.py" "$tmp" >/dev/null
python3 "$here/check_docs.py" --installed "$tmp" >/dev/null

what="a link to a missing file"; good
printf '[x](docs/missing.md)\n' >> "$tmp/README.md"; expect_fail "$tmp"
what="a missing anchor"; good
printf '[x](docs/facts.md#3-nothing)\n' >> "$tmp/README.md"; expect_fail "$tmp"
what="a link out of the installed tree"; good
printf '# Outside\n' > "$tmp/../outside-$$.md"
printf '[x](../outside-%s.md)\n' "$$" >> "$tmp/README.md"
expect_fail --installed "$tmp"; rm -f "$tmp/../outside-$$.md"
what="a kernel-facts citation"; good
printf -- '- kernel-facts.md section 1\n' >> "$tmp/rules/listen/SL201.md"; expect_fail "$tmp"
what="a reference-style link to a missing file"; good
printf '[x]: ../missing.md\n' >> "$tmp/docs/facts.md"; expect_fail "$tmp"
echo "ok"
