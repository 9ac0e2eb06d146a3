#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# synlint.synlint.audit with fix=true, through real Ansible (ad hoc, local):
#   module_fix_test.sh SYNLINT_BIN SOURCE_DIR
# On a copy of fixtures/hosts/sysctl_precedence (three safe fixes): in check
# mode the module reports changed and writes nothing; without it, it writes
# exactly the fixture's .fixed files and returns synlint's action; run again,
# nothing changes. A plain check is changed=false.
set -euo pipefail
bin=$(realpath "$1")
src=$(realpath "$2")
fail() { echo "FAIL: $*" >&2; exit 1; }
command -v ansible >/dev/null || fail "ansible-core is missing; run tools/setup.sh --test"
tmp=$(mktemp -d /tmp/synlint-ansible-fix.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" ANSIBLE_COLLECTIONS_PATH="$tmp/collections" ANSIBLE_LOCAL_TEMP="$tmp/ansible-local"
export ANSIBLE_NOCOLOR=1
mkdir -p "$HOME"
ansible-galaxy collection install "$src/integrations/ansible" -p "$tmp/collections" >"$tmp/galaxy.log" 2>&1 ||
  { cat "$tmp/galaxy.log"; fail "ansible-galaxy collection install"; }
fixture="$src/fixtures/hosts/sysctl_precedence"
cp -a "$fixture" "$tmp/root"

# run ARGS-JSON [ansible options]: the module's result as JSON on stdout (ansible -t writes it)
run() {
  local args=$1; shift
  rm -rf "$tmp/tree"
  ansible localhost -c local -e ansible_python_interpreter=/usr/bin/python3 -m synlint.synlint.audit \
    -a "$args" -t "$tmp/tree" "$@" >"$tmp/out.log" 2>&1 || true
  [[ -s $tmp/tree/localhost ]] || { cat "$tmp/out.log" >&2; fail "no result from ansible"; }
  cat "$tmp/tree/localhost"
}
field() { /usr/bin/python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(json.dumps(eval(sys.argv[2], {}, {"r": r})))' "$1" "$2"; }
fixargs="{\"binary\": \"$bin\", \"command\": \"check\", \"root\": \"$tmp/root\", \"kernel\": \"6.1\", \"fix\": true}"
before=$(cd "$tmp/root" && find . -type f -exec md5sum {} + | sort)

r=$(run "$fixargs" --check)
[[ $(field "$r" 'r.get("failed", False)') == false ]] || fail "check mode failed: $r"
[[ $(field "$r" 'r["changed"]') == true ]] || fail "check mode with fixes to make is not changed: $r"
[[ $(field "$r" '"--diff" in r["cmd"] and "--fix" not in r["cmd"]') == true ]] || fail "check mode ran: $r"
[[ $(cd "$tmp/root" && find . -type f -exec md5sum {} + | sort) == "$before" ]] || fail "check mode wrote files"

r=$(run "$fixargs")
[[ $(field "$r" 'r["changed"]') == true ]] || fail "fix=true is not changed: $r"
[[ $(field "$r" '[a["command"] for a in r["actions"]]') == '["systemctl restart systemd-sysctl"]' ]] ||
  fail "actions: $r"
(cd "$src/fixtures/hosts/sysctl_precedence.fixed" && find . -type f) | while read -r f; do
  cmp -s "$src/fixtures/hosts/sysctl_precedence.fixed/$f" "$tmp/root/$f" || fail "$f is not the fixed file"
done

r=$(run "$fixargs")
[[ $(field "$r" 'r["changed"]') == false ]] || fail "a second fix run changed something: $r"

r=$(run "{\"binary\": \"$bin\", \"command\": \"check\", \"root\": \"$tmp/root\", \"kernel\": \"6.1\"}" --check)
[[ $(field "$r" 'r["changed"]') == false && $(field "$r" '"report" in r') == true ]] || fail "plain check: $r"
echo PASS
