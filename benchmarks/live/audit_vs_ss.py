#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`synlint audit` of a host with N listeners against `ss -lntp` (issue #21).

Run as root: makes its own network namespace (unshare -n), opens N listening
sockets on 127.0.0.1 in this process, then times RUNS runs of each command
inside that namespace and prints the median and min wall time in ms.

  sudo python3 benchmarks/live/audit_vs_ss.py build/synlint [N] [RUNS] [ROOT]
"""
import ctypes, os, socket, statistics, subprocess, sys, time

synlint = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 21
root = sys.argv[4] if len(sys.argv) > 4 else "/"

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)
if libc.unshare(CLONE_NEWNET) != 0:
    sys.exit("unshare(CLONE_NEWNET) failed: run as root")
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
listeners = []
for i in range(n):
    s = socket.socket()
    s.bind(("127.0.0.1", 20000 + i))
    s.listen(511)
    listeners.append(s)

def bench(cmd):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)

cmds = {
    "ss -lntp": ["ss", "-lntp"],
    "synlint audit": [synlint, "audit", "--root", root, "--fail-on", "never"],
    "synlint audit --format json": [synlint, "audit", "--root", root, "--fail-on", "never", "--format", "json"],
    "synlint check": [synlint, "check", "--root", root, "--fail-on", "never"],
}
print(f"{n} listeners, {runs} runs each, root {root}, load {os.getloadavg()[0]:.1f}")
for name, cmd in cmds.items():
    med, low = bench(cmd)
    print(f"  {name:30s} median {med:7.1f} ms   min {low:7.1f} ms")
