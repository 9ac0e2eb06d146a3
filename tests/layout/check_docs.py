#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Checks the user-facing Markdown docs: every relative link resolves, and no
doc cites a file users cannot see.

    check_docs.py SOURCE_DIR          the repository: README.md, ARCHITECTURE.md,
                                      BENCHMARKS.md, docs/, rules/, linter/output/
    check_docs.py --installed DOCDIR  an installed /usr/share/doc/synlint: every
                                      .md under it, links kept inside it

A relative link (`[text](path)`, `[text](path#anchor)`, `[text](#anchor)`,
`[label]: path`) must name a file or directory that exists, inside the tree
checked; an anchor must be a heading of the target file (GitHub's spelling:
lower case, punctuation dropped, spaces as '-', '-1', '-2' for repeats) or an
explicit `<a id="...">`. Links in code blocks and code spans are not links.
URLs with a scheme (https:, mailto:) are not followed.

No doc may mention kernel-facts (the maintainers' private notes): a doc cites
the primary source and docs/fact-checks.md.
"""

import os
import re
import sys

# The docs a user reads, in the repository and as installed.
REPO_DOCS = ["README.md", "ARCHITECTURE.md", "BENCHMARKS.md", "docs", "rules", "linter/output"]
FORBIDDEN = re.compile(r"kernel-facts", re.IGNORECASE)

FENCE = re.compile(r"^\s*(```|~~~)")
INLINE_LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$")
CODE_SPAN = re.compile(r"(`+)(.+?)\1")
HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
HTML_ANCHOR = re.compile(r"<a\s+(?:id|name)=\"([^\"]+)\"", re.IGNORECASE)
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def prose_lines(text):
    """(line number, line) outside fenced code blocks."""
    in_fence = None
    for number, line in enumerate(text.split("\n"), 1):
        m = FENCE.match(line)
        if m:
            if in_fence is None:
                in_fence = m.group(1)
            elif m.group(1) == in_fence:
                in_fence = None
            continue
        if in_fence is None:
            yield number, line


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = CODE_SPAN.sub(lambda m: m.group(2), heading)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link keeps its text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.strip().lower()
    text = "".join(c for c in text if c.isalnum() or c in " -_")
    return text.replace(" ", "-")


def anchors(path, cache={}):
    if path not in cache:
        seen = {}
        found = set()
        with open(path, encoding="utf-8") as f:
            text = f.read()
        for _, line in prose_lines(text):
            m = HEADING.match(line)
            if m:
                base = slug(m.group(2))
                n = seen.get(base, 0)
                seen[base] = n + 1
                found.add(base if n == 0 else "%s-%d" % (base, n))
            for a in HTML_ANCHOR.findall(line):
                found.add(a)
        cache[path] = found
    return cache[path]


def links(text):
    """(line number, target) of every link outside code."""
    for number, line in prose_lines(text):
        m = REFERENCE_DEF.match(line)
        if m:
            yield number, m.group(1)
            continue
        bare = CODE_SPAN.sub(lambda m: " " * len(m.group(0)), line)
        for m in INLINE_LINK.finditer(bare):
            yield number, m.group(1)


def check_file(path, top, shown):
    problems = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for number, line in enumerate(text.split("\n"), 1):
        if FORBIDDEN.search(line):
            problems.append("%s:%d: cites kernel-facts, a file users cannot see; cite the primary "
                            "source and docs/fact-checks.md" % (shown, number))
    for number, target in links(text):
        if SCHEME.match(target):
            continue
        file_part, _, anchor = target.partition("#")
        if file_part:
            resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part))
        else:
            resolved = path
        where = "%s:%d: link '%s'" % (shown, number, target)
        if os.path.relpath(resolved, top).startswith(".."):
            problems.append(where + " leads outside " + top)
            continue
        if not os.path.exists(resolved):
            problems.append(where + ": no such file")
            continue
        if anchor and resolved.endswith(".md") and os.path.isfile(resolved):
            if anchor not in anchors(resolved):
                problems.append(where + ": no heading or anchor '#%s' in %s"
                                % (anchor, os.path.relpath(resolved, top)))
    return problems


def markdown_under(top, entries):
    for entry in entries:
        path = os.path.join(top, entry)
        if os.path.isfile(path) and path.endswith(".md"):
            yield path
        elif os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    if name.endswith(".md"):
                        yield os.path.join(root, name)


def main(argv):
    if len(argv) == 3 and argv[1] == "--installed":
        top = os.path.abspath(argv[2])
        files = list(markdown_under(top, ["."]))
    elif len(argv) == 2 and not argv[1].startswith("-"):
        top = os.path.abspath(argv[1])
        files = list(markdown_under(top, REPO_DOCS))
    else:
        sys.stderr.write(__doc__)
        return 2
    if not files:
        sys.stderr.write("check_docs.py: no Markdown files under %s\n" % top)
        return 1
    problems = []
    checked = 0
    for path in files:
        problems += check_file(path, top, os.path.relpath(path, top))
        checked += 1
    for p in problems:
        sys.stderr.write(p + "\n")
    if problems:
        return 1
    print("%d docs checked: every relative link resolves, none cites kernel-facts" % checked)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
