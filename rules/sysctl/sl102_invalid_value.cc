// SPDX-License-Identifier: MIT
// SL102: a value the kernel rejects (EINVAL) or silently misreads: wrong type,
// outside the enforced range, outside the C type the key's handler parses
// into (model/kernel_int_type.h: an error where the target kernel's own
// source was read, a warning where only other listed kernels were), a bad
// ip_local_port_range.
#include "model/value_check.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL102 = {"SL102", "invalid-value", Severity::kError,
                         "a value the kernel rejects for this key",
                         FixAvailability::kNone, "0.1.0", "rules/sysctl/SL102.md"};

namespace {

void CheckPortRange(RuleContext& ctx, const SysctlEntry& e) {
  const std::vector<std::string> f = ValueFields(e.value());
  if (f.size() != 2) return;
  const auto lo = ParseKernelInt(f[0]);
  const auto hi = ParseKernelInt(f[1]);
  if (!lo || !hi) return;
  const Host& host = ctx.host();
  Finding out;
  out.location = ValueLocation(e);
  if (host.Has(KernelChange::kPortRangeAboveUnprivileged)) {
    const int64_t floor = host.IntValue("net.ipv4.ip_unprivileged_port_start").value_or(1024);
    if (*lo < floor) {
      out.message = "'net.ipv4.ip_local_port_range' starts at " + f[0] +
                    ", below 'net.ipv4.ip_unprivileged_port_start' (" + std::to_string(floor) +
                    "); Linux " + host.Since(KernelChange::kPortRangeAboveUnprivileged).ToString() +
                    " and later reject it";
      ctx.Report(std::move(out));
      return;
    }
  }
  if ((*lo % 2) == (*hi % 2)) {
    out.message = "'net.ipv4.ip_local_port_range' " + f[0] + " " + f[1] +
                  " has ends of the same parity; accepted, but the kernel logs "
                  "'prefer different parity for start/end values'";
    ctx.Report(std::move(out), Severity::kInfo);
  }
}

}  // namespace

void CheckSL102(RuleContext& ctx) {
  const Host& host = ctx.host();
  for (const SysctlEntry* entry : AllAssignments(host)) {
    const SysctlEntry& e = *entry;
    if (e.assignment->exclusion || e.assignment->is_glob()) continue;
    const KeyInfo* info = host.kb->Find(e.key());
    if (info && !info->ExistsOn(host.kernel)) continue;  // SL101's business
    // A key without rich metadata is judged by its handler's C type alone.
    const ValueCheck check = info ? CheckKnownValue(*info, e.value(), host.kernel)
                                  : CheckIntType(e.key(), e.value(), host.kernel, /*every_field=*/false);
    if (check.verdict != ValueVerdict::kAccepted) {
      Finding f;
      f.location = ValueLocation(e);
      if (check.verdict == ValueVerdict::kRejected && check.proven) {
        f.message = "invalid value '" + e.value() + "' for '" + e.key() + "'; " + check.reason;
        ctx.Report(std::move(f));
      } else if (check.verdict == ValueVerdict::kRejected) {
        f.message = "value '" + e.value() + "' for '" + e.key() + "' is likely rejected; " + check.reason;
        ctx.Report(std::move(f), Severity::kWarning);
      } else {
        f.message = "undocumented value '" + e.value() + "' for '" + e.key() + "'; " +
                    check.reason + ", and the kernel's handling of others may change";
        ctx.Report(std::move(f), Severity::kWarning);
      }
      continue;
    }
    if (e.key() == "net.ipv4.ip_local_port_range") CheckPortRange(ctx, e);
  }
}

}  // namespace synlint
