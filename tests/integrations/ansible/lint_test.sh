#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# ansible-lint (production profile, .ansible-lint) on the collection, with
# the collection installed so its module resolves:  lint_test.sh SOURCE_DIR
set -euo pipefail
src=$(realpath "$1")
command -v ansible-galaxy >/dev/null || { echo "FAIL: ansible-core is missing; run tools/setup.sh --test" >&2; exit 1; }
if ! command -v ansible-lint >/dev/null; then
  echo "SKIP: ansible-lint is not installed (Debian's ansible-lint; tools/setup.sh --test installs it)"
  exit 77
fi
tmp=$(mktemp -d /tmp/synlint-ansible-lint.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" ANSIBLE_COLLECTIONS_PATH="$tmp/collections" ANSIBLE_LOCAL_TEMP="$tmp/ansible-local"
mkdir -p "$HOME"
ansible-galaxy collection install "$src/integrations/ansible" -p "$tmp/collections" >"$tmp/galaxy.log" 2>&1 ||
  { cat "$tmp/galaxy.log"; echo "FAIL: ansible-galaxy collection install" >&2; exit 1; }
cd "$src/integrations/ansible"
timeout 500 ansible-lint --nocolor playbooks/audit.yml playbooks/fix.yml roles/audit roles/install roles/report \
  plugins galaxy.yml meta
