#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generates the benchmark corpus for tools/bench.sh (python3, stdlib only).

    make_corpus.py OUT_DIR [--size-mb 10] [--seed 1]

Writes into OUT_DIR:
  sysctl.conf      ~SIZE MB of sysctl.d text (comments, every key spelling, CRLF files)
  nginx.conf       ~SIZE MB nginx main file: one http block of server blocks
  apache2.conf     ~SIZE MB Apache config: virtual hosts with sections and continuations
  units.socket     ~SIZE MB systemd unit text: [Socket]/[Service] sections, continuations
  host/            a 20-file /etc-shaped tree (sysctl, nginx, Apache, socket units)
                   whose etc/sysctl.d/60-web-tuning.conf has exactly 100 lines
  big/FORMAT/      one root per format holding only that big file where the host
                   loader finds it (hard links, else copies): `synlint check` on them
                   (a stress case: repeated settings give thousands of findings)
  clean/FORMAT/    ~SIZE MB per format spread over many files in the layout a host
                   has (sites-enabled/*.conf, sysctl.d/*.conf, *.socket units), with
                   distinct ports and keys: few findings, so `synlint check` on them
                   measures reading, parsing and the model
  MANIFEST         one line per generated file: bytes, lines, path

The output is deterministic for a given seed; nothing here is meant to be committed.
"""

import argparse
import itertools
import os
import random
import shutil
import sys

SYSCTL_SAMPLES = [
    ("net.core.somaxconn", lambda r: str(r.choice([1024, 4096, 8192, 65535]))),
    ("net.core.netdev_max_backlog", lambda r: str(r.choice([1000, 16384, 65536]))),
    ("net.ipv4.tcp_max_syn_backlog", lambda r: str(r.choice([2048, 8192, 65536]))),
    ("net.ipv4.tcp_syncookies", lambda r: str(r.choice([0, 1, 2]))),
    ("net.ipv4.tcp_rmem", lambda r: "4096 %d %d" % (r.choice([87380, 131072]), r.choice([6291456, 16777216]))),
    ("net.ipv4.tcp_wmem", lambda r: "4096\t16384   %d" % r.choice([4194304, 16777216])),
    ("net.ipv4.ip_local_port_range", lambda r: "%d %d" % (r.choice([1024, 32768]), r.choice([60999, 65000]))),
    ("net/ipv4/tcp_fin_timeout", lambda r: str(r.randint(10, 60))),
    ("net.ipv4.conf.all.rp_filter", lambda r: str(r.choice([0, 1, 2]))),
    ("net/ipv4/conf/eth0.100/forwarding", lambda r: str(r.choice([0, 1]))),
    ("net.ipv4.tcp_congestion_control", lambda r: r.choice(["bbr", "cubic"])),
    ("net.core.default_qdisc", lambda r: r.choice(["fq", "fq_codel"])),
    ("kernel.core_pattern", lambda r: "|/usr/lib/systemd/systemd-coredump %P %u %g %s %t %c %h"),
    ("vm.swappiness", lambda r: str(r.randint(0, 60))),
    ("fs.file-max", lambda r: str(r.choice([2097152, 9223372036854775807]))),
    ("kernel.pid_max", lambda r: str(r.choice([32768, 4194304]))),
    ("net.ipv4.tcp_keepalive_time", lambda r: str(r.choice([600, 7200]))),
    ("net.ipv4.tcp_syn_retries", lambda r: str(r.randint(2, 6))),
    ("net.ipv4.tcp_synack_retries", lambda r: str(r.randint(2, 6))),
    ("vm.max_map_count", lambda r: "262144"),
]


def sysctl_file(r, i):
    """One ~1 KB sysctl.d file in the spellings admins use."""
    eol = "\r\n" if i % 7 == 0 else "\n"
    out = ["# /etc/sysctl.d/%02d-host%d.conf" % (i % 100, i),
           "# Tuning for host %d; see sysctl.d(5)" % i,
           "; semicolon comments are comments too", ""]
    for k in range(18):
        key, value = SYSCTL_SAMPLES[(i + k) % len(SYSCTL_SAMPLES)]
        v = value(r)
        style = (i + k) % 5
        if style == 0:
            out.append("%s = %s" % (key, v))
        elif style == 1:
            out.append("%s=%s" % (key, v))
        elif style == 2:
            out.append("-%s = %s" % (key, v))
        elif style == 3:
            out.append("  %s\t=  %s  " % (key, v))
        else:
            out.append("#%s = %s" % (key, v))
    out.append("-net.ipv4.conf.lo%d.rp_filter" % i)
    out.append("net.ipv4.conf.*.accept_redirects = 0")
    out.append("")
    return eol.join(out) + eol


def nginx_server(r, i, port=None):
    port = port or 8000 + i % 1000
    return (
        "    # site %d\n"
        "    server {\n"
        "        listen %d backlog=%d reuseport;\n"
        "        listen [::]:%d;\n"
        "        server_name site%d.example.org www.site%d.example.org;\n"
        "        root /srv/www/site%d;\n"
        "        access_log /var/log/nginx/site%d.log main buffer=32k;\n"
        "        add_header X-Site \"site %d\" always;\n"
        "        location / {\n"
        "            try_files $uri $uri/ /index.php?$args;\n"
        "        }\n"
        "        location ~* \\.(css|js|png|jpe?g|svg)$ { expires 30d; access_log off; }\n"
        "        location /api/ {\n"
        "            proxy_pass http://backend%d;\n"
        "            proxy_set_header Host $host;\n"
        "            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "            if ($request_method = OPTIONS) { return 204; }\n"
        "        }\n"
        "        location ~ \\.php$ {\n"
        "            fastcgi_pass unix:/run/php/php8.2-fpm.sock;\n"
        "            fastcgi_param SCRIPT_FILENAME $document_root$fastcgi_script_name;\n"
        "        }\n"
        "    }\n"
    ) % (i, port, r.choice([511, 4096, 65535]), port, i, i, i, i, i, i % 16)


def nginx_header():
    s = ("user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n"
         "worker_rlimit_nofile 65535;\n\nevents {\n    worker_connections 4096;\n    multi_accept on;\n}\n\n"
         "http {\n    sendfile on;\n    tcp_nopush on;\n    types_hash_max_size 2048;\n"
         "    log_format main '$remote_addr - $remote_user [$time_local] \"$request\" '\n"
         "                    '$status $body_bytes_sent \"$http_referer\"';\n"
         "    map $http_upgrade $connection_upgrade { default upgrade; '' close; }\n")
    for u in range(16):
        s += "    upstream backend%d { server 10.0.0.%d:8080; keepalive 32; }\n" % (u, u + 1)
    return s


def apache_vhost(r, i):
    port = r.choice([80, 8080])
    return (
        "# Site %d\n"
        "<VirtualHost *:%d>\n"
        "    ServerName site%d.example.test\n"
        "    ServerAlias www.site%d.example.test\n"
        "    DocumentRoot \"/srv/www/site%d/public\"\n"
        "    ErrorLog ${APACHE_LOG_DIR}/site%d-error.log\n"
        "    CustomLog ${APACHE_LOG_DIR}/site%d-access.log combined\n"
        "\n"
        "    <Directory \"/srv/www/site%d/public\">\n"
        "        Options -Indexes +FollowSymLinks\n"
        "        AllowOverride None\n"
        "        Require all granted\n"
        "    </Directory>\n"
        "    <Location /api>\n"
        "        ProxyPass http://127.0.0.1:%d/api retry=0 timeout=5\n"
        "        ProxyPassReverse http://127.0.0.1:%d/api\n"
        "    </Location>\n"
        "    RewriteEngine on\n"
        "    RewriteCond %%{HTTP_HOST} !^site%d\\.example\\.test$ [NC]\n"
        "    RewriteRule ^/(.*)$ https://site%d.example.test/$1 [R=301,L]\n"
        "    Header always set Content-Security-Policy \"default-src 'self'; \\\n"
        "        img-src 'self' data:\"\n"
        "    <IfModule mod_headers.c>\n"
        "        Header set X-Frame-Options \"SAMEORIGIN\"\n"
        "    </IfModule>\n"
        "</VirtualHost>\n\n"
    ) % (i, port, i, i, i, i, i, i, 9000 + i % 1000, 9000 + i % 1000, i, i)


APACHE_HEADER = (
    "# Apache httpd main configuration (generated)\n"
    "ServerRoot \"/etc/apache2\"\nDefaultRuntimeDir ${APACHE_RUN_DIR}\nTimeout 300\n"
    "KeepAlive On\nMaxKeepAliveRequests 100\nListen 80\nListen 8080\n"
    "<IfModule ssl_module>\n\tListen 443\n</IfModule>\n"
    "<IfModule mpm_event_module>\n\tStartServers 2\n\tMaxRequestWorkers 400\n"
    "\tListenBacklog 4096\n</IfModule>\n\n")


def systemd_unit(r, i):
    return (
        "# unit %d\n"
        "[Unit]\nDescription=Example socket %d\nDocumentation=man:systemd.socket(5)\n"
        "Before=sockets.target\n\n"
        "[Socket]\n; addresses\nListenStream=%d\nListenStream=[::1]:%d\n"
        "ListenStream=/run/example/%d.sock\nListenDatagram=0.0.0.0:514\n"
        "Backlog = %d\nReceiveBuffer=8M\nAccept=no\nSocketMode=0660\n\n"
        "[Service]\nExecStart=/usr/bin/example-daemon --config /etc/example/%d.conf \\\n"
        "    --workers 4 \\\n    --listen-fd 3\nLimitNOFILE=65536\n"
        "Environment=\"A=1\" \"B=2\"\n\n"
        "[Install]\nWantedBy=sockets.target\n\n"
    ) % (i, i, 1024 + i % 60000, 2000 + i % 60000, i, r.choice([128, 4096, 65535]), i)


def fill(size, header, piece, r):
    """Writes header + pieces until the file reaches `size` bytes."""
    parts = [header]
    total = len(header)
    i = 0
    while total < size:
        p = piece(r, i)
        parts.append(p)
        total += len(p)
        i += 1
    return "".join(parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="") as f:
        f.write(text)


# The admin's tuning file: distinct keys with plausible values, a few of
# which synlint has something to say about (as in real files).
TUNING = [
    "net.core.somaxconn = 1024", "net.core.netdev_max_backlog = 16384",
    "net.core.rmem_max = 16777216", "net.core.wmem_max = 16777216",
    "net.core.rmem_default = 262144", "net.core.wmem_default = 262144",
    "net.core.optmem_max = 65536", "net.core.default_qdisc = fq",
    "net.core.netdev_budget = 600", "net.core.netdev_budget_usecs = 8000",
    "net.ipv4.tcp_max_syn_backlog = 65536", "net.ipv4.tcp_syncookies = 1",
    "net.ipv4.tcp_syn_retries = 3", "net.ipv4.tcp_synack_retries = 3",
    "net.ipv4.tcp_abort_on_overflow = 0", "net.ipv4.tcp_tw_reuse = 1",
    "net.ipv4.tcp_fin_timeout = 15", "net.ipv4.tcp_rmem = 4096 131072 16777216",
    "net.ipv4.tcp_wmem = 4096 16384 16777216", "net.ipv4.tcp_mem = 786432 1048576 1572864",
    "net.ipv4.tcp_max_orphans = 262144", "net.ipv4.tcp_max_tw_buckets = 1440000",
    "net.ipv4.tcp_notsent_lowat = 131072", "net.ipv4.tcp_timestamps = 1",
    "net.ipv4.tcp_window_scaling = 1", "net.ipv4.tcp_sack = 1",
    "net.ipv4.tcp_keepalive_time = 600", "net.ipv4.tcp_keepalive_intvl = 30",
    "net.ipv4.tcp_keepalive_probes = 5", "net.ipv4.tcp_retries2 = 8",
    "net.ipv4.tcp_slow_start_after_idle = 0", "net.ipv4.tcp_mtu_probing = 1",
    "net.ipv4.tcp_congestion_control = bbr", "net.ipv4.tcp_fastopen = 3",
    "net.ipv4.tcp_no_metrics_save = 1", "net.ipv4.tcp_ecn = 2",
    "net.ipv4.tcp_moderate_rcvbuf = 1", "net.ipv4.ip_local_port_range = 10240 65000",
    "net.ipv4.ip_local_reserved_ports = 8080,9000-9010", "net.ipv4.ip_forward = 0",
    "net.ipv4.ip_nonlocal_bind = 1", "net.ipv4.icmp_echo_ignore_broadcasts = 1",
    "net.ipv4.conf.all.rp_filter = 1", "net.ipv4.conf.default.rp_filter = 1",
    "net.ipv4.conf.all.accept_redirects = 0", "net.ipv4.conf.default.accept_redirects = 0",
    "net.ipv4.conf.all.send_redirects = 0", "net.ipv4.conf.default.send_redirects = 0",
    "net.ipv4.conf.all.accept_source_route = 0", "net.ipv4.conf.all.log_martians = 1",
    "net/ipv4/conf/eth0/rp_filter = 2", "net.ipv4.conf.eth1.forwarding = 1",
    "-net.ipv4.conf.*.arp_announce = 2", "-net.ipv4.conf.docker0.arp_announce",
    "net.ipv6.conf.all.disable_ipv6 = 0", "net.ipv6.conf.default.disable_ipv6 = 0",
    "net.netfilter.nf_conntrack_max = 1048576", "fs.file-max = 2097152",
    "fs.nr_open = 1048576", "fs.inotify.max_user_watches = 524288",
    "fs.inotify.max_user_instances = 1024", "vm.swappiness = 10",
    "vm.overcommit_memory = 1", "vm.max_map_count = 262144", "vm.dirty_ratio = 20",
    "vm.dirty_background_ratio = 5", "vm.min_free_kbytes = 131072",
    "vm.vfs_cache_pressure = 50", "kernel.pid_max = 4194304", "kernel.threads-max = 4194304",
    "kernel.panic = 10", "kernel.sysrq = 176", "kernel.kptr_restrict = 1",
    "kernel.dmesg_restrict = 1", "kernel.randomize_va_space = 2", "kernel.panic_on_oops = 1",
    "net.ipv4.ip_default_ttl = 64", "net.ipv4.tcp_adv_win_scale = 1",
    "net.core.busy_poll = 50", "net.core.busy_read = 50",
]


def tuning_file():
    """The file a pre-commit hook checks: exactly 100 lines."""
    lines = ["# Network tuning for the web tier (generated, 100 lines)."]
    keys = iter(TUNING)
    while len(lines) < 100:
        if len(lines) % 10 == 0:
            lines.append("")
        elif len(lines) % 10 == 1:
            lines.append("# block %d" % (len(lines) // 10))
        else:
            lines.append(next(keys))
    return "\n".join(lines) + "\n"


def host_tree(root):
    """A 20-file /etc-shaped repository (plus the symlinks Debian has)."""
    files = {
        "usr/lib/systemd/system/systemd-sysctl.service":
            "[Unit]\nDescription=Apply Kernel Variables\n[Service]\nType=oneshot\n"
            "ExecStart=/lib/systemd/systemd-sysctl\n",
        "usr/lib/sysctl.d/50-default.conf":
            "# systemd 50-default.conf\nkernel.sysrq = 16\nkernel.core_uses_pid = 1\n"
            "net.ipv4.conf.default.rp_filter = 2\n-net.ipv4.conf.all.rp_filter = 2\n"
            "net.core.default_qdisc = fq_codel\nfs.protected_hardlinks = 1\n",
        "usr/lib/sysctl.d/50-pid-max.conf": "kernel.pid_max = 4194304\n",
        "usr/lib/sysctl.d/99-protect-links.conf": "fs.protected_fifos = 1\nfs.protected_regular = 2\n",
        "etc/sysctl.conf":
            "# /etc/sysctl.conf\n#kernel.domainname = example.com\nvm.swappiness = 10\n",
        "etc/sysctl.d/60-web-tuning.conf": tuning_file(),
        "etc/sysctl.d/70-team-a.conf": "net.ipv4.tcp_keepalive_intvl = 30\nvm.max_map_count = 262144\n",
        "etc/sysctl.d/80-team-b.conf": "net/ipv4/conf/eth0/forwarding = 1\n",
        "etc/nginx/nginx.conf":
            "user www-data;\nworker_processes auto;\nworker_rlimit_nofile 65535;\n"
            "events {\n    worker_connections 4096;\n}\n"
            "http {\n    include /etc/nginx/mime.types;\n    include /etc/nginx/conf.d/*.conf;\n"
            "    include /etc/nginx/sites-enabled/*;\n}\n",
        "etc/nginx/mime.types": "types {\n    text/html html;\n    text/css css;\n}\n",
        "etc/nginx/conf.d/upstreams.conf": "upstream app {\n    server 127.0.0.1:8080;\n}\n",
        "etc/nginx/snippets/proxy.conf": "proxy_set_header Host $host;\n",
        "etc/nginx/sites-available/default":
            "server {\n    listen 80 default_server backlog=4096;\n    listen [::]:80;\n"
            "    location /api/ {\n        include snippets/proxy.conf;\n"
            "        proxy_pass http://app;\n    }\n}\n",
        "etc/apache2/apache2.conf":
            "Timeout 300\nErrorLog ${APACHE_LOG_DIR}/error.log\n"
            "IncludeOptional mods-enabled/*.load\nIncludeOptional mods-enabled/*.conf\n"
            "Include ports.conf\nIncludeOptional sites-enabled/*.conf\n",
        "etc/apache2/envvars": "export APACHE_LOG_DIR=/var/log/apache2$SUFFIX\n",
        "etc/apache2/ports.conf": "Listen 8080\n<IfModule ssl_module>\n\tListen 8443\n</IfModule>\n",
        "etc/apache2/sites-available/000-default.conf":
            "<VirtualHost *:8080>\n\tDocumentRoot /var/www/html\n</VirtualHost>\n",
        "etc/systemd/system/app.socket":
            "[Socket]\nListenStream=9000\nBacklog=8192\n[Install]\nWantedBy=sockets.target\n",
        "etc/systemd/system/app.service": "[Service]\nExecStart=/usr/bin/app\nLimitNOFILE=65536\n",
        "usr/lib/systemd/system/ssh.socket": "[Socket]\nListenStream=22\nAccept=yes\n",
    }
    for rel, text in files.items():
        write(os.path.join(root, rel), text)
    links = {
        "etc/sysctl.d/99-sysctl.conf": "../sysctl.conf",
        "etc/nginx/sites-enabled/default": "/etc/nginx/sites-available/default",
        "etc/apache2/sites-enabled/000-default.conf": "../sites-available/000-default.conf",
    }
    for rel, target in links.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.lexists(path):
            os.remove(path)
        os.symlink(target, path)
    return sorted(files)


BIG_HOSTS = {
    "sysctl": ("sysctl.conf", "etc/sysctl.d/60-big.conf"),
    "nginx": ("nginx.conf", "etc/nginx/nginx.conf"),
    "apache": ("apache2.conf", "etc/apache2/apache2.conf"),
    "systemd": ("units.socket", "etc/systemd/system/big.socket"),
}


def big_hosts(out):
    for fmt, (name, rel) in BIG_HOSTS.items():
        src = os.path.join(out, name)
        dst = os.path.join(out, "big", fmt, rel)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if os.path.lexists(dst):
            os.remove(dst)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copyfile(src, dst)


CLEAN_NGINX_MAIN = (
    "user www-data;\nworker_processes auto;\nworker_rlimit_nofile 65535;\n"
    "events {\n    worker_connections 4096;\n}\n"
    "http {\n    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/sites-enabled/*.conf;\n}\n")
CLEAN_NGINX_UPSTREAMS = "".join(
    "upstream backend%d { server 10.0.0.%d:8080; keepalive 32; }\n" % (u, u + 1) for u in range(16))
CLEAN_APACHE_MAIN = (
    "ServerRoot \"/etc/apache2\"\nTimeout 300\nKeepAlive On\n"
    "<IfModule mpm_event_module>\n\tMaxRequestWorkers 400\n\tListenBacklog 4096\n</IfModule>\n"
    "Include ports.conf\nIncludeOptional sites-enabled/*.conf\n")


def clean_sysctl_file(i):
    """One ~1 KB sysctl.d file of per-interface settings no other file sets."""
    out = ["# /etc/sysctl.d/%05d-vlan%d.conf: VLAN %d" % (i, i, i), ""]
    for k in range(12):
        out.append("net.ipv4.conf.vlan%d/%d.rp_filter = 1" % (i, k))
        out.append("net/ipv6/conf/vlan%d.%d/accept_ra = 0" % (i, k))
    return "\n".join(out) + "\n"


def clean_hosts(out, size, r):
    """clean/FORMAT: SIZE bytes per format over many files, few findings."""
    def many(root, names_and_text):
        total = 0
        for rel, text in names_and_text:
            write(os.path.join(out, "clean", root, rel), text)
            total += len(text)
            if total >= size:
                break
    def numbered(gen):
        i = 0
        while True:
            yield gen(i)
            i += 1
    write(os.path.join(out, "clean/nginx/etc/nginx/nginx.conf"), CLEAN_NGINX_MAIN)
    write(os.path.join(out, "clean/nginx/etc/nginx/conf.d/upstreams.conf"), CLEAN_NGINX_UPSTREAMS)
    many("nginx", numbered(lambda i: (
        "etc/nginx/sites-enabled/site%05d.conf" % i,
        nginx_server(r, i, port=10000 + i).replace(" backlog=65535", " backlog=4096"))))
    write(os.path.join(out, "clean/apache/etc/apache2/apache2.conf"), CLEAN_APACHE_MAIN)
    write(os.path.join(out, "clean/apache/etc/apache2/ports.conf"), "Listen 80\nListen 8080\n")
    many("apache", numbered(lambda i: (
        "etc/apache2/sites-enabled/site%05d.conf" % i, apache_vhost(r, i))))
    def socket_and_service(i):
        # systemd_unit() mixes [Service] into one file; a host has
        # appN.socket and appN.service.
        text = systemd_unit(r, i).replace("Backlog = 65535", "Backlog = 4096")
        head, rest = text.split("[Service]\n", 1)
        service, install = rest.split("[Install]\n", 1)
        return [("etc/systemd/system/app%05d.socket" % i, head + "[Install]\n" + install),
                ("etc/systemd/system/app%05d.service" % i, "[Service]\n" + service)]
    many("systemd", (f for i in itertools.count() for f in socket_and_service(i)))
    many("sysctl", numbered(lambda i: ("etc/sysctl.d/%05d-vlan%d.conf" % (i, i), clean_sysctl_file(i))))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--size-mb", type=float, default=10.0, help="size of each big file (MB)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    size = int(args.size_mb * (1 << 20))
    r = random.Random(args.seed)
    out = args.out_dir
    os.makedirs(out, exist_ok=True)

    big = {
        "sysctl.conf": fill(size, "", sysctl_file, r),
        "nginx.conf": fill(size - 2, nginx_header(), nginx_server, r) + "}\n",
        "apache2.conf": fill(size, APACHE_HEADER, apache_vhost, r),
        "units.socket": fill(size, "", systemd_unit, r),
    }
    manifest = []
    for name, text in big.items():
        write(os.path.join(out, name), text)
        manifest.append((len(text.encode()), text.count("\n"), name))
    big_hosts(out)
    clean_hosts(out, size, r)
    for rel in host_tree(os.path.join(out, "host")):
        path = os.path.join(out, "host", rel)
        with open(path, "rb") as f:
            data = f.read()
        manifest.append((len(data), data.count(b"\n"), "host/" + rel))
    with open(os.path.join(out, "MANIFEST"), "w") as f:
        for size_bytes, lines, name in manifest:
            f.write("%d %d %s\n" % (size_bytes, lines, name))
    return 0


if __name__ == "__main__":
    sys.exit(main())
