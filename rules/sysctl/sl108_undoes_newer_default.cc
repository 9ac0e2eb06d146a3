// SPDX-License-Identifier: MIT
// SL108: a value below the target kernel's default for a key tuned upwards,
// typically copied from an older host (somaxconn = 512 on Linux >= 5.4, where
// the default is 4096). kernel-facts.md §1 somaxconn default, §3.
#include "model/setting.h"
#include "model/value_check.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL108 = {"SL108", "undoes-newer-default", Severity::kWarning,
                         "a queue or limit set below the target kernel's own default",
                         FixAvailability::kAlways, "0.1.0", "rules/sysctl/SL108.md"};

void CheckSL108(RuleContext& ctx) {
  const Host& host = ctx.host();
  for (const auto& [key, info] : host.kb->keys()) {
    if (info.direction != KeyInfo::Direction::kUp || info.type != KeyInfo::Type::kInt) continue;
    // A default the kernel computes from the machine is known exactly only
    // when the host tells it (model/setting.h); otherwise only its floor
    // (tcp_max_syn_backlog: max(128, ehash_entries / N) is at least 128) can
    // be judged. Other computed defaults are not judged.
    const bool machine = !info.default_depends_on.empty();
    if (info.computed_default && !machine) continue;
    const SysctlEntry* w = host.Winner(key);
    if (!w) continue;
    std::optional<std::string> def = info.DefaultOn(host.kernel);
    std::string def_text = def ? *def : "";
    if (machine) {
      const auto d = DefaultSettingOf(host, key);
      if (!d) continue;
      def = std::to_string(d->min);
      def_text = d->Known() ? d->Text() + ", " + d->origin : "at least " + std::to_string(d->min) + ": " + d->formula;
    }
    const auto value = ParseKernelInt(w->value());
    const auto def_value = def ? ParseKernelInt(*def) : std::nullopt;
    if (!value || !def_value || *value >= *def_value) continue;
    Finding f;
    f.location = ValueLocation(*w);
    f.message = "'" + key + " = " + w->value() + "' is below the default of Linux " +
                host.kernel.ToString() + " (" + def_text + "); this setting now shrinks the kernel's own value";
    if (const auto change = info.LastDefaultChange(host.kernel)) {
      const auto from = ParseKernelInt(change->from);
      const auto to = ParseKernelInt(change->to);
      if (from && to && *to > *from)
        f.message += " (the default rose from " + change->from + " to " + change->to + " in Linux " +
                     change->since.ToString() + ")";
    }
    const auto history = host.sysctl().History(key);
    if (history.size() == 1 && IsAdminFile(ctx.host(), w->file->path) && !IsScriptWrite(ctx.host(), *w) &&
        !info.computed_default) {
      f.fix = Fix{"delete the line so the kernel default " + *def + " applies", Applicability::kUnsafe,
                  {DeleteLineEdit(*w)}};
    } else {
      f.fix = SetSysctlFix(ctx.host(), ctx.fix_options(), key, *def,
                           "synlint SL108: raised to the kernel default (was " + w->value() + ")",
                           Applicability::kUnsafe);
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
