#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The include-direction check must catch what it exists for: a tree with one
# upward include fails and names it; the same tree without it passes.
set -euo pipefail
check="$(dirname "${BASH_SOURCE[0]}")/check_include_direction.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp"/{core,parsers/nginx,model,rules/listen,linter/cli}
echo '#include "core/source.h"' >"$tmp/parsers/nginx/lexer.h"
echo '#include "parsers/nginx/lexer.h"' >"$tmp/model/host.h"
printf '#include <vector>\n#include "model/host.h"\n' >"$tmp/rules/listen/sl201.cc"
echo '#include "rules/rule.h"' >"$tmp/linter/cli/main.cc"
echo '#pragma once' >"$tmp/core/source.h"
bash "$check" "$tmp" >/dev/null || { echo "FAIL: a clean tree was rejected"; exit 1; }

echo '  #  include "linter/report.h"' >>"$tmp/model/host.h"
if out=$(bash "$check" "$tmp"); then echo "FAIL: model -> linter passed"; exit 1; fi
grep -q 'model/host.h:2: model includes linter/report.h' <<<"$out" || { echo "FAIL: $out"; exit 1; }
sed -i '2d' "$tmp/model/host.h"

echo '#include "report.h"' >>"$tmp/core/source.h"
if out=$(bash "$check" "$tmp"); then echo "FAIL: an include outside the layers passed"; exit 1; fi
grep -q 'core/source.h:2: includes "report.h"' <<<"$out" || { echo "FAIL: $out"; exit 1; }
echo "ok"
