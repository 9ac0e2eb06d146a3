#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds synlint's Debian packages from debian/ with dpkg-buildpackage, in a
# clean copy of the source tree, then checks them:
#   - lintian reports no error and no warning (overrides carry their reason
#     in debian/*lintian-overrides);
#   - the binary is hardened (PIE, full RELRO with BIND_NOW, fortified calls);
#   - the package holds the man page, the completions and the docs, a
#     -dbgsym package exists, and the installed binary runs --version;
#   - every relative link of the installed docs resolves in /usr/share/doc.
#
#   tools/build_deb.sh [OUTDIR]     default OUTDIR: build/deb
#
# The copy (OUTDIR/src/synlint-VERSION) holds the files git tracks or would
# track (no build trees, nothing ignored), as they are in the working tree; the
# .deb, the -dbgsym package, .buildinfo and .changes land in OUTDIR/src. The build
# uses DEB_BUILD_OPTIONS="nocheck parallel=N" unless DEB_BUILD_OPTIONS is set,
# and ccache when it is installed. Needs dpkg-dev, debhelper and lintian and
# the build dependencies of debian/control: tools/setup.sh --deb installs them.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
top=$PWD
out=$(realpath -m "${1:-build/deb}")

for tool in dpkg-buildpackage dh lintian; do
  command -v "$tool" >/dev/null || { echo "build_deb: $tool is missing (bash tools/setup.sh --deb)" >&2; exit 2; }
done
version=$(dpkg-parsechangelog -S Version)
src="$out/src/synlint-$version"
rm -rf "$out/src" "$out/root"
mkdir -p "$src"

# The clean copy: tracked and untracked-but-not-ignored files of the working
# tree (without git: everything but build trees).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git ls-files -z --cached --others --exclude-standard |
    while IFS= read -r -d '' f; do [[ -e "$f" || -L "$f" ]] && printf '%s\0' "$f"; done |
    tar --null -T - -cf - | tar -xf - -C "$src"
else
  tar --exclude='./build*' --exclude='./.git' -cf - . | tar -xf - -C "$src"
fi

jobs=$(nproc)
export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-nocheck parallel=$jobs}"
if command -v ccache >/dev/null && [[ -z "${CMAKE_CXX_COMPILER_LAUNCHER:-}" ]]; then
  export CMAKE_CXX_COMPILER_LAUNCHER=ccache   # read by CMake's first configure
fi
echo "build_deb: dpkg-buildpackage -us -uc -b in $src (DEB_BUILD_OPTIONS=\"$DEB_BUILD_OPTIONS\")"
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2
  echo "build_deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
  exit 1
}

arch=$(dpkg-architecture -qDEB_HOST_ARCH)
deb="$out/src/synlint_${version}_${arch}.deb"
# debhelper names the debug package .ddeb on Ubuntu, .deb on Debian.
ddeb=$(ls "$out/src/synlint-dbgsym_${version}_${arch}".*deb 2>/dev/null | head -1)
changes="$out/src/synlint_${version}_${arch}.changes"
fail=0
problem() { echo "build_deb: $*" >&2; fail=1; }
[[ -f "$deb" ]] || { echo "build_deb: no $deb" >&2; exit 1; }
[[ -n "$ddeb" ]] || problem "no synlint-dbgsym package"

echo "build_deb: lintian $changes"
lintian --fail-on error,warning --info "$changes" || problem "lintian reports errors or warnings (above)"

# Contents: unpack (never install) and look.
root="$out/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/synlint usr/share/man/man1/synlint.1.gz usr/share/bash-completion/completions/synlint \
         usr/share/zsh/vendor-completions/_synlint usr/share/doc/synlint/copyright \
         usr/share/doc/synlint/README.md usr/share/doc/synlint/docs/fact-checks.md \
         usr/share/doc/synlint/rules/listen/SL201.md; do
  [[ -f "$root/$f" ]] || problem "the package has no /$f"
done
got=$("$root/usr/bin/synlint" --version) || problem "/usr/bin/synlint --version failed"
[[ "$got" == *"${version%%-*}"* ]] || problem "/usr/bin/synlint --version says '$got', not $version"
zcat "$root/usr/share/man/man1/synlint.1.gz" | grep -q '^\.SH ENVIRONMENT' || problem "the man page has no ENVIRONMENT"
python3 "$top/tests/layout/check_docs.py" --installed "$root/usr/share/doc/synlint" ||
  problem "links in /usr/share/doc/synlint do not resolve (above)"

# Hardening, read from the ELF file: PIE, RELRO + BIND_NOW, fortified calls.
# (Each output is read whole first: grep -q would end the pipe early, and
# pipefail would then count readelf's SIGPIPE as a failure.)
bin="$root/usr/bin/synlint"
header=$(readelf -h "$bin"); segments=$(readelf -lW "$bin"); dynamic=$(readelf -dW "$bin")
symbols=$(readelf -sW --dyn-syms "$bin")
grep -q 'Type:.*DYN' <<<"$header" || problem "synlint is not PIE"
grep -q GNU_RELRO <<<"$segments" || problem "synlint has no RELRO segment"
grep -Eq 'BIND_NOW|FLAGS.*NOW' <<<"$dynamic" || problem "synlint is not linked with -z now (bindnow)"
grep -Eq ' __[a-z_]+_chk@' <<<"$symbols" || problem "synlint calls no fortified (_chk) function"

if ((fail)); then exit 1; fi
echo "build_deb: ok: $(basename "$deb") ($(du -k "$deb" | cut -f1) KiB), $(basename "$ddeb"); lintian clean"
