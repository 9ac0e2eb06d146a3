#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Test preparation for tests/integration/server_check_test.cc: the real tools
# that check what synlint's fixes write (nginx -t, apache2ctl -t,
# systemd-analyze verify). Nothing here is committed (build*/ is ignored) and
# no service is ever started:
#   - Debian's nginx and Apache packages (and the two libraries Apache needs
#     that a minimal Debian lacks) are downloaded with `apt-get download` and
#     unpacked with `dpkg-deb -x` into DIR, never installed: no maintainer
#     script runs, nothing lands in /etc, /usr or /var. The tests run them in
#     tests/integration/sandbox.sh, which overlays DIR/usr on /usr in a private
#     mount namespace.
#   - systemd-analyze comes from the machine's systemd package; when it is
#     missing, systemd is installed with apt-get under a policy-rc.d that
#     forbids starting services (the previous policy-rc.d, if any, is put back).
#
#   tools/install_servers.sh [DIR]     DIR defaults to build/tools/servers
#
# Safe to run again: it does nothing when DIR already holds the same package
# versions. Needs root (apt-get; the sandbox uses mount namespaces).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$here/build/tools/servers}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
export DEBIAN_FRONTEND=noninteractive

packages=(nginx apache2-bin apache2 libapr1 libaprutil1)

# "NAME VERSION" per package, the versions apt-get would download.
versions() {
  apt-cache policy "${packages[@]}" |
    awk '/^[^ ].*:$/ {name = substr($1, 1, length($1) - 1)} /Candidate:/ {print name, $2}'
}

# --- systemd-analyze, from the machine's systemd package -------------------
if ! command -v systemd-analyze >/dev/null 2>&1; then
  policy=/usr/sbin/policy-rc.d
  saved=""
  if [[ -e $policy ]]; then
    saved="$(mktemp)"
    cp -a "$policy" "$saved"
  fi
  restore_policy() {
    if [[ -n $saved ]]; then mv -f "$saved" "$policy"; else rm -f "$policy"; fi
  }
  trap restore_policy EXIT
  printf '#!/bin/sh\n# tools/install_servers.sh: never start services\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends systemd >/dev/null
  restore_policy
  trap - EXIT
fi

# --- nginx and Apache, unpacked into DIR -----------------------------------
want="$(versions)"
if [[ -z $want || $want == *"(none)"* ]]; then
  apt-get update -qq
  want="$(versions)"
fi
if [[ -x $dir/usr/sbin/nginx && -x $dir/usr/sbin/apache2 && -f $dir/.packages &&
      "$(cat "$dir/.packages")" == "$want" ]]; then
  echo "servers already unpacked in $dir"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod a+rwx "$work"  # apt-get downloads as user _apt
  (cd "$work" && apt-get download -qq "${packages[@]}") ||
    { apt-get update -qq && (cd "$work" && apt-get download -qq "${packages[@]}"); }
  # Empty DIR before unpacking, but only a DIR this script made.
  if [[ -n $(ls -A "$dir") && ! -f $dir/.packages ]]; then
    echo "install_servers: $dir is not empty and was not made by this script" >&2
    exit 1
  fi
  find "$dir" -mindepth 1 -delete
  for deb in "$work"/*.deb; do
    dpkg-deb -x "$deb" "$dir"
  done
  printf '%s\n' "$want" >"$dir/.packages"
  rm -rf "$work"
  trap - EXIT
fi

# --- smoke test: the tools run in the sandbox ------------------------------
empty="$(mktemp -d)"
trap 'rm -rf "$empty"' EXIT
mkdir -p "$empty/etc"
sandbox="$here/tests/integration/sandbox.sh"
sh "$sandbox" "$empty" "$dir" nginx -v
sh "$sandbox" "$empty" "$dir" apache2 -v | head -1
systemd-analyze --version | head -1
echo "servers unpacked in $dir"
