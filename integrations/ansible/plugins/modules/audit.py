#!/usr/bin/python
# SPDX-License-Identifier: MIT
# -*- coding: utf-8 -*-
# synlint.synlint.audit: run synlint on the managed host and return its JSON
# report (issue #26).

from __future__ import absolute_import, division, print_function

__metaclass__ = type

DOCUMENTATION = r"""
---
module: audit
short_description: Audit a host's connection-accepting settings with synlint
version_added: "0.1.0"
description:
  - Runs C(synlint audit) (or C(synlint check)) on the managed host with
    C(--format json) and returns the report as the fact C(synlint_report)
    and as C(report).
  - C(synlint audit) reads the host's sysctl, nginx, Apache httpd and systemd
    files under I(root) and sets the running kernel beside them (running sysctl
    values, every TCP listener's accept queue, stale listeners).
    C(synlint check) reads the files only.
  - Findings are not failures. The task fails only when synlint itself fails
    (its exit status 2, a usage or fatal error) or cannot be run.
  - It only reads, so it runs in check mode too and reports C(changed=false).
    With I(fix=true) it applies synlint's fixes to the files under I(root)
    (C(check --fix)) and reports C(changed=true) when a file changed; in check
    mode it then only computes the diff (C(check --diff)) and writes nothing.
  - Merge the hosts' reports on the controller with C(synlint report).
author:
  - synlint contributors
options:
  command:
    description:
      - C(audit) reads the files and the running kernel; C(check) reads the
        files only. I(fix=true) always runs C(check).
    type: str
    choices: [audit, check]
    default: audit
  binary:
    description:
      - The synlint executable on the managed host, a path or a name looked
        up in C(PATH).
    type: str
    default: synlint
  root:
    description:
      - The directory synlint reads as the host's C(/) (C(--root)).
    type: path
    default: /
  netns:
    description:
      - For C(audit), the network namespace to read the running kernel in,
        as a path such as C(/run/netns/web) (C(--netns)). Default, the
        namespace synlint runs in.
    type: path
  select:
    description:
      - Only these rules, IDs or prefixes (C(--select)).
    type: list
    elements: str
    default: []
  ignore:
    description:
      - Skip these rules, IDs or prefixes (C(--ignore)).
    type: list
    elements: str
    default: []
  kernel:
    description:
      - For C(check), the target kernel version (C(--kernel X.Y)); C(audit)
        uses the running kernel.
    type: str
  extra_args:
    description:
      - More synlint options, one list element each (for example
        C([--sysctl-loader, procps])). C(--format), C(--output), C(--fix),
        C(--diff) and C(--unsafe-fixes) are set by this module and refused here.
    type: list
    elements: str
    default: []
  fix:
    description:
      - Apply synlint's safe fixes to the files under I(root)
        (C(synlint check --fix)). Never the default; the collection's
        C(fix.yml) playbook is the way to use it, in C(serial) batches.
    type: bool
    default: false
  unsafe_fixes:
    description:
      - With I(fix), apply the unsafe fixes too (they change runtime
        behaviour, for example raising C(net.core.somaxconn)).
    type: bool
    default: false
notes:
  - Supports check mode. Without I(fix) the module never changes anything.
requirements:
  - synlint on the managed host (the collection's C(install) role installs
    the Debian package).
"""

EXAMPLES = r"""
- name: Audit the host against its running kernel
  synlint.synlint.audit:
  register: synlint_result

- name: Audit a container's network namespace and its root
  synlint.synlint.audit:
    root: /srv/containers/web/rootfs
    netns: /run/netns/web

- name: Check the files only, for kernel 6.1, listen rules only
  synlint.synlint.audit:
    command: check
    kernel: "6.1"
    select: [SL2]

- name: Show what the safe fixes would change, writing nothing
  synlint.synlint.audit:
    fix: true
  check_mode: true
"""

RETURN = r"""
report:
  description:
    - synlint's JSON report (the schema of C(synlint --format json),
      linter/output/FORMATS.md), with C(findings), C(summary), C(diff),
      C(actions) and, for C(audit), C(live).
  returned: success
  type: dict
  sample:
    version: 0.1.0
    root: /
    kernel: "6.1"
    findings:
      - rule: SL302
        severity: warning
        file: proc/net/tcp
        message: "..."
    summary: {files: 3, errors: 0, warnings: 1, infos: 0, fixable: 0, suppressed: 0}
    diff: null
    actions: []
exit_status:
  description:
    - synlint's exit status, 0 (no findings) or 1 (findings). Not named
      C(rc), which Ansible would take for a failure when it is 1.
  returned: success
  type: int
  sample: 1
cmd:
  description: The command run.
  returned: always
  type: list
  elements: str
  sample: [synlint, audit, --root, /, --format, json]
stderr:
  description: What synlint wrote to standard error.
  returned: always
  type: str
  sample: ""
actions:
  description:
    - With I(fix), the commands synlint says must run for the fixes to take
      effect (for example C(sysctl --system), C(systemctl restart nginx)),
      each with its reason.
  returned: success
  type: list
  elements: dict
  sample: [{command: sysctl --system, reason: "...", service: sysctl}]
ansible_facts:
  description: The report as the fact C(synlint_report).
  returned: success
  type: dict
  contains:
    synlint_report:
      description: The same as I(report).
      type: dict
      returned: success
"""

import json

from ansible.module_utils.basic import AnsibleModule

OWN_FLAGS = ("--format", "--output", "-o", "--fix", "--diff", "--unsafe-fixes")


def build_command(module, binary):
    p = module.params
    fix = p["fix"]
    command = "check" if fix else p["command"]
    cmd = [binary, command, "--root", p["root"], "--format", "json"]
    if p["netns"] and command == "audit":
        cmd += ["--netns", p["netns"]]
    if p["kernel"]:
        cmd += ["--kernel", p["kernel"]]
    if p["select"]:
        cmd += ["--select", ",".join(p["select"])]
    if p["ignore"]:
        cmd += ["--ignore", ",".join(p["ignore"])]
    if fix:
        cmd.append("--diff" if module.check_mode else "--fix")
        if p["unsafe_fixes"]:
            cmd.append("--unsafe-fixes")
    cmd += p["extra_args"]
    return cmd


def main():
    module = AnsibleModule(
        argument_spec=dict(
            command=dict(type="str", choices=["audit", "check"], default="audit"),
            binary=dict(type="str", default="synlint"),
            root=dict(type="path", default="/"),
            netns=dict(type="path"),
            select=dict(type="list", elements="str", default=[]),
            ignore=dict(type="list", elements="str", default=[]),
            kernel=dict(type="str"),
            extra_args=dict(type="list", elements="str", default=[]),
            fix=dict(type="bool", default=False),
            unsafe_fixes=dict(type="bool", default=False),
        ),
        supports_check_mode=True,
    )
    p = module.params
    for arg in p["extra_args"]:
        if arg.split("=", 1)[0] in OWN_FLAGS:
            module.fail_json(msg="extra_args: %s is set by the module; use its options" % arg, rc=2, cmd=[], stderr="")
    if p["netns"] and (p["command"] != "audit" or p["fix"]):
        module.fail_json(msg="netns is for command=audit without fix", rc=2, cmd=[], stderr="")
    binary = p["binary"]
    if "/" not in binary:
        binary = module.get_bin_path(binary, required=False)
        if binary is None:
            module.fail_json(msg="synlint is not installed on this host (no '%s' in PATH)" % p["binary"],
                             rc=2, cmd=[], stderr="")
    cmd = build_command(module, binary)
    rc, out, err = module.run_command(cmd)
    if rc not in (0, 1):
        module.fail_json(msg="synlint exited %d" % rc, rc=rc, cmd=cmd, stderr=err.strip())
    try:
        report = json.loads(out)
    except ValueError as e:
        module.fail_json(msg="synlint printed no JSON report: %s" % e, rc=rc, cmd=cmd, stderr=err.strip())
    changed = bool(p["fix"] and report.get("diff"))
    module.exit_json(
        changed=changed,
        exit_status=rc,
        cmd=cmd,
        stderr=err.strip(),
        report=report,
        actions=report.get("actions", []) if p["fix"] else [],
        ansible_facts=dict(synlint_report=report),
    )


if __name__ == "__main__":
    main()
