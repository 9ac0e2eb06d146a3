// SPDX-License-Identifier: MIT
#include "linter/engine/fixer.h"

#include <algorithm>

#include "linter/edits.h"
#include "linter/overlay_file_system.h"
#include "rules/registry.h"

namespace synlint {

std::map<std::string, ConfigFormat> FileFormats(const Host& host) {
  std::map<std::string, ConfigFormat> formats;
  for (const auto& [path, parse] : host.sysctl_parses) formats[path] = ConfigFormat::kSysctl;
  for (const ServiceFacts& s : host.services) {
    for (const auto& [path, format] : s.files) formats.emplace(path, format);
  }
  return formats;
}

LintRun Lint(const FileSystem& fs, const HostOptions& host_options,
             const FixOptions& fix_options, const FindingFilter& keep,
             const SuppressOptions& suppress) {
  LintRun run;
  run.host = LoadHost(fs, host_options);
  SuppressOptions opts = suppress;
  if (!opts.rule_enabled) {
    opts.rule_enabled = [&keep](std::string_view id) {
      Finding probe;
      probe.rule = std::string(id);
      return keep(probe);
    };
  }
  std::vector<Finding> kept = RunRules(*run.host, fix_options, opts.rule_enabled);
  // Keep what the filter accepts (it may change severities), compacting in
  // place rather than copying the findings.
  size_t n = 0;
  for (Finding& f : kept) {
    if (!keep(f)) continue;
    if (&kept[n] != &f) kept[n] = std::move(f);
    ++n;
  }
  kept.resize(n);
  if (opts.known_rules.empty()) {
    for (const Rule& r : AllRules()) opts.known_rules.emplace_back(r.meta->id);
  }
  SuppressionResult result =
      ApplySuppressions(std::move(kept), run.host->sources, FileFormats(*run.host), opts);
  for (Finding& f : result.findings) {
    // SL003 findings are made after the filter ran: give it its say (a
    // configured severity), though it cannot drop them (rule_enabled did).
    if (f.rule == kSuppressionRule) keep(f);
  }
  run.findings = std::move(result.findings);
  run.suppressed = std::move(result.suppressed);
  run.suppression_reasons = std::move(result.reasons);
  return run;
}

FixResult FixToConvergence(const FileSystem& fs, const HostOptions& host_options,
                           const FixOptions& fix_options, const FindingFilter& keep,
                           Applicability min, const SuppressOptions& suppress,
                           const std::function<bool(const Finding&)>& fixable) {
  FixResult result;
  auto overlay_ptr = std::make_shared<OverlayFileSystem>(fs);
  OverlayFileSystem& overlay = *overlay_ptr;
  result.fixed_fs = overlay_ptr;
  for (int round = 0; round < kMaxFixRounds; ++round) {
    LintRun run = Lint(overlay, host_options, fix_options, keep, suppress);
    std::vector<const Fix*> fixes;
    std::vector<const Finding*> owners;
    for (const Finding& f : run.findings) {
      if (f.fix && f.fix->applicability >= min && !f.fix->edits.empty() && (!fixable || fixable(f))) {
        fixes.push_back(&*f.fix);
        owners.push_back(&f);
      }
    }
    if (fixes.empty()) {
      result.rounds = round;
      result.fixed_host = std::move(run.host);
      return result;
    }
    const MergedEdits merged = MergeFixes(fixes);
    for (const auto& [path, edits] : merged.by_file) {
      if (edits.empty()) continue;
      std::string current, err;
      const bool exists = overlay.ReadFile(path, &current, &err);
      if (exists && !result.original.count(path) && !result.fixed.count(path)) {
        std::string base;
        if (fs.ReadFile(path, &base, &err)) result.original[path] = base;
      }
      if (!exists) current.clear();
      std::string next = ApplyEdits(current, edits);
      overlay.WriteFile(path, next, 0644, &err);
      result.fixed[path] = std::move(next);
    }
    for (size_t i : merged.applied) {
      result.applied.push_back(*owners[i]);
      if (std::find(result.rules_fixed.begin(), result.rules_fixed.end(), owners[i]->rule) ==
          result.rules_fixed.end())
        result.rules_fixed.push_back(owners[i]->rule);
    }
    result.fixes_applied += merged.applied.size();
    result.rounds = round + 1;
  }
  result.converged = false;
  result.fixed_host = LoadHost(overlay, host_options);
  return result;
}

}  // namespace synlint
