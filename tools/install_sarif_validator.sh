#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs what tests/output needs to check synlint's SARIF output against the
# official SARIF 2.1.0 JSON schema: the schema file and a JSON-schema
# validator (Ajv with draft-04 support and formats), both from the npm
# registry. Nothing here is committed (build*/ is ignored).
#
#   tools/install_sarif_validator.sh [DIR]     DIR defaults to build/tools/node
#
# The schema comes from @microsoft/jest-sarif, which ships the 2.1.0 schema
# (sarif-2.1.0-rtm.5.json, the release the OASIS standard's schema was cut
# from); only that one file is extracted, the package itself is not
# installed. The test looks in build/tools/node (under the source tree), in
# the build directory's tools/node, or in $SYNLINT_SARIF_VALIDATOR_DIR.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${1:-$here/build/tools/node}"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"

command -v node >/dev/null || { echo "node is required (apt-get install nodejs npm)" >&2; exit 1; }
command -v npm >/dev/null || { echo "npm is required (apt-get install npm)" >&2; exit 1; }

npm install --prefix "$dir" --no-audit --no-fund --no-save --no-package-lock \
  --loglevel=error ajv@8.17.1 ajv-draft-04@1.0.0 ajv-formats@3.0.1

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null)
tar -xzf "$tmp"/microsoft-jest-sarif-*.tgz -C "$tmp" package/lib/schemas/sarif-2.1.0-rtm.5.json
cp "$tmp/package/lib/schemas/sarif-2.1.0-rtm.5.json" "$dir/sarif-schema-2.1.0.json"

# Smoke test: the validator must accept a minimal log and reject a bad one.
printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[]}]}' >"$tmp/good.sarif"
printf '{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"level":"bad","message":{"text":"m"}}]}]}' >"$tmp/bad.sarif"
validator="$here/tests/output/validate_sarif.js"
node "$validator" "$dir" "$tmp/good.sarif" >/dev/null
if node "$validator" "$dir" "$tmp/bad.sarif" >/dev/null 2>&1; then
  echo "the SARIF validator accepted an invalid log" >&2
  exit 1
fi
echo "SARIF validator installed in $dir"
