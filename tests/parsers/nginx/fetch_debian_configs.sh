#!/bin/sh
# SPDX-License-Identifier: MIT
# Test preparation: unpacks Debian's stock nginx configuration into
# BUILD_DIR/debian-configs/nginx so nginx_parser_test can parse real files.
# Nothing fetched here is committed.
#
#   tests/parsers/nginx/fetch_debian_configs.sh BUILD_DIR
#
# Needs apt-get (with a current package list) and dpkg-deb.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
dest="$build_dir/debian-configs/nginx"
work="$build_dir/debian-configs/.download-nginx"

rm -rf "$work"
mkdir -p "$work" "$dest"
chmod a+rwx "$work"  # apt-get downloads as user _apt
cd "$work"
# nginx-common holds /etc/nginx; the module packages hold the
# modules-available snippets that /etc/nginx/modules-enabled links to.
apt-get download nginx-common libnginx-mod-stream libnginx-mod-http-geoip
for deb in ./*.deb; do
  dpkg-deb -x "$deb" "$dest"
done

# Recreate what the maintainer scripts would: enable the packaged modules.
mkdir -p "$dest/etc/nginx/modules-enabled"
for conf in "$dest"/usr/share/nginx/modules-available/*.conf; do
  [ -e "$conf" ] || continue
  name=$(basename "$conf")
  ln -sf "/usr/share/nginx/modules-available/$name" "$dest/etc/nginx/modules-enabled/50-$name"
done
if [ ! -e "$dest/etc/nginx/sites-enabled/default" ]; then
  mkdir -p "$dest/etc/nginx/sites-enabled"
  ln -sf /etc/nginx/sites-available/default "$dest/etc/nginx/sites-enabled/default"
fi

rm -rf "$work"
echo "nginx configuration unpacked into $dest"
find "$dest/etc/nginx" | sort
