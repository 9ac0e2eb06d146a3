#!/bin/bash
# SPDX-License-Identifier: MIT
V=4096
sysctl -w net.core.somaxconn=$V "net.ipv4.tcp_syncookies = 1" -e -q
echo "$V" | sudo tee /proc/sys/net/ipv4/tcp_max_syn_backlog >/dev/null
printf '%s\n' 1 > /proc/sys/net/ipv4/tcp_syncookies
sysctl -p - <<'EOF2'
net.core.somaxconn = 8192
EOF2
docker run --sysctl net.core.somaxconn=1024 nginx
for k in a b; do sysctl -w "net.ipv4.$k=1"; done
if true; then sysctl --system; fi
