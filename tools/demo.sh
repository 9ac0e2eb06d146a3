#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds synlint and runs it on the bundled example host (fixtures/demo): an
# Apache host tuned after "possible SYN flooding" messages. Findings go to
# stderr, the corrected configuration as a unified diff to stdout, then the
# effective model.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash tools/setup.sh
cmake -S . -B build -G Ninja >/dev/null
cmake --build build --target synlint -j "$(nproc)"
echo "\$ synlint check --root fixtures/demo --diff --unsafe-fixes"
rc=0
build/synlint check --root fixtures/demo --diff --unsafe-fixes || rc=$?
echo
echo "\$ synlint show --root fixtures/demo"
build/synlint show --root fixtures/demo
# Exit status 1 means "findings", which is the point of the demo.
((rc <= 1))
