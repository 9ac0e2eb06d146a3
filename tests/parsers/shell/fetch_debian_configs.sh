#!/bin/sh
# SPDX-License-Identifier: MIT
# Test preparation (not committed data): downloads Debian packages whose
# maintainer scripts or shipped files run sysctl or write /proc/sys, and
# unpacks their maintainer scripts (dpkg-deb -e) and files (dpkg-deb -x) into
# BUILD_DIR/debian-configs/shell, the tree that shell_debian_scripts_test reads.
# Usage: tests/parsers/shell/fetch_debian_configs.sh BUILD_DIR
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
mkdir -p "$1"
build_dir=$(cd "$1" && pwd)
dest="$build_dir/debian-configs/shell"
debs="$build_dir/debian-configs/debs-shell"

# procps and netbase run sysctl from their maintainer scripts; ifupdown,
# ethtool, vlan, bridge-utils, resolvconf and avahi-autoipd ship
# /etc/network/if-*.d hooks; openvswitch, lxc, ufw, firehol, keepalived,
# docker.io and network-manager ship scripts that set kernel settings;
# initscripts, console-setup, kbd and debianutils are plain shell.
packages="procps netbase ifupdown ethtool vlan bridge-utils resolvconf avahi-autoipd
  openvswitch-switch openvswitch-common lxc ufw firehol keepalived docker.io network-manager
  initscripts console-setup kbd debianutils systemd udev isc-dhcp-client wpasupplicant"

mkdir -p "$debs"
rm -rf "$dest"
mkdir -p "$dest"

# `apt-get download` writes to the current directory; apt lists must exist.
if ! ls /var/lib/apt/lists/*Packages* >/dev/null 2>&1; then
  apt-get update
fi
cd "$debs"
failed=""
for pkg in $packages; do
  if ! ls "${pkg}"_*.deb >/dev/null 2>&1; then
    if ! apt-get download "$pkg" >/dev/null 2>&1; then
      failed="$failed $pkg"
      continue
    fi
  fi
done
for deb in ./*.deb; do
  name=$(basename "$deb" .deb)
  mkdir -p "$dest/$name"
  dpkg-deb -e "$deb" "$dest/$name/DEBIAN"
  dpkg-deb -x "$deb" "$dest/$name/root"
done
echo "unpacked $(ls ./*.deb | wc -l) packages into $dest"
if [ -n "$failed" ]; then
  echo "could not download:$failed" >&2
fi
