#!/bin/sh
# SPDX-License-Identifier: MIT
# Test preparation (not committed data): downloads Debian packages that ship
# systemd units and unpacks them into BUILD_DIR/debian-configs/systemd, the
# root that systemd_parser_test's DebianConfigs tests read.
# Usage: tests/parsers/systemd/fetch_debian_configs.sh BUILD_DIR
set -eu

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
mkdir -p "$1"
build_dir=$(cd "$1" && pwd)
dest="$build_dir/debian-configs/systemd"
debs="$build_dir/debian-configs/debs-systemd"

# systemd and udev ship the journald/udevd/coredump/... sockets; the others
# ship well-known sockets (ssh, cups, dbus, uuidd, pcscd, cockpit on a TCP
# port, libvirt, avahi, rpcbind, lvm2) and the services synlint reads limits
# from (nginx, apache2).
packages="systemd udev systemd-resolved openssh-server cups-daemon dbus
  dbus-system-bus-common dbus-daemon uuid-runtime pcscd cockpit-ws
  libvirt-daemon-system avahi-daemon rpcbind lvm2 nginx-common apache2"

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
  dpkg-deb -x "$deb" "$dest"
done
count=$(find "$dest" \( -name '*.socket' -o -name '*.service' \) | wc -l)
echo "unpacked $(ls ./*.deb | wc -l) packages into $dest ($count .socket/.service files)"
if [ -n "$failed" ]; then
  echo "could not download:$failed" >&2
fi
