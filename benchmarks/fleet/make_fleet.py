#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Writes N per-host reports shaped as `synlint audit --format json` writes
# them (findings, summary, live listeners and sysctls), for timing
# `synlint report` on a fleet:  make_fleet.py DIR [--hosts 10000] [--seed 1]
# Deterministic for a given seed. About one host in three has findings drawn
# from a few kinds shared across the fleet (so they group), one in fifty is an
# Ansible failure record and one in a hundred is unreachable.
import argparse
import json
import os
import random

KINDS = [
    ("SL302", "stale-listener", "warning", "proc/net/tcp",
     "listener 127.0.0.1:{port} of {comm} has an accept-queue limit of 128 but its files ask for "
     "min(backlog=511, somaxconn 4096) = 511; it listened before the change and must listen again"),
    ("SL303", "running-value-differs", "warning", "etc/sysctl.d/60-web.conf",
     "'net.core.somaxconn' is 4096 in the running kernel but 1024 in the files; the files win at the next boot"),
    ("SL201", "backlog-above-somaxconn", "warning", "etc/nginx/nginx.conf",
     "nginx {port} asks for backlog=4096 but 'net.core.somaxconn' is 1024 (etc/sysctl.d/60-web.conf:1); "
     "listen() silently caps it: min(backlog=4096, somaxconn 1024) = 1024"),
    ("SL306", "unexplained-listener", "info", "proc/net/tcp",
     "listener 127.0.0.1:{port} of {comm} is not in any file synlint read"),
    ("SL104", "syn-retries-outbound-only", "error", "etc/sysctl.conf",
     "'net.ipv4.tcp_syn_retries' only affects outgoing connections; a listener's SYN-ACK retries are "
     "'net.ipv4.tcp_synack_retries'"),
]


def finding(rng, kind):
    rule, name, sev, path, msg = kind
    port = rng.choice([80, 443, 8080])
    comm = rng.choice(["nginx", "apache2", "haproxy"])
    line = rng.randint(1, 40)
    return {
        "rule": rule, "name": name, "severity": sev, "file": path,
        "line": line, "column": 1, "end_line": line, "end_column": 30,
        "offset": 0, "end_offset": 29, "message": msg.format(port=port, comm=comm),
        "related": [], "fix": None,
    }


def report(rng, i):
    listeners = []
    for port in rng.sample([80, 443, 8080, 9000, 22], rng.randint(1, 4)):
        listeners.append({
            "family": "ipv4", "address": "0.0.0.0", "port": port,
            "accept_queue_limit": rng.choice([128, 511, 4096]),
            "accept_queue_now": rng.randint(0, 20), "syn_recv_now": rng.randint(0, 5),
            "inode": 10000 + i, "pid": 100 + i, "comm": rng.choice(["nginx", "apache2", "sshd"]),
            "unit": "nginx.service",
        })
    findings = []
    if rng.random() < 0.33:
        findings = [finding(rng, k) for k in rng.sample(KINDS, rng.randint(1, 3))]
    sysctl = {"net.core.somaxconn": "4096", "net.ipv4.tcp_max_syn_backlog": "1024",
              "net.ipv4.tcp_syncookies": "1", "net.ipv4.tcp_synack_retries": "5"}
    return {
        "version": "0.1.0", "root": "/", "kernel": "6.1",
        "files": ["etc/sysctl.conf", "etc/sysctl.d/60-web.conf", "etc/nginx/nginx.conf"],
        "findings": findings,
        "summary": {"files": 3, "errors": sum(f["severity"] == "error" for f in findings),
                    "warnings": sum(f["severity"] == "warning" for f in findings),
                    "infos": sum(f["severity"] == "info" for f in findings), "fixable": 0, "suppressed": 0},
        "diff": None, "actions": [],
        "live": {"kernel_release": "6.1.0-28-amd64", "netns": "", "other_netns": False, "sysctl": sysctl,
                 "listeners": listeners, "counters": {"TcpExt.ListenOverflows": 0, "TcpExt.ListenDrops": 0},
                 "rates": None, "kernel_log": None, "unseen": []},
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--hosts", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.dir, exist_ok=True)
    for i in range(a.hosts):
        r = rng.random()
        if r < 0.01:
            doc = {"unreachable": True, "changed": False, "msg": "Failed to connect to the host via ssh"}
        elif r < 0.03:
            doc = {"failed": True, "changed": False, "msg": "synlint exited 2", "rc": 2,
                   "stderr": "synlint: error: --root: cannot open '/srv/missing'"}
        else:
            # As the Ansible module returns it: the report under "report".
            doc = {"changed": False, "rc": 1, "cmd": ["synlint", "audit", "--format", "json"], "stderr": "",
                   "report": report(rng, i)}
        with open(os.path.join(a.dir, "host%05d.json" % i), "w") as f:
            json.dump(doc, f, indent=2)


if __name__ == "__main__":
    main()
