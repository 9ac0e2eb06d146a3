#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Lists the name of every sysctl key a kernel source tree registers, and its handler.

    tools/sysctl_key_names.py SRC_DIR VERSION PACKAGE > model/knowledge/keys/VERSION.txt
    tools/sysctl_key_names.py --check-live /proc/sys model/knowledge/keys/*.txt

SRC_DIR is an unpacked Debian kernel source (how to get one without touching the repository:
model/knowledge/keys/README.md). The script reads every .c file: each `struct ctl_table` array (and
the tables built by DEVINET_SYSCTL_*_ENTRY / NEIGH_SYSCTL_*_ENTRY macros), the `.procname` of its
entries and the `.child` tables below them, and the path each table is registered under
(register_sysctl*, register_net_sysctl*, register_sysctl_paths with a ctl_path array,
register_sysctl_table/_base with `.child` directories). A table registered through a variable is
followed to the array it was copied from (`t = kmemdup(template, ...)`). Paths the kernel builds
at run time are in DYNAMIC below: the per-interface tables become patterns with one `<if>`
component. Every key is written in sysctl's dotted form ('/' for a '.' inside a component), one a
line, sorted, followed by the `.proc_handler` of its entry (the function that parses a write, so
the C type the value must fit: model/kernel_int_type.h): one name, several joined by ',' when the
key's entries differ (per architecture or configuration), '-' when the entry names none the
script can read (a macro-built entry, a handler set at run time).

The arrays the script cannot place are printed on stderr, then the names that
Documentation/networking/ip-sysctl.rst and Documentation/admin-guide/sysctl/*.rst describe and
the list lacks (a cross-check: the documents also describe removed and not-yet-merged keys).

--check-live prints the keys under a live /proc/sys that no list names (per-interface keys
matched through their pattern), for the README's table of explained differences.
"""
import os
import re
import sys

# Tables whose path the kernel formats at run time: (file, table, path with <if> for the
# interface name). Everything else is found from the source.
DYNAMIC = [
    ("net/ipv4/devinet.c", "devinet_sysctl", "net/ipv4/conf/<if>"),
    ("net/ipv6/addrconf.c", "addrconf_sysctl", "net/ipv6/conf/<if>"),
    ("net/core/neighbour.c", "neigh_sysctl_template", "net/<proto>/neigh/<if>"),
    ("net/mpls/af_mpls.c", "mpls_dev_table", "net/mpls/conf/<if>"),
    ("net/ax25/sysctl_net_ax25.c", "ax25_param_table", "net/ax25/<if>"),
    ("net/decnet/sysctl_net_decnet.c", "dn_dev_sysctl", "net/decnet/conf/<if>"),
    ("net/decnet/dn_dev.c", "dn_dev_sysctl", "net/decnet/conf/<if>"),
]
# neigh_sysctl_register: the gc_* entries are kept only on "default" (the per-device copy is cut
# before NEIGH_VAR_GC_INTERVAL); neighbour tables exist for IPv4 (arp) and IPv6 (ndisc).
NEIGH_DEFAULT_ONLY = {"gc_interval", "gc_thresh1", "gc_thresh2", "gc_thresh3"}
NEIGH_PROTOS = ["ipv4", "ipv6"]
# Names the kernel makes with a number: nf_log_net_init registers one entry per NFPROTO_*
# (0 .. NFPROTO_NUMPROTO - 1 = 12), named by kasprintf("%d").
NUMBERED = [("net/netfilter/nf_log.c", "net/netfilter/nf_log", 13)]

# Self-tests register made-up tables (lib/test_sysctl.c: debug/test_sysctl, foo/bar).
TEST_FILE = re.compile(r"^test_|[-_]test\.c$|_kunit\.c$|^kunit")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
INIT = re.compile(r"(?:struct\s+\w+|\})\s*(\w+)\s*(?:\[[^\]]*\])?\s*"
                  r"(?:__\w+\s*)*=\s*\{")
ENTRY = re.compile(r"\{([^{}]*)\}")
PROCNAME = re.compile(r"\.procname\s*=\s*\"([^\"]*)\"")
# `.procname = ipv4_route_flush_procname` with `static const char ipv4_route_flush_procname[] = "flush";`
PROCNAME_NAMED = re.compile(r"\.procname\s*=\s*(\w+)")
NAMED_STRING = re.compile(r"\bchar\s+(\w+)\s*\[\s*\]\s*=\s*\"([^\"]*)\"")
CHILD = re.compile(r"\.child\s*=\s*&?(\w+)")
HANDLER = re.compile(r"\.proc_handler\s*=\s*&?\s*(\w+)")
MACRO_ENTRY = re.compile(r"\b[A-Z0-9_]*ENTRY[A-Z0-9_]*\s*\(([^()]*)\)")
STRING = re.compile(r"\"([^\"]*)\"")
REG_PATH = re.compile(r"\b(?:__register_sysctl_table|register_sysctl|register_sysctl_init|register_sysctl_sz|register_sysctl_mount_point|"
                      r"register_net_sysctl|register_net_sysctl_sz)\s*\(\s*(?:[^,()]+,\s*)?(\"[^\"]*\"|[A-Z_]+)\s*"
                      r"(?:,\s*&?([\w>.\-]+))?")
REG_ROOT = re.compile(r"\bregister_sysctl_(?:table|base)\s*\(\s*&?(\w+)")
BASE = re.compile(r"\bDECLARE_SYSCTL_BASE\s*\(\s*(\w+)\s*,\s*(\w+)\s*\)")
DEFINE = re.compile(r"#define\s+([A-Z_]+)\s+\"([^\"]*)\"")
REG_PATHS = re.compile(r"\bregister_sysctl_paths\s*\(\s*(\w+)\s*,\s*&?(\w+)")


def initializer_bodies(text):
    """{name: body} for every top-level initializer `... name[] = { body }`."""
    out = {}
    for m in INIT.finditer(text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[i], 0)
            i += 1
        out.setdefault(m.group(1), text[m.end():i - 1])
    return out


def table_entries(body, strings):
    """[(procname, child table or None, handler or None)] in order: `{ .procname = ... }` and
    *SYSCTL*ENTRY(...) (whose handler the macro sets: not read)."""
    found = []
    for m in ENTRY.finditer(body):
        p = PROCNAME.search(m.group(1))
        n = PROCNAME_NAMED.search(m.group(1))
        name = p.group(1) if p else strings.get(n.group(1)) if n else None
        if name is not None:
            c = CHILD.search(m.group(1))
            h = HANDLER.search(m.group(1))
            found.append((m.start(), name, c.group(1) if c else None, h.group(1) if h else None))
    for m in MACRO_ENTRY.finditer(body):
        s = STRING.search(m.group(1))
        if s:
            found.append((m.start(), s.group(1), None, None))
    return [(name, child, handler) for _, name, child, handler in sorted(found)]


def dotted(path):
    return ".".join(c.replace(".", "/") for c in path.split("/") if c)


class Tree:
    def __init__(self):
        self.tables = {}  # (file, name) -> [(procname, child, handler)]
        self.keys = {}  # dotted key -> set of handlers (None: not read)
        self.placed = set()

    def add_key(self, key, handler):
        self.keys.setdefault(key, set()).add(handler)

    def add_table(self, path, f, name, depth=0):
        """Adds the keys of table `name` (defined in `f`, else anywhere) registered under `path`."""
        entries = self.tables.get((f, name)) or next(
            (e for (g, n), e in sorted(self.tables.items()) if n == name), None)
        if entries is None or depth > 8:
            return False
        self.placed.add(name)
        for proc, child, handler in entries:
            if child:
                self.add_table(path + "/" + proc, f, child, depth + 1)
            elif proc:
                self.add_key(dotted(path + "/" + proc), handler)
        return True


def resolve(var, text, tables, pos=None):
    """The table a variable was copied from: the last `var = kmemdup(tmpl, ...)` or `var = tmpl;`
    before `pos` (the register call)."""
    end = len(text) if pos is None else pos
    for _ in range(6):
        if var in tables:
            return var
        pattern = re.compile(r"\b" + re.escape(var) + r"\s*=\s*(?:kmemdup(?:_array)?\s*\(\s*&?(\w+)|&?(\w+)\s*;)")
        found = list(pattern.finditer(text, 0, end))
        if not found:
            return None
        end = found[-1].start()  # `table = kmemdup(table, ...)`: look further back
        var = found[-1].group(1) or found[-1].group(2)
    return None


def scan(src):
    tree = Tree()
    texts = {}
    for root, dirs, files in os.walk(src):
        dirs[:] = sorted(d for d in dirs if d not in ("Documentation", "tools", "samples", ".git"))
        for fn in sorted(files):
            if not fn.endswith((".c", ".h")) or TEST_FILE.search(fn):
                continue
            path = os.path.join(root, fn)
            with open(path, encoding="utf-8", errors="replace") as fh:
                raw = fh.read()
            if "procname" not in raw and "SYSCTL" not in raw:
                continue
            rel = os.path.relpath(path, src)
            text = COMMENT.sub(" ", raw)
            texts[rel] = text
            strings = dict(NAMED_STRING.findall(text))
            paths = set(re.findall(r"struct\s+ctl_path\s+(\w+)", text))
            for name, body in initializer_bodies(text).items():
                if name in paths:
                    continue
                entries = table_entries(body, strings)
                if entries:
                    tree.tables[(rel, name)] = entries
    for rel, text in sorted(texts.items()):
        local = {n for (f, n) in tree.tables if f == rel}
        defines = dict(DEFINE.findall(text))
        for m in REG_PATH.finditer(text):
            path = m.group(1).strip('"') if m.group(1).startswith('"') else defines.get(m.group(1))
            var = (m.group(2) or "").split("->")[-1].split(".")[-1]
            name = resolve(var, text, local, m.start()) if var and path is not None else None
            if name:
                tree.add_table(path, rel, name)
        for m in REG_ROOT.finditer(text):
            name = resolve(m.group(1), text, local, m.start())
            if name:
                tree.add_table("", rel, name)
        for m in BASE.finditer(text):
            tree.add_table(m.group(1), rel, m.group(2))
        for m in REG_PATHS.finditer(text):
            path = "/".join(PROCNAME.findall(initializer_bodies(text).get(m.group(1), "")))
            name = resolve(m.group(2), text, local, m.start())
            if name:
                tree.add_table(path, rel, name)
    for rel, name, path in DYNAMIC:
        if (rel, name) not in tree.tables:
            continue
        tree.placed.add(name)
        for proc, _, handler in tree.tables[(rel, name)]:
            if "<proto>" in path:
                for proto in NEIGH_PROTOS:
                    base = path.replace("<proto>", proto)
                    where = base.replace("<if>", "default") if proc in NEIGH_DEFAULT_ONLY else base
                    tree.add_key(dotted(where + "/" + proc), handler)
            else:
                tree.add_key(dotted(path + "/" + proc), handler)
    for rel, path, count in NUMBERED:
        if rel in texts:
            for i in range(count):
                tree.add_key(dotted("%s/%d" % (path, i)), None)
    # Tables registered from another file, through a function that returns a copy of the
    # template (ipv6_route_sysctl_init and the like): a register call whose table is a
    # variable set from a call, matched to the unplaced array kmemdup'd in that function.
    funcs = {}
    for rel, text in texts.items():
        for m in re.finditer(r"\b(\w+)\s*\([^;{)]*\)\s*\{", text):
            body = text[m.end():m.end() + 3000]
            k = re.search(r"kmemdup(?:_array)?\s*\(\s*&?(\w+)", body[:body.find("\n}")])
            if k and any(n == k.group(1) for (_, n) in tree.tables):
                funcs.setdefault(m.group(1), k.group(1))
    for rel, text in sorted(texts.items()):
        for m in REG_PATH.finditer(text):
            var = (m.group(2) or "").split("->")[-1].split(".")[-1]
            if not var or var in tree.tables or resolve(var, text, {n for (f, n) in tree.tables if f == rel}):
                continue
            c = re.search(r"\b" + re.escape(var) + r"\s*=\s*(\w+)\s*\(", text)
            if c and c.group(1) in funcs:
                tree.add_table(m.group(1).strip('"'), rel, funcs[c.group(1)])
    unplaced = sorted((f, n) for (f, n) in tree.tables if n not in tree.placed and not is_child(tree, n))
    return tree, unplaced


def is_child(tree, name):
    return any(child == name for entries in tree.tables.values() for _, child, _ in entries)


def documented(src):
    """Leaf names the sysctl documents describe: 'name - TYPE' (ip-sysctl) or a heading."""
    names = set()
    files = [os.path.join(src, "Documentation/networking/ip-sysctl.rst")]
    d = os.path.join(src, "Documentation/admin-guide/sysctl")
    files += [os.path.join(d, f) for f in sorted(os.listdir(d)) if f.endswith(".rst")] if os.path.isdir(d) else []
    for f in files:
        if not os.path.exists(f):
            continue
        lines = open(f, encoding="utf-8", errors="replace").read().split("\n")
        for i, line in enumerate(lines):
            m = re.match(r"^([a-z][a-z0-9_\-]+)(?:\s*-\s*[A-Z]|\s*$)", line)
            under = i + 1 < len(lines) and re.match(r"^[=\-~^]{3,}\s*$", lines[i + 1])
            if m and (under or "-" in line[len(m.group(1)):len(m.group(1)) + 3]):
                names.add(m.group(1))
    return names


def load_lists(paths):
    keys = set()
    for p in paths:
        keys.update(l.split()[0] for l in open(p) if l.strip() and not l.startswith("#"))
    return keys


def known(key, keys, prefixes):
    if key in keys:
        return True
    for prefix in prefixes:
        if key.startswith(prefix):
            rest = key[len(prefix):]
            dot = rest.find(".")
            if dot > 0 and prefix + "<if>" + rest[dot:] in keys:
                return True
    return False


def check_live(proc, lists):
    keys = load_lists(lists)
    prefixes = sorted({k[:k.index("<if>")] for k in keys if "<if>" in k})
    unknown = []
    for root, dirs, files in os.walk(proc):
        for fn in files:
            rel = os.path.relpath(os.path.join(root, fn), proc)
            key = dotted(rel)
            if not known(key, keys, prefixes):
                unknown.append(key)
    for k in sorted(unknown):
        print(k)
    print("%d keys under %s are in no list" % (len(unknown), proc), file=sys.stderr)


def main(argv):
    if len(argv) >= 3 and argv[1] == "--check-live":
        check_live(argv[2], argv[3:])
        return 0
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, version, package = argv[1:]
    tree, unplaced = scan(src)
    for f, n in unplaced:
        print("unplaced table: %s %s (%d entries)" % (f, n, len(tree.tables[(f, n)])), file=sys.stderr)
    leaves = {c for k in tree.keys for c in k.split(".")}
    missing = sorted(documented(src) - leaves)
    print("documented, not found: %s" % " ".join(missing), file=sys.stderr)
    patterns = sum("<if>" in k for k in tree.keys)
    print("# Sysctl key names of Linux %s: every ctl_table entry its source registers." % version)
    print("# Generated by tools/sysctl_key_names.py from Debian's %s; do not edit." % package)
    print("# How it is made and what it means for other kernels: model/knowledge/keys/README.md.")
    print("# <if> is one component naming a network interface, 'all' or 'default'.")
    print("# After each name, its entry's .proc_handler ('-': none read; several joined by ',').")
    print("# %d names, %d of them per-interface patterns." % (len(tree.keys), patterns))
    for k in sorted(tree.keys):
        handlers = sorted(h for h in tree.keys[k] if h)
        print("%s %s" % (k, ",".join(handlers) if handlers and None not in tree.keys[k] else "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
