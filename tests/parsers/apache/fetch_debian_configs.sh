#!/bin/sh
# SPDX-License-Identifier: MIT
# Test preparation for debian_configs_test.cc: downloads Debian's apache2
# package (the one that ships /etc/apache2) and unpacks it into
# BUILD_DIR/debian-configs/apache2. Nothing downloaded is committed.
#
# Usage: tests/parsers/apache/fetch_debian_configs.sh BUILD_DIR
set -eu
if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
work="$build_dir/debian-configs/download"
dest="$build_dir/debian-configs/apache2"
mkdir -p "$work"
cd "$work"
rm -f apache2_*.deb
apt-get download apache2
rm -rf "$dest"
mkdir -p "$dest"
dpkg-deb -x apache2_*.deb "$dest"
echo "unpacked $(ls apache2_*.deb) into $dest"
