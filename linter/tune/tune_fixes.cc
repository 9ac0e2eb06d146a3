// SPDX-License-Identifier: MIT
#include "linter/tune/tune_fixes.h"

#include <algorithm>
#include <memory>

#include "linter/diff.h"
#include "linter/edits.h"
#include "linter/engine/actions.h"
#include "linter/overlay_file_system.h"
#include "model/listen_model.h"
#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/edits/sysctl_entries.h"

namespace synlint::tune {

namespace {

constexpr const char* kRule = "tune";

std::string SysctlComment(const Host& host, const SysctlPlan& s, const TunePlan& plan) {
  if (s.key == kSomaxconn) {
    if (s.proposed < s.current)
      return "synlint tune: at most 65535 on Linux < " + host.Since(KernelChange::kBacklog32Bit).ToString() +
             " (16-bit backlog)";
    int64_t largest = 0;
    for (const ListenerPlan& lp : plan.listeners) largest = std::max(largest, lp.sized ? lp.target : 0);
    const std::string need = "the largest accept queue the load needs (" + std::to_string(largest) + ")";
    if (s.proposed > largest) return "synlint tune: the kernel default, which covers " + need;
    return "synlint tune: covers " + need;
  }
  if (s.key == kMaxSynBacklog)
    return "synlint tune: Linux < " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
           " caps each SYN table at this";
  return "synlint tune: send cookies only when the SYN queue overflows";
}

Finding SysctlFinding(const Host& host, const FixOptions& fix_options, const TunePlan& plan,
                      const SysctlPlan& s) {
  Finding f;
  f.rule = kRule;
  f.severity = Severity::kInfo;
  if (const SysctlEntry* w = host.Winner(s.key)) f.location = ValueLocation(*w);
  f.message = "set '" + s.key + "' from " + std::to_string(s.current) + " to " + std::to_string(s.proposed) +
              "; " + s.reason;
  f.fix = SetSysctlFix(host, fix_options, s.key, std::to_string(s.proposed), SysctlComment(host, s, plan),
                       Applicability::kUnsafe);
  return f;
}

void ApplyRound(const FileSystem& base, OverlayFileSystem* overlay, const std::vector<Finding>& findings,
                FixResult* result) {
  std::vector<const Fix*> fixes;
  std::vector<const Finding*> owners;
  for (const Finding& f : findings) {
    if (f.fix && !f.fix->edits.empty()) {
      fixes.push_back(&*f.fix);
      owners.push_back(&f);
    }
  }
  const MergedEdits merged = MergeFixes(fixes);
  for (const auto& [path, edits] : merged.by_file) {
    if (edits.empty()) continue;
    std::string current, err;
    const bool exists = overlay->ReadFile(path, &current, &err);
    if (exists && !result->original.count(path) && !result->fixed.count(path)) {
      std::string original;
      if (base.ReadFile(path, &original, &err)) result->original[path] = original;
    }
    if (!exists) current.clear();
    std::string next = ApplyEdits(current, edits);
    overlay->WriteFile(path, next, 0644, &err);
    result->fixed[path] = std::move(next);
  }
  for (size_t i : merged.applied) result->applied.push_back(*owners[i]);
  if (!merged.applied.empty() && result->rules_fixed.empty()) result->rules_fixed.push_back(kRule);
  result->fixes_applied += merged.applied.size();
}

size_t CountFixes(const std::vector<Finding>& findings) {
  return std::count_if(findings.begin(), findings.end(),
                       [](const Finding& f) { return f.fix && !f.fix->edits.empty(); });
}

}  // namespace

std::vector<Finding> TuneFindings(const Host& host, const TunePlan& plan, const FixOptions& fix_options,
                                  std::vector<std::string>* warnings) {
  std::vector<Finding> out;
  const std::vector<ListenerView> views = ListenerViews(host);
  for (const BacklogChange& b : plan.backlogs) {
    if (b.view >= views.size()) continue;
    const ListenerView& v = views[b.view];
    Finding f;
    f.rule = kRule;
    f.severity = Severity::kInfo;
    f.location = v.listener->backlog ? v.listener->backlog->location : v.listener->declared_at;
    f.message = "raise " + b.setting + " from " + std::to_string(b.from) + " to " + std::to_string(b.to);
    // A socket unit whose Backlog= sits in a vendor file gets an etc/ drop-in.
    f.fix = SetListenerBacklogFix(host, v, b.to, Applicability::kUnsafe);
    if (!f.fix) {
      warnings->push_back("cannot write " + b.setting + " (" + Describe(v) +
                          "): it is not in a file under etc/; set it to " + std::to_string(b.to) +
                          " by hand");
      continue;
    }
    out.push_back(std::move(f));
  }
  for (const SysctlPlan& s : plan.sysctls) {
    if (s.Changes()) out.push_back(SysctlFinding(host, fix_options, plan, s));
  }
  return out;
}

TuneRun RunTune(const FileSystem& fs, const HostOptions& host_options, const FixOptions& fix_options,
                const LoadSpec& load) {
  TuneRun run;
  run.host = LoadHost(fs, host_options);
  run.plan = PlanTuning(*run.host, load);
  // The fix rounds re-read the same root: its package database and software
  // versions are read once, as check does (a live root's dpkg lists are megabytes).
  HostOptions round_options = host_options;
  round_options.packages = std::make_shared<PackageFiles>(run.host->packages);
  round_options.detected_versions = std::make_shared<SoftwareVersions>(run.host->versions);
  run.warnings = run.plan.warnings;
  // As FixToConvergence, with the plan in place of the rules: apply, re-read
  // the host from the overlay, re-plan, until the plan asks for nothing new.
  auto overlay = std::make_shared<OverlayFileSystem>(fs);
  std::shared_ptr<Host> fixed_host;
  const Host* host = run.host.get();
  TunePlan plan = run.plan;
  for (int round = 0;; ++round) {
    std::vector<std::string> round_warnings;
    const std::vector<Finding> findings = TuneFindings(*host, plan, fix_options, &round_warnings);
    if (round == 0) run.warnings.insert(run.warnings.end(), round_warnings.begin(), round_warnings.end());
    if (CountFixes(findings) == 0) {
      run.fix.rounds = round;
      break;
    }
    if (round == kMaxFixRounds) {
      run.fix.rounds = round;
      run.fix.converged = false;
      run.warnings.push_back("the changes did not settle after " + std::to_string(kMaxFixRounds) +
                             " rounds; the diff may be incomplete");
      break;
    }
    ApplyRound(fs, overlay.get(), findings, &run.fix);
    fixed_host = LoadHost(*overlay, round_options);
    host = fixed_host.get();
    plan = PlanTuning(*host, load);
  }
  if (fixed_host) {
    run.fix.fixed_fs = overlay;
    run.fix.fixed_host = fixed_host;
  }
  run.diff = DiffOf(run.fix);
  // The restarts follow from comparing the host before and after, as for check.
  run.actions = ActionsForFix(*run.host, run.fix);
  return run;
}

std::string DiffOf(const FixResult& fix) {
  std::string out;
  for (const auto& [path, text] : fix.fixed) {
    const auto orig = fix.original.find(path);
    const bool exists = orig != fix.original.end();
    out += UnifiedDiff(path, exists ? orig->second : "", text, exists);
  }
  return out;
}

}  // namespace synlint::tune
