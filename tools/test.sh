#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds synlint and runs the whole test suite through ctest, twice: with g++
# (-Werror) and with clang under AddressSanitizer + UBSan (-Werror). This is
# what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash tools/setup.sh --test
[[ -f build/tools/node/node_modules/ajv/package.json ]] || bash tools/install_sarif_validator.sh build/tools/node
# Debian's nginx and Apache unpacked (never installed or started) for the
# tests that run `nginx -t` / `apache2ctl -t` on fixed configs.
bash tools/install_servers.sh build/tools/servers
jobs=$(nproc)

# Real-world configs from Debian's packages, unpacked for the parser tests
# (never committed). Done once, shared by both builds.
fetch_configs() {
  local dir=$1
  for script in tests/parsers/*/fetch_debian_configs.sh; do
    local format
    format=$(basename "$(dirname "$script")")
    [[ -d "$dir/debian-configs/$format" || -d "$dir/debian-configs/apache2" && $format == apache ]] && continue
    sh "$script" "$dir" >/dev/null 2>&1 || { apt-get update -qq && sh "$script" "$dir" >/dev/null; }
  done
}

echo "== g++ build and tests"
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=g++ -DSYNLINT_WERROR=ON -DSYNLINT_TESTS=ON >/dev/null
fetch_configs build
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

# The Debian package, built by dpkg-buildpackage from a clean copy of the tree
# (build/deb/src, so the test build above is not touched), checked by lintian
# (no error or warning), for hardening and for its contents and doc links.
echo "== Debian package (tools/build_deb.sh)"
DEB_BUILD_OPTIONS="nocheck parallel=$jobs" bash tools/build_deb.sh build/deb

echo "== clang + AddressSanitizer/UBSan build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSYNLINT_WERROR=ON \
  -DSYNLINT_SANITIZE=ON -DSYNLINT_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
mkdir -p build-asan && rm -rf build-asan/debian-configs && cp -a build/debian-configs build-asan/
cmake --build build-asan -j "$jobs"
# The Ansible tests (label "ansible") run once, in the g++ pass: they drive
# Python and the same report code the C++ tests cover, and take minutes.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs" -LE ansible

# Every libFuzzer target (clang, ASan/UBSan), seeded from the fixtures, for a
# short smoke run: any crash, leak, hang or OOM fails CI.
bash tools/fuzz_smoke.sh "${SYNLINT_FUZZ_SECONDS:-20}"
