#!/usr/bin/env bash
# Builds synlint and runs the whole test suite through ctest, twice: with g++
# (-Werror) and with clang under AddressSanitizer + UBSan (-Werror). This is
# what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash tools/setup.sh --test
[[ -f build/tools/node/node_modules/ajv/package.json ]] || bash tools/install_sarif_validator.sh build/tools/node
jobs=$(nproc)

echo "== g++ build and tests"
cmake -S . -B build -G Ninja -DCMAKE_CXX_COMPILER=g++ -DSYNLINT_WERROR=ON -DSYNLINT_TESTS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

echo "== clang + AddressSanitizer/UBSan build and tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DSYNLINT_WERROR=ON \
  -DSYNLINT_SANITIZE=ON -DSYNLINT_BENCHMARKS=OFF -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
