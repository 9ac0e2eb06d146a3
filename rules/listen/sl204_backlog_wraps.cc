// SPDX-License-Identifier: MIT
// SL204: on kernels before 4.1 the backlog is stored in 16 bits, so an
// effective backlog of 65536 or more wraps (65536 -> 0). kernel-facts.md §1,
// rules 2 and 3.
#include "model/listen_model.h"
#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL204 = {"SL204", "backlog-wraps", Severity::kError,
                         "an effective backlog of 65536 or more on a kernel that stores it in 16 bits",
                         FixAvailability::kAlways, "0.1.0", "rules/listen/SL204.md"};

void CheckSL204(RuleContext& ctx) {
  const Host& host = ctx.host();
  if (host.Has(KernelChange::kBacklog32Bit)) return;
  const SysctlEntry* from = nullptr;
  const int64_t somaxconn = EffectiveSomaxconn(host, &from);
  for (const ListenerView& v : ctx.listener_views()) {
    if (!v.queues.wrapped) continue;
    Finding f;
    f.location = v.explicit_backlog ? v.listener->backlog->location : v.listener->declared_at;
    f.message = Describe(v) + " gets an effective backlog of " + std::to_string(v.requested > somaxconn ? somaxconn : v.requested) +
                ", which Linux " + host.kernel.ToString() + " stores in 16 bits: " + v.queues.accept_why;
    if (from && somaxconn > 65535) {
      f.related.push_back(ValueLocation(*from));
      f.related.back().note = "'net.core.somaxconn' is set here";
      f.fix = SetSysctlFix(ctx.host(), ctx.fix_options(), "net.core.somaxconn", "65535",
                           "synlint SL204: Linux < " + host.Since(KernelChange::kBacklog32Bit).ToString() +
                               " stores the backlog in 16 bits",
                           Applicability::kUnsafe);
    } else if (v.explicit_backlog) {
      f.fix = SetListenerBacklogFix(ctx.host(), v, 65535, Applicability::kUnsafe);
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
