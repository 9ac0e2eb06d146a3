// SL108: a value below the target kernel's default for a key tuned upwards,
// typically copied from an older host (somaxconn = 512 on Linux >= 5.4, where
// the default is 4096). kernel-facts.md §1 somaxconn default, §3.
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
    // A RAM-dependent default is only known as a floor; tcp_max_syn_backlog's
    // is at least 128 (max(128, ehash_buckets / N)).
    if (info.computed_default && key != "net.ipv4.tcp_max_syn_backlog") continue;
    const SysctlEntry* w = host.Winner(key);
    if (!w) continue;
    const auto def = info.DefaultOn(host.kernel);
    const auto value = ParseKernelInt(w->value());
    const auto def_value = def ? ParseKernelInt(*def) : std::nullopt;
    if (!value || !def_value || *value >= *def_value) continue;
    Finding f;
    f.location = ValueLocation(*w);
    f.message = "'" + key + " = " + w->value() + "' is below the default of Linux " +
                host.kernel.ToString() + " (" + (info.computed_default ? "at least " : "") + *def +
                "); this setting now shrinks the kernel's own value";
    if (const auto change = info.LastDefaultChange(host.kernel)) {
      const auto from = ParseKernelInt(change->from);
      const auto to = ParseKernelInt(change->to);
      if (from && to && *to > *from)
        f.message += " (the default rose from " + change->from + " to " + change->to + " in Linux " +
                     change->since.ToString() + ")";
    }
    const auto history = host.sysctl().History(key);
    if (history.size() == 1 && IsAdminFile(ctx.host(), w->file->path) && !info.computed_default) {
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
