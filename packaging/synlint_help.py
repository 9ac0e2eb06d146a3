# SPDX-License-Identifier: MIT
"""Reads synlint's command line from its own --help output.

The man page and the shell completions are generated from this model, so
they cannot drift from the options the binary really has. The parser knows
CLI11's help layout:

    DESCRIPTION...
    Usage: synlint check [OPTIONS] [file...]

    Positionals:
      file TEXT ...               Files to lint

    Options:
      -h,--help                   Print this help message and exit

    Output:
      --color TEXT:{auto,always,never}=auto
                                  Colour text output: auto, always, never
    FOOTER...

A section is a line "Name:" at column 0; an entry starts with two spaces,
its specification and description separated by two or more spaces or by a
line break (the description then indented deeper).
"""

import json
import re
import subprocess
from dataclasses import dataclass, field
from typing import Dict, List, Optional

# A value type as CLI11 prints it: TEXT, INT, FLOAT, ... possibly followed by
# a validator (":{a,b}" or ":FILE") and a default ("=text").
_TYPE_RE = re.compile(r"^[A-Z][A-Z0-9_]*(?=$|[:=\s])")
_CHOICES_RE = re.compile(r":\{([^{}]*)\}")
_SECTION_RE = re.compile(r"^([A-Z][A-Za-z0-9 _-]*):$")
# "Output format: text, json, sarif" / "text or json" / "text, json, or crossplane":
# a description that is nothing but a list of lowercase words.
_WORD = r"[a-z0-9][a-z0-9_-]*"
_LIST_RE = re.compile(r"^(?:[A-Z][^:]*:\s*)?(" + _WORD + r"(?:(?:,\s*|,?\s+or\s+)" + _WORD + r")+)$")


# Options whose TEXT value is a directory, a file (on the local disk, not
# inside --root), or rule IDs. --help cannot say this.
DIR_OPTIONS = {"--root"}
FILE_OPTIONS = {"--output", "--config", "--baseline", "--write-baseline", "--stdin-filename"}
RULE_OPTIONS = {"--select", "--ignore"}


@dataclass
class Option:
    """One option or positional of a (sub)command."""
    names: List[str]            # "-o", "--output"; a positional's name alone
    value: Optional[str]        # the value type ("TEXT", "INT"); None for a flag
    choices: List[str]          # the fixed set of values, when --help shows one
    default: Optional[str]      # "=text" shown by --help, without the '='
    description: str
    group: str                  # the help section: "Options", "Host", "Positionals", ...
    multiple: bool = False      # "TEXT ..." takes several values
    required: bool = False

    @property
    def positional(self) -> bool:
        return self.group == "Positionals"

    @property
    def long_names(self) -> List[str]:
        return [n for n in self.names if n.startswith("--")]

    @property
    def kind(self) -> Optional[str]:
        """What the value is, for completion and the man page: "dir", "file", "choices",
        "rule" or None (free text, or a flag)."""
        if self.value is None:
            return None
        if self.choices:
            return "choices"
        if self.positional:
            if self.names[0].lower().startswith("file"):
                return "file"
            return "rule" if "rule id" in self.description.lower() else None
        names = set(self.names)
        if names & DIR_OPTIONS:
            return "dir"
        if names & FILE_OPTIONS:
            return "file"
        if names & RULE_OPTIONS:
            return "rule"
        return None

    @property
    def key(self) -> str:
        """The name that identifies the option: its first long name, or its only one."""
        return (self.long_names or self.names)[0]


@dataclass
class Command:
    """The top-level program or one subcommand."""
    name: str                   # "" for the program itself
    description: str
    usage: str
    options: List[Option] = field(default_factory=list)
    groups: List[str] = field(default_factory=list)   # option sections in help order
    subcommands: Dict[str, str] = field(default_factory=dict)  # name -> summary
    footer: str = ""

    def group_options(self, group: str) -> List[Option]:
        return [o for o in self.options if o.group == group]


def _list_choices(description: str) -> List[str]:
    """Values spelt out in a description such as "Output format: text, json"."""
    match = _LIST_RE.match(description.strip())
    if not match:
        return []
    return [w for w in re.split(r",\s*|\s+", match.group(1)) if w and w != "or"]


def _parse_entry(spec: str, description: str, group: str) -> Option:
    tokens = spec.split()
    names = tokens[0].split(",")
    rest = tokens[1:]
    value = None
    choices: List[str] = []
    default = None
    multiple = False
    required = False
    if rest and _TYPE_RE.match(rest[0]):
        type_token = rest[0]
        value = _TYPE_RE.match(type_token).group(0)
        found = _CHOICES_RE.search(type_token)
        if found:
            choices = [c.strip() for c in found.group(1).split(",") if c.strip()]
        tail = _CHOICES_RE.sub("", type_token)[len(value):]
        if "=" in tail:
            default = tail.split("=", 1)[1]
        rest = rest[1:]
    for token in rest:
        if token == "...":
            multiple = True
        elif token == "REQUIRED":
            required = True
    if value and not choices and not (group == "Positionals"):
        choices = _list_choices(description)
    return Option(names=names, value=value, choices=choices, default=default,
                  description=description.strip(), group=group, multiple=multiple,
                  required=required)


def parse_help(name: str, text: str) -> Command:
    """Parses one --help output; `name` is "" for the program, else the subcommand."""
    lines = text.rstrip("\n").split("\n")
    description: List[str] = []
    i = 0
    while i < len(lines) and not lines[i].startswith("Usage:"):
        description.append(lines[i])
        i += 1
    usage = lines[i][len("Usage:"):].strip() if i < len(lines) else ""
    i += 1
    command = Command(name=name, description="\n".join(description).strip(), usage=usage)
    group = None
    footer: List[str] = []
    entry = None  # [spec, description, group]
    entries = []

    def flush():
        nonlocal entry
        if entry is not None:
            entries.append(entry)
            entry = None

    for line in lines[i:]:
        section = _SECTION_RE.match(line)
        if section:
            flush()
            group = section.group(1)
            if group != "Subcommands":
                command.groups.append(group)
            footer = []
            continue
        if not line.strip():
            flush()
            continue
        if group is not None and re.match(r"^  \S", line):
            flush()
            parts = re.split(r"\s{2,}", line.strip(), maxsplit=1)
            entry = [parts[0], parts[1] if len(parts) > 1 else "", group]
            continue
        if entry is not None and line.startswith("    "):
            entry[1] = (entry[1] + " " + line.strip()).strip()
            continue
        # Text at column 0 after the sections: the footer.
        flush()
        group = None
        footer.append(line)
    flush()
    for spec, desc, grp in entries:
        if grp == "Subcommands":
            command.subcommands[spec.split()[0]] = desc
        else:
            command.options.append(_parse_entry(spec, desc, grp))
    command.groups = [g for g in command.groups if command.group_options(g)]
    command.footer = "\n".join(footer).strip()
    return command


def _run(binary: str, *args: str) -> str:
    result = subprocess.run([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, check=False)
    if result.returncode != 0:
        raise SystemExit("%s %s failed (exit %d): %s" % (binary, " ".join(args),
                                                         result.returncode, result.stderr.strip()))
    return result.stdout


@dataclass
class Program:
    top: Command
    subcommands: Dict[str, Command]   # in --help order
    version: str
    rule_ids: List[str]


def default_subcommand(top: Command) -> Optional[str]:
    """The subcommand that runs when none is named ("check"), from --help's wording."""
    for name, summary in top.subcommands.items():
        if "(the default)" in summary:
            return name
    found = re.search(r"Without a subcommand, '(\w+)' runs", top.footer)
    return found.group(1) if found and found.group(1) in top.subcommands else None


def load(binary: str) -> Program:
    """Runs `binary --help`, `binary SUB --help` for each subcommand, --version and `rules`."""
    top = parse_help("", _run(binary, "--help"))
    if not top.subcommands:
        raise SystemExit("%s --help lists no subcommands" % binary)
    subs = {name: parse_help(name, _run(binary, name, "--help")) for name in top.subcommands}
    version = _run(binary, "--version").strip().split()[-1]
    rule_ids: List[str] = []
    if "rules" in subs:
        try:
            rule_ids = [r["id"] for r in json.loads(_run(binary, "rules", "--format", "json"))]
        except (ValueError, KeyError, TypeError):
            rule_ids = []
    return Program(top=top, subcommands=subs, version=version, rule_ids=rule_ids)
