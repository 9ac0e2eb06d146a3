// SPDX-License-Identifier: MIT
// SL401: a kernel setting made only by a script run by hand (`sysctl -w`, `echo V >
// /proc/sys/...`): writes to /proc/sys change the running kernel only, and at the next boot the
// key is back to what the sysctl files (here: none) or the kernel's default give. kernel-facts.md
// §8 (what applies at boot: systemd-sysctl, `sysctl --system`).
#include "core/file_system.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/scripts/script_rules.h"

namespace synlint {

const RuleMeta kSL401 = {"SL401", "runtime-only-setting", Severity::kWarning,
                         "a kernel setting made only by a script run by hand, lost at the next boot",
                         FixAvailability::kSometimes, "0.1.0", "rules/scripts/SL401.md"};

namespace {

// etc/sysctl.d/<override name> where discovery reads it, or "".
std::string SysctlDFile(const Host& host, const FixOptions& options) {
  const Resolved dir = Resolve(host.sources.fs(), "etc/sysctl.d");
  if (dir.status == Resolved::Status::kOk && dir.kind == NodeKind::kDirectory)
    return dir.path + "/" + options.sysctl_override_name;
  if (dir.status == Resolved::Status::kMissing && !dir.via_symlink) return "etc/sysctl.d/" + options.sysctl_override_name;
  return "";
}

}  // namespace

void CheckSL401(RuleContext& ctx) {
  const Host& host = ctx.host();
  const SysctlState& st = host.sysctl();
  for (const SysctlEntry& e : st.entries()) {
    const ScriptSetting* s = st.Script(e);
    if (!s || s->phase != WritePhase::kByHand || e.assignment->is_glob() || !host.Accepted(e)) continue;
    const std::string& key = e.key();
    // Only the last write of the key is in force; a file that sets the key is SL402's.
    if (st.LastExact(key) != &e) continue;
    if (FileAssignmentBefore(host, e)) continue;
    bool boot_script = false;
    for (const SysctlEntry* p = st.Previous(e); p; p = st.Previous(*p)) {
      if (const ScriptSetting* ps = st.Script(*p); ps && ps->phase == WritePhase::kBoot) boot_script = true;
    }
    if (boot_script) continue;
    Finding f;
    f.location = KeyLocation(e);
    // A default the kernel computes from the machine is never given as a number here.
    const KeyInfo* info = host.kb->Find(key);
    const auto def = info && info->default_depends_on.empty() ? host.Default(key) : std::nullopt;
    f.message = "'" + key + " = " + e.value() + "' is set only by this script, run by hand; no sysctl file sets it, "
                "so at the next boot it is back to " +
                (def ? "the kernel default " + *def
                     : info ? std::string("the kernel's default, which depends on the machine")
                            : std::string("the kernel's default")) +
                " (writes to /proc/sys change the running kernel only)";
    const std::string path = SysctlDFile(host, ctx.fix_options());
    if (!path.empty()) {
      Fix fix;
      fix.applicability = Applicability::kUnsafe;
      fix.edits.push_back(AddSysctlLineEdit(host, path, key, e.value(),
                                            "synlint SL401: moved from " + std::string(s->listed_as)));
      const bool removable = !s->write->removal.empty() && host.packages.Editable(e.file->path);
      if (removable) {
        fix.title = "move '" + key + " = " + e.value() + "' to " + path + " and delete it from the script";
        fix.edits.push_back({e.file->path, s->write->removal, ""});
      } else {
        fix.title = "add '" + key + " = " + e.value() + "' to " + path + " (the script's write stays: " +
                    (s->write->removal.empty() ? "it is part of a larger command" : "a package's file") + ")";
      }
      f.fix = std::move(fix);
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
