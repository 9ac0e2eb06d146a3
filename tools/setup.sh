#!/usr/bin/env bash
# Installs what synlint needs to build and test, from Debian's archive, when
# it is missing. Safe to run again: it installs only what is absent.
#   tools/setup.sh          build dependencies
#   tools/setup.sh --test   also the test tools (clang, node for the SARIF
#                           schema check, git/patch, real nginx/Apache/systemd
#                           to check fixed configs, pre-commit)
set -euo pipefail

want=(cmake ninja-build g++ pkg-config libyaml-cpp-dev libcli11-dev libgtest-dev libgmock-dev
      libbenchmark-dev libtree-sitter-dev)
if [[ "${1:-}" == "--test" ]]; then
  want+=(clang libclang-rt-14-dev git patch nodejs npm python3)
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
