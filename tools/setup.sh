#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what synlint needs to build and test, from Debian's archive, when
# it is missing. Safe to run again: it installs only what is absent.
#   tools/setup.sh          build dependencies
#   tools/setup.sh --test   also the test tools (clang with its sanitizer
#                           runtime, Node.js for the SARIF schema check,
#                           git and patch for the diff tests, man, groff
#                           and zsh for the man page and completion tests,
#                           ansible-core and ansible-lint for the Ansible
#                           collection's tests, chromium to render the
#                           fleet report's HTML page headless,
#                           and what tools/setup.sh --deb installs)
#   tools/setup.sh --deb    also dpkg-dev, debhelper and lintian, for the
#                           Debian package (tools/build_deb.sh)
set -euo pipefail

# Libraries and tools checked as Debian packages.
want=(cmake ninja-build g++ pkgconf libyaml-cpp-dev libcli11-dev libgtest-dev libgmock-dev
      libbenchmark-dev libtree-sitter-dev libmnl-dev)
# Tools checked as commands (they may come from elsewhere, e.g. a newer Node.js).
declare -A commands=()
if [[ "${1:-}" == "--test" || "${1:-}" == "--deb" ]]; then
  want+=(dpkg-dev debhelper lintian python3)
fi
if [[ "${1:-}" == "--test" ]]; then
  want+=(libclang-rt-14-dev)
  commands=([clang++]=clang [git]=git [patch]=patch [node]=nodejs [npm]=npm [python3]=python3
            [man]=man-db [groff]=groff-base [zsh]=zsh [unshare]=util-linux [pre-commit]=pre-commit
            [ansible-playbook]=ansible-core [ansible-lint]=ansible-lint [chromium]=chromium)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
for c in "${!commands[@]}"; do
  command -v "$c" >/dev/null 2>&1 || missing+=("${commands[$c]}")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
