// SPDX-License-Identifier: MIT
#include "linter/suppress/suppress.h"

#include <algorithm>

#include "linter/suppress/directive.h"
#include "linter/suppress/path_glob.h"

namespace synlint {

namespace {

using suppress::Directive;

struct FileDirectives {
  const SourceFile* file = nullptr;
  suppress::ScanResult scan;
  std::vector<std::vector<bool>> used;  // [directive][id]
};

Finding Sl003(const SourceFile& file, Span span, Severity severity, std::string message) {
  Finding f;
  f.rule = std::string(kSuppressionRule);
  f.severity = severity;
  f.location = MakeLocation(file, span);
  f.message = std::move(message);
  return f;
}

/// The safe fix shared by every unused ID of `d`: drop the unused IDs, or the
/// whole directive when none is left.
Fix RemovalFix(const SourceFile& file, const Directive& d, const std::vector<bool>& unused,
               std::string_view id) {
  Fix fix;
  fix.applicability = Applicability::kSafe;
  std::string keep;
  for (size_t k = 0; k < d.ids.size(); ++k) {
    if (unused[k]) continue;
    if (!keep.empty()) keep += ',';
    keep += d.ids[k];
  }
  if (keep.empty()) {
    fix.title = "remove the unused suppression";
    fix.edits.push_back({file.path, d.removal, ""});
  } else {
    fix.title = "remove '" + std::string(id) + "' from the suppression";
    fix.edits.push_back({file.path, d.id_list, keep});
  }
  return fix;
}

}  // namespace

bool RuleListMatches(const std::vector<std::string>& rules, std::string_view rule) {
  for (const std::string& r : rules) {
    if (!r.empty() && rule.substr(0, r.size()) == r) return true;
  }
  return false;
}

SuppressionResult ApplySuppressions(std::vector<Finding> findings, const SourceSet& sources,
                                    const std::map<std::string, ConfigFormat>& format_by_path,
                                    const SuppressOptions& opts) {
  auto enabled = [&](std::string_view id) { return !opts.rule_enabled || opts.rule_enabled(id); };
  auto known = [&](const std::string& id) {
    return opts.known_rules.empty() ||
           std::find(opts.known_rules.begin(), opts.known_rules.end(), id) != opts.known_rules.end();
  };
  // The per-file-ignores entry that drops `f`, or nullptr.
  auto config_ignore = [&](const Finding& f) -> const PerFileIgnore* {
    if (opts.per_file_ignores.empty()) return nullptr;
    const std::string path = opts.repo_path ? opts.repo_path(f.location.file) : f.location.file.str();
    for (const PerFileIgnore& p : opts.per_file_ignores) {
      if (RuleListMatches(p.rules, f.rule) && PathGlobMatch(p.pattern, path)) return &p;
    }
    return nullptr;
  };
  auto ignored_by_config = [&](const Finding& f) { return config_ignore(f) != nullptr; };

  auto baselined = [&](const Finding& f) {
    if (!opts.in_baseline) return false;
    const SourceFile* file = f.location.file.empty() ? nullptr : sources.Find(f.location.file.str());
    const bool has_line = file && f.location.start.line <= file->lines().LineCount();
    return opts.in_baseline(f, has_line ? file->lines().LineText(file->text, f.location.start.line)
                                        : std::string_view());
  };

  std::map<std::string, FileDirectives> by_file;
  for (const auto& [path, file] : sources.files()) {
    auto format = format_by_path.find(path);
    FileDirectives fd;
    fd.file = file.get();
    fd.scan = suppress::ScanDirectives(*file, format == format_by_path.end()
                                                  ? std::nullopt
                                                  : std::optional<ConfigFormat>(format->second));
    if (fd.scan.directives.empty() && fd.scan.problems.empty()) continue;
    for (const Directive& d : fd.scan.directives) fd.used.emplace_back(d.ids.size(), false);
    by_file.emplace(path, std::move(fd));
  }

  SuppressionResult result;
  if (by_file.empty() && opts.per_file_ignores.empty() && !opts.in_baseline) {
    result.findings = std::move(findings);  // nothing can suppress anything
    findings.clear();
  }
  result.findings.reserve(findings.size());
  for (Finding& f : findings) {
    const PerFileIgnore* ignore = config_ignore(f);
    bool hit = ignore != nullptr;
    SuppressionReason reason;
    if (ignore) {
      reason = {false, "per-file-ignores: " + ignore->pattern};
    } else if (baselined(f)) {
      hit = true;
      reason = {false, "in the baseline (--baseline)"};
    }
    auto it = opts.no_inline || hit ? by_file.end() : by_file.find(f.location.file);
    if (it != by_file.end()) {
      FileDirectives& fd = it->second;
      for (size_t i = 0; i < fd.scan.directives.size(); ++i) {
        const Directive& d = fd.scan.directives[i];
        const bool covers = d.scope == Directive::Scope::kFile ||
                            (d.target_line != 0 && d.target_line == f.location.start.line);
        for (size_t k = 0; covers && k < d.ids.size(); ++k) {
          if (d.ids[k] != f.rule) continue;
          fd.used[i][k] = true;
          if (!hit) reason = {true, d.reason.value_or("")};
          hit = true;
        }
      }
    }
    (hit ? result.suppressed : result.findings).push_back(std::move(f));
    if (hit) result.reasons.push_back(std::move(reason));
  }

  std::vector<Finding> notes;
  for (const auto& [path, fd] : by_file) {
    const SourceFile& file = *fd.file;
    for (const suppress::DirectiveProblem& p : fd.scan.problems)
      notes.push_back(Sl003(file, p.span, Severity::kWarning, p.message));
    for (size_t i = 0; i < fd.scan.directives.size(); ++i) {
      const Directive& d = fd.scan.directives[i];
      if (opts.no_inline) {
        notes.push_back(Sl003(file, d.comment, Severity::kWarning,
                              "inline suppressions are not allowed here (--no-inline-suppressions)"));
        continue;
      }
      if (opts.require_reason && (!d.reason || d.reason->empty())) {
        notes.push_back(Sl003(file, d.comment, Severity::kWarning,
                              "suppression has no reason; add reason=\"why\" after the rule IDs"));
      }
      std::vector<bool> unused(d.ids.size(), false);
      for (size_t k = 0; k < d.ids.size(); ++k) {
        if (!known(d.ids[k])) {
          notes.push_back(Sl003(file, d.id_spans[k], Severity::kWarning,
                                "unknown rule '" + d.ids[k] + "' in suppression"));
          continue;
        }
        unused[k] = !fd.used[i][k] && enabled(d.ids[k]);
      }
      const std::string_view where =
          d.scope == Directive::Scope::kFile ? "nothing in this file reports it" : "nothing here reports it";
      for (size_t k = 0; k < d.ids.size(); ++k) {
        if (!unused[k]) continue;
        Finding n = Sl003(file, d.id_spans[k], Severity::kInfo,
                          "unused suppression for '" + d.ids[k] + "'; " + std::string(where));
        n.fix = RemovalFix(file, d, unused, d.ids[k]);
        notes.push_back(std::move(n));
      }
    }
  }
  if (enabled(kSuppressionRule)) {
    for (Finding& n : notes) {
      if (!ignored_by_config(n) && !baselined(n)) result.findings.push_back(std::move(n));
    }
  }
  SortFindings(&result.findings);
  return result;
}

}  // namespace synlint
