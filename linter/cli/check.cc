// `synlint check`: lint a host, print findings, show or apply fixes.
#include <fstream>
#include <memory>
#include <set>
#include <iostream>
#include <sstream>

#include "linter/cli/options.h"
#include "linter/cli/project.h"
#include "linter/cli/write_fixes.h"
#include "linter/diff.h"
#include "linter/engine/actions.h"
#include "linter/git_file_system.h"
#include "linter/output/formatter.h"
#include "rules/registry.h"

namespace synlint::cli {

namespace {

struct CheckArgs {
  HostArgs host;
  FilterArgs filter;
  ProjectArgs project;
  OutputArgs output;
  FixArgs fixes;
  std::string changed_since;
  const CLI::Option* root_option = nullptr;
};

/// The process ends right after `check`: freeing a large host's hundreds of
/// thousands of objects one by one was a tenth of the run (clean/systemd in
/// BENCHMARKS.md). What is handed here stays reachable from a static that is
/// never destroyed, so the OS reclaims it at exit (leak checkers see it as
/// reachable, not leaked). In-process callers (tests) keep one set per call.
template <typename T>
void KeepUntilExit(T&& value) {
  static auto* kept = new std::vector<std::shared_ptr<void>>;
  kept->push_back(std::make_shared<std::decay_t<T>>(std::forward<T>(value)));
}

std::optional<Severity> Threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return ParseSeverity(fail_on);
}

/// The diff of one host's fixes, with the paths the user sees; template
/// files show their template text.
bool AppendDiff(const Target& t, const FixResult& fix, std::string* out, std::string* err) {
  for (const auto& [path, text] : fix.fixed) {
    auto orig = fix.original.find(path);
    const bool exists = orig != fix.original.end();
    std::string before = exists ? orig->second : "", after = text;
    if (t.tree) {
      if ((exists && !t.tree->ToRepoContents(path, orig->second, &before, err)) ||
          !t.tree->ToRepoContents(path, text, &after, err))
        return false;
    }
    *out += UnifiedDiff(t.DisplayPath(path), before, after, exists);
  }
  return true;
}

size_t CountFixable(const std::vector<Finding>& findings, Applicability min) {
  size_t n = 0;
  for (const Finding& f : findings) n += f.fix && f.fix->applicability >= min;
  return n;
}

int RunCheck(const CheckArgs& a) {
  std::string err;
  Project project;
  if (!LoadProject(a.host, a.root_option->count() > 0, a.filter, a.project, &project, &err))
    return Fail(err);
  auto formatter = MakeFormatter(a.output.format);
  if (!formatter) return Fail("--format: unknown format '" + a.output.format + "'");
  std::string fail_on = a.output.fail_on;
  if (a.output.fail_on_option->count() == 0 && project.fail_on) fail_on = *project.fail_on;

  const FixOptions fix_options = a.fixes.ToFixOptions();
  const Applicability min = a.fixes.MinApplicability();
  const bool several = project.targets.size() > 1;

  Report report;
  report.root = project.config && project.targets.size() != 1 ? project.config->base_dir : a.host.root;
  report.tool_version = SYNLINT_VERSION;
  report.diff_requested = a.fixes.diff;
  for (const Rule& r : AllRules()) report.rules.push_back(*r.meta);
  std::vector<LintRun> runs;  // keeps the sources the report points into
  std::vector<std::unique_ptr<Host>> baselines;
  std::vector<std::unique_ptr<GitFileSystem>> gits;
  std::set<std::string> kernels;

  for (Target& t : project.targets) {
    HostOptions host_options = t.host_options;
    if (!a.changed_since.empty() && t.tree) {
      std::cerr << "synlint: warning: --changed-since: host '" << t.name
                << "' is a list of files, not a tree in git; SL301 is not checked for it\n";
    } else if (!a.changed_since.empty()) {
      auto git = GitFileSystem::Open(t.root_dir, a.changed_since, &err);
      if (!git) return Fail(err);
      baselines.push_back(LoadHost(*git, host_options));
      host_options.baseline = baselines.back().get();
      host_options.baseline_rev = a.changed_since;
      gits.push_back(std::move(git));
    }
    // Findings judged on template placeholders say nothing; fixes that would
    // rewrite template text are dropped (the finding stays).
    const FindingFilter keep = [&project, &t](Finding& f) {
      if (!project.keep(f) || t.OnTemplateText(f)) return false;
      if (f.fix && t.tree) {
        for (const TextEdit& e : f.fix->edits) {
          if (t.tree->SpanTouchesTemplate(e.file, e.span)) {
            f.fix.reset();
            break;
          }
        }
      }
      return true;
    };
    SuppressOptions suppress = project.suppress;
    suppress.repo_path = [&t](const std::string& p) { return t.RepoPath(p); };
    // Every finding's paths go through this: remember each path's answer.
    const auto shown = [&t, cache = std::make_shared<std::map<std::string, std::string>>()](
                           const std::string& p) {
      auto it = cache->find(p);
      if (it == cache->end()) it = cache->emplace(p, t.DisplayPath(p)).first;
      return it->second;
    };
    auto concerns = [&project, &shown](const Finding& f) {
      return ConcernsFiles(f, project.only_files, shown);
    };

    LintRun run = Lint(*t.fs, host_options, fix_options, keep, suppress);
    if (a.fixes.diff || a.fixes.fix) {
      const FixResult fix =
          FixToConvergence(*t.fs, host_options, fix_options, keep, min, suppress, concerns);
      if (!fix.converged)
        std::cerr << "synlint: warning: fixes did not settle after " << kMaxFixRounds << " rounds\n";
      if (!AppendDiff(t, fix, &report.diff, &err)) return Fail(err);
      for (Action action : ActionsForFix(*run.host, fix)) {
        if (several) action.reason = "host " + t.name + ": " + action.reason;
        report.actions.push_back(std::move(action));
      }
      if (a.fixes.fix && !fix.fixed.empty()) {
        if (!WriteFixes(*t.fs, fix, &err)) return Fail(err);
        run = Lint(*t.fs, host_options, fix_options, keep, suppress);
        std::cerr << "synlint: applied " << fix.fixes_applied << " fix(es) to " << fix.fixed.size()
                  << " file(s)" << (t.name.empty() ? "" : " of host " + t.name) << "\n";
      }
    }
    kernels.insert(run.host->kernel.ToString());
    report.findings.reserve(report.findings.size() + run.findings.size());
    for (Finding& f : run.findings) {
      if (!concerns(f)) continue;
      if (t.display_from_cwd) MapPaths(&f, shown);
      report.findings.push_back(std::move(f));
    }
    run.findings.clear();  // moved into the report
    for (const Finding& f : run.suppressed) report.suppressed += concerns(f);
    for (const std::string& p : run.host->files_read) report.files_read.push_back(t.DisplayPath(p));
    if (t.display_from_cwd) {
      for (const auto& [path, file] : run.host->sources.files())
        report.source_by_path[t.DisplayPath(path)] = file.get();
    } else {
      report.sources = &run.host->sources;
    }
    runs.push_back(std::move(run));
  }
  for (const std::string& k : kernels) report.kernel += (report.kernel.empty() ? "" : ", ") + k;
  report.files_count = report.files_read.size();
  report.fixes_available = CountFixable(report.findings, min);

  std::ofstream file;
  if (!a.output.file.empty()) {
    file.open(a.output.file, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("--output: cannot write '" + a.output.file + "'");
  }
  const bool text = a.output.format == "text";
  // In text mode with --diff, stdout carries only the diff so it can be piped.
  std::ostream& findings_out = file.is_open() ? file : (text && a.fixes.diff ? std::cerr : std::cout);
  report.color = text && !file.is_open() && UseColor(a.output.color, &findings_out == &std::cerr ? 2 : 1);
  if (text && a.fixes.diff) {
    std::cout << report.diff;
    std::cout.flush();
    report.diff.clear();  // printed: the findings go without it
    formatter->Write(report, findings_out);
  } else {
    formatter->Write(report, findings_out);
  }
  int code = kExitClean;
  if (const auto threshold = Threshold(fail_on)) {
    for (const Finding& f : report.findings) {
      if (f.severity >= *threshold) {
        code = kExitFindings;
        break;
      }
    }
  }
  if (file.is_open()) {
    file.close();
    if (!file) return Fail("--output: cannot write '" + a.output.file + "'");
  }
  KeepUntilExit(std::move(runs));
  KeepUntilExit(std::move(baselines));
  KeepUntilExit(std::move(report));
  return code;
}

}  // namespace

void AddCheck(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Lint a host's sysctl and listener configuration (the default)");
  args->host.Add(cmd);
  args->root_option = cmd->get_option("--root");
  args->filter.Add(cmd);
  args->project.Add(cmd);
  args->output.AddReport(cmd);
  args->fixes.Add(cmd, {.diff = "Print the fixes as a unified diff (git apply / patch -p1 from the root); in "
                               "text format the diff goes to stdout and findings to stderr",
                       .fix = "Apply the fixes in place (atomic writes, mode and owner kept)",
                       .unsafe_fixes = "Also apply fixes that change runtime behaviour (see each rule's Fix "
                                       "safety)"});
  cmd->add_option("--changed-since", args->changed_since,
                  "Compare with git revision REV of the tree holding the root and report listen-time "
                  "changes and the restarts they need (SL301)")
      ->group("Rules");
  cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
}

}  // namespace synlint::cli
