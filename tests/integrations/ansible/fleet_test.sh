#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Ansible collection end to end, with real Ansible (issue #26):
#   fleet_test.sh SYNLINT_BIN SOURCE_DIR
# Makes 20 hosts on this machine. 19 are network namespaces made here
# (ip netns, loopback only), each with its own somaxconn, a process holding
# listening sockets, and its own /etc-shaped root (a copy of
# tests/cli/audit_fixtures/web, nginx on 127.0.0.1:8080 backlog=511, with somaxconn
# raised to 4096 in etc/sysctl.d), reached with ansible_connection=local and pointed at
# its namespace and root by host variables. Some are broken on purpose, each in
# its own way; one is unreachable (ssh to a closed port on 127.0.0.1). Then
# ansible-playbook runs the installed collection's audit playbook, and the
# merged report must name exactly the broken hosts with exactly their
# findings. Also: ansible-doc renders the module. Prints the playbook's wall
# time. Everything it makes is removed at exit; every wait is bounded.
set -euo pipefail

bin=$(realpath "$1")
src=$(realpath "$2")
here="$src/tests/integrations/ansible"

fail() { echo "FAIL: $*" >&2; exit 1; }
if [[ $(id -u) -ne 0 ]]; then echo "SKIP: network namespaces need root"; exit 77; fi
for tool in ansible-playbook ansible-galaxy ansible-doc ip; do
  command -v "$tool" >/dev/null || fail "$tool is missing; run tools/setup.sh --test (installs Debian's ansible-core)"
done

tmp=$(mktemp -d /tmp/synlint-fleet.XXXXXX)
tag="sl$$"  # namespace names unique to this run
pids=()
namespaces=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  for ns in "${namespaces[@]}"; do ip netns delete "$ns" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT

export ANSIBLE_COLLECTIONS_PATH="$tmp/collections"
export ANSIBLE_LOCAL_TEMP="$tmp/ansible-local" ANSIBLE_REMOTE_TEMP="$tmp/ansible-remote"
export ANSIBLE_PIPELINING=True ANSIBLE_NOCOLOR=1 ANSIBLE_HOST_KEY_CHECKING=False ANSIBLE_RETRY_FILES_ENABLED=False
export HOME="$tmp/home"
mkdir -p "$HOME"

# The collection, installed from the source tree as a user would.
ansible-galaxy collection install "$src/integrations/ansible" -p "$tmp/collections" >"$tmp/galaxy.log" 2>&1 ||
  { cat "$tmp/galaxy.log"; fail "ansible-galaxy collection install"; }

# ansible-doc renders the module's documentation.
ansible-doc synlint.synlint.audit >"$tmp/doc.txt" 2>&1 || { cat "$tmp/doc.txt"; fail "ansible-doc"; }
for want in "SYNLINT.SYNLINT.AUDIT" "OPTIONS" "netns" "EXAMPLES" "RETURN VALUES"; do
  grep -q -- "$want" "$tmp/doc.txt" || { cat "$tmp/doc.txt"; fail "ansible-doc output lacks '$want'"; }
done

# sysctl in a namespace, then check it took.
nsysctl() {
  ip netns exec "$1" sysctl -q -w "$2=$3"
  [[ $(ip netns exec "$1" cat "/proc/sys/${2//.//}") == "$3" ]] || fail "$1: $2 is not $3"
}

# Starts listen.py in namespace $1 with specs $2...; waits until it listens.
listen() {
  local ns=$1; shift
  local ready="$tmp/ready-$ns-${#pids[@]}"
  ip netns exec "$ns" /usr/bin/python3 "$here/listen.py" "$ready" "$@" &
  pids+=($!)
  for _ in $(seq 100); do [[ -e $ready ]] && return 0; sleep 0.05; done
  fail "$ns: listeners did not come up"
}

inventory="$tmp/inventory.yml"
{
  echo "all:"
  echo "  vars:"
  echo "    ansible_connection: local"
  echo "    ansible_python_interpreter: /usr/bin/python3"
  echo "    synlint_binary: $bin"
  echo "    synlint_install: false"
  echo "  hosts:"
} >"$inventory"

hosts=()
for i in $(seq -w 1 20); do hosts+=("web$i"); done
for h in "${hosts[@]}"; do
  [[ $h == web20 ]] && continue
  ns="$tag-$h"
  ip netns add "$ns"
  namespaces+=("$ns")
  ip -n "$ns" link set lo up
  cp -a "$src/tests/cli/audit_fixtures/web" "$tmp/root-$h"
  # somaxconn 4096 in the files: the default since Linux 5.4, so a healthy host has no finding
  sed -i 's/^net.core.somaxconn = 1024$/net.core.somaxconn = 4096/' "$tmp/root-$h/etc/sysctl.d/60-web.conf"
  grep -qx 'net.core.somaxconn = 4096' "$tmp/root-$h/etc/sysctl.d/60-web.conf" || fail "$h: sysctl file not changed"
  nsysctl "$ns" net.ipv4.tcp_synack_retries 3
  case $h in
    web03)  # stale listener: nginx listened while somaxconn was 128; raised since
      nsysctl "$ns" net.core.somaxconn 128
      listen "$ns" 8080:511
      nsysctl "$ns" net.core.somaxconn 4096 ;;
    web07)  # the running somaxconn is not the one its files set
      nsysctl "$ns" net.core.somaxconn 8192
      listen "$ns" 8080:511 ;;
    web11)  # a file asks for more than somaxconn allows
      sed -i 's/backlog=511/backlog=8192/' "$tmp/root-$h/etc/nginx/nginx.conf"
      grep -q 'backlog=8192' "$tmp/root-$h/etc/nginx/nginx.conf" || fail "web11: nginx.conf not changed"
      nsysctl "$ns" net.core.somaxconn 4096
      listen "$ns" 8080:8192 ;;
    web15)  # a listener no file explains
      nsysctl "$ns" net.core.somaxconn 4096
      listen "$ns" 8080:511 9999:128 ;;
    *)
      nsysctl "$ns" net.core.somaxconn 4096
      listen "$ns" 8080:511 ;;
  esac
  root="$tmp/root-$h"
  [[ $h == web19 ]] && root="$tmp/no-such-root"  # synlint fails: exit 2
  cat >>"$inventory" <<EOT
    $h:
      synlint_netns: /run/netns/$ns
      synlint_root: $root
EOT
done
cat >>"$inventory" <<EOT
    web20:
      ansible_connection: ssh
      ansible_host: 127.0.0.1
      ansible_port: 1
      ansible_user: nobody
      ansible_ssh_common_args: -o ConnectTimeout=5 -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
EOT

start=$(date +%s.%N)
# SARIF is left out here: tests/report checks it against the schema.
set +e
(cd "$tmp" && timeout 540 ansible-playbook -i "$inventory" synlint.synlint.audit -f 20 \
  -e "synlint_reports_dir=$tmp/reports" -e "synlint_fleet_dir=$tmp/fleet" -e "synlint_report_binary=$bin" \
  -e '{"synlint_fleet_formats": ["text", "json", "html"]}') \
  >"$tmp/playbook.log" 2>&1
rc=$?
set -e
end=$(date +%s.%N)
# 4: a host was unreachable (web20); anything else is a failure of the run.
[[ $rc -eq 4 ]] || { cat "$tmp/playbook.log"; fail "ansible-playbook exited $rc, expected 4 (one unreachable host)"; }
awk -v s="$start" -v e="$end" 'BEGIN { printf "fleet: 20 hosts audited and merged by ansible-playbook in %.1f s\n", e - s }'

for f in fleet.txt fleet.json fleet.html; do
  [[ -s $tmp/fleet/$f ]] || { cat "$tmp/playbook.log"; fail "no $f"; }
done
cat "$tmp/fleet/fleet.txt"

# The merged report names exactly the broken hosts, with exactly their findings.
/usr/bin/python3 - "$tmp/fleet/fleet.json" <<'PY' || { cat "$tmp/playbook.log"; fail "the merged report is not what the fleet is"; }
import json, sys
fleet = json.load(open(sys.argv[1]))
expected = {
    "web03": {"SL302"},
    "web07": {"SL303"},
    "web11": {"SL201"},
    "web15": {"SL306"},
}
status = {h["host"]: h["status"] for h in fleet["hosts"]}
problems = []
if len(status) != 20:
    problems.append("%d hosts, expected 20" % len(status))
want_status = {h: "ok" for h in status}
want_status.update({"web19": "failed", "web20": "unreachable"})
if status != want_status:
    problems.append("statuses %s" % {h: s for h, s in status.items() if s != want_status.get(h)})
found = {}
for g in fleet["groups"]:
    for h in g["hosts"]:
        found.setdefault(h["host"], set()).add(g["rule"])
if found != expected:
    problems.append("findings by host: %s, expected %s" % (found, expected))
failed = [h for h in fleet["hosts"] if h["host"] == "web19"][0]
if "exited 2" not in failed["error"]:
    problems.append("web19's error: %r" % failed["error"])
s = fleet["summary"]
if (s["hosts"], s["reported"], s["failed"], s["unreachable"], s["with_findings"]) != (20, 18, 1, 1, 4):
    problems.append("summary %s" % s)
for p in problems:
    print("merged report:", p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY

grep -q '<table id="hosts" class="sortable">' "$tmp/fleet/fleet.html" || fail "fleet.html has no host table"

# The page in a real headless browser (Debian's chromium), when installed:
# the DOM after its script ran holds the host table with every host, and a
# screenshot is taken. Without chromium the page is only checked as text.
if command -v chromium >/dev/null; then
  chrome=(timeout 90 chromium --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$tmp/chrome")
  "${chrome[@]}" --dump-dom "file://$tmp/fleet/fleet.html" >"$tmp/dom.html" 2>"$tmp/chrome.log" ||
    { cat "$tmp/chrome.log"; fail "chromium --dump-dom"; }
  for h in "${hosts[@]}"; do
    grep -q "<td>$h</td>" "$tmp/dom.html" || fail "the rendered host table lacks $h"
  done
  "${chrome[@]}" --window-size=1280,1600 --screenshot="$tmp/fleet.png" "file://$tmp/fleet/fleet.html" \
    >>"$tmp/chrome.log" 2>&1 || { cat "$tmp/chrome.log"; fail "chromium --screenshot"; }
  [[ $(stat -c %s "$tmp/fleet.png") -gt 10000 ]] || fail "the screenshot is (nearly) empty"
  [[ -n ${SYNLINT_KEEP_SCREENSHOT:-} ]] && cp "$tmp/fleet.png" "$SYNLINT_KEEP_SCREENSHOT"
  echo "chromium rendered fleet.html"
else
  echo "chromium is not installed: fleet.html checked as text only"
fi
echo "PASS"
