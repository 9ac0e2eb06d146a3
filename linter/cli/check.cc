// SPDX-License-Identifier: MIT
// `synlint check`: lint a host, print findings, show or apply fixes.
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <iostream>
#include <sstream>

#include "core/file_system.h"
#include "linter/cli/baseline.h"
#include "linter/cli/check.h"
#include "linter/cli/file_target.h"
#include "linter/cli/options.h"
#include "linter/cli/project.h"
#include "linter/cli/tree_at_revision.h"
#include "linter/cli/write_fixes.h"
#include "linter/diff.h"
#include "linter/engine/actions.h"
#include "linter/git_file_system.h"
#include "linter/output/formatter.h"
#include "linter/output/statistics.h"
#include "rules/registry.h"

namespace synlint::cli {

namespace {

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

/// What a check gathers over its hosts; `runs` and `baselines` own what the
/// report points into.
struct CheckState {
  Report report;
  std::vector<LintRun> runs;
  std::vector<std::unique_ptr<Host>> baselines;
  std::vector<std::unique_ptr<FileSystem>> gits;  // --changed-since: the trees at REV
  std::set<std::string> kernels;
  std::shared_ptr<const Baseline> baseline;  // --baseline
};

/// One host of the project and what it is linted with.
struct HostCheck {
  const Project* project = nullptr;
  const Target* target = nullptr;
  HostOptions host_options;
  FixOptions fix_options;
  FindingFilter keep;
  SuppressOptions suppress;
  std::function<std::string(const std::string&)> shown;  // Target::DisplayPath

  LintRun Lint() const { return synlint::Lint(*target->fs, host_options, fix_options, keep, suppress); }
  /// Whether `f` is about one of the FILEs given (all files when none is).
  bool Concerns(const Finding& f) const {
    return ConcernsFiles(f, project->only_files, shown) && ConcernsFiles(f, target->only_files, shown);
  }
};

/// The report before any host is read: the run's settings and every rule.
/// In repository mode (hosts of .synlint.yaml) the root is the repository,
/// and finding paths are relative to the current directory.
Report StartReport(const CheckArgs& a, const Project& project) {
  Report report;
  const bool repository = !project.targets.empty() && project.targets.front().display_from_cwd;
  report.root = project.config && (repository || project.targets.size() != 1) ? project.config->base_dir
                                                                               : a.host.root;
  if (repository) {
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    report.paths_base = ec ? "/" : cwd.string();
  }
  report.tool_version = SYNLINT_VERSION;
  report.docs_base_url = SYNLINT_DOCS_BASE_URL;
  report.rule_doc = RuleDoc;
  report.diff_requested = a.fixes.diff;
  report.quiet = a.quiet;
  if (!project.config && !project.targets.empty() && project.targets.front().display_from_cwd) {
    // FILEs linted alone: their paths are shown from the current directory.
    std::error_code ec;
    const std::filesystem::path cwd = std::filesystem::current_path(ec);
    if (!ec) report.root = cwd.string();
  }
  report.notifications = project.notes;
  for (const Rule& r : AllRules()) report.rules.push_back(*r.meta);
  return report;
}

/// --changed-since: the host as it was at that revision, loaded from git,
/// becomes the baseline of `options` (SL301).
bool LoadBaseline(const CheckArgs& a, const Target& t, CheckState* state, HostOptions* options,
                  std::string* err) {
  if (a.changed_since.empty()) return true;
  if (t.from_stdin()) {
    const std::string note = "--changed-since: stdin has no git history; SL301 is not checked for it";
    std::cerr << "synlint: warning: " << note << "\n";
    state->report.notifications.push_back(note);
    return true;
  }
  // A file-list host: its tree now, each file's text at REV.
  auto git = GitFileSystem::Open(t.tree ? t.repo_dir : t.root_dir, a.changed_since, err);
  if (!git) return false;
  std::unique_ptr<FileSystem> fs;
  if (t.tree) {
    fs = std::make_unique<TreeAtRevision>(*t.tree, std::move(git));
  } else {
    fs = std::move(git);
  }
  state->baselines.push_back(LoadHost(*fs, *options));
  options->baseline = state->baselines.back().get();
  options->baseline_rev = a.changed_since;
  state->gits.push_back(std::move(fs));
  return true;
}

/// A file linted alone reads only its own directory. An include that names a
/// symlink leading out of it, or a directory it does not hold, is not proven
/// missing (Debian's nginx.conf includes modules-enabled/*.conf, links into
/// /usr/share): SL002 says so at info level, with how to read it.
void SoftenReadsOutsideDirectory(const Target& t, Finding& f) {
  if (!t.alone || f.rule != "SL002" || f.message_paths.empty() || !t.fs) return;
  const bool missing = f.message.ends_with("': included file does not exist");
  const bool escapes = f.message.ends_with("': symlink points outside the root; not followed");
  if (!missing && !escapes) return;
  const std::string path = f.message_paths.front().str();
  const size_t slash = path.rfind('/');
  const std::string parent = slash == std::string::npos ? "" : path.substr(0, slash);
  const bool link = t.fs->Lstat(path).kind == NodeKind::kSymlink;
  const bool dir_held = parent.empty() || t.fs->Lstat(parent).kind == NodeKind::kDirectory;
  if (!escapes && !link && dir_held) return;  // the directory is there and the file is not: proven
  f.severity = Severity::kInfo;
  const std::string tail = " outside the directory of the file linted alone (lint the whole host with --root / to follow it)";
  if (link || escapes) {
    f.message = "'" + path + "': not read: a symlink leading" + tail;
  } else {
    // Not a file of the directory: named as nginx or Apache would open it.
    f.message = "'/" + path + "': not read: a path" + tail;
    f.message_paths.clear();
  }
}

/// The findings kept for `t`: the project's selection, less those judged on
/// template placeholders (they say nothing); a fix that would rewrite
/// template text is dropped (the finding stays).
FindingFilter TargetFilter(const Project& project, const Target& t) {
  return [&project, &t](Finding& f) {
    if (t.single_file_rules_only && !SingleFileRule(f.rule)) return false;
    SoftenReadsOutsideDirectory(t, f);
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
}

/// `t.DisplayPath`, each path's answer remembered: every finding's paths go
/// through it.
std::function<std::string(const std::string&)> CachedDisplayPath(const Target& t) {
  return [&t, cache = std::make_shared<std::map<std::string, std::string>>()](const std::string& p) {
    auto it = cache->find(p);
    if (it == cache->end()) it = cache->emplace(p, t.DisplayPath(p)).first;
    return it->second;
  };
}

/// What `t` is linted with: its host options (with the --changed-since
/// baseline), the filter, suppressions and display paths.
bool PrepareHost(const CheckArgs& a, const Project& project, const Target& t, CheckState* state,
                 HostCheck* out, std::string* err) {
  out->project = &project;
  out->target = &t;
  out->host_options = t.host_options;
  if (a.attach_live) {
    // audit: the target is the running kernel whatever the root.
    if (!out->host_options.kernel && out->host_options.running_kernel.empty()) {
      out->host_options.running_kernel = RunningKernel();
      out->host_options.running_kernel_build = RunningKernelBuild();
    }
    out->host_options.attach_live = a.attach_live;
  }
  if (!LoadBaseline(a, t, state, &out->host_options, err)) return false;
  out->fix_options = a.fixes.ToFixOptions();
  out->keep = TargetFilter(project, t);
  out->suppress = project.suppress;
  out->suppress.repo_path = [&t](const std::string& p) { return t.RepoPath(p); };
  out->shown = CachedDisplayPath(t);
  if (state->baseline) {
    out->suppress.in_baseline = [baseline = state->baseline, shown = out->shown](const Finding& f,
                                                                                std::string_view line) {
      return baseline->Contains(BaselineFingerprint(f.rule, shown(f.location.file), line));
    };
  }
  return true;
}

/// --show-fixes: each finding whose fix the run applies (or, with --diff,
/// would apply), on stderr: stdout may carry the diff or the fixed text.
void ShowFixes(const HostCheck& h, const FixResult& fix, std::string_view verb) {
  for (const Finding& f : fix.applied) {
    std::cerr << verb << ": " << h.shown(f.location.file) << ":" << f.location.start.line << ":"
              << f.location.start.column << ": [" << f.rule << "] " << (f.fix ? f.fix->title : f.message) << "\n";
  }
}

/// --fix on stdin: nothing is written; the fixed text goes to stdout (the
/// whole buffer, changed or not, as ruff does), and the findings left are
/// linted from it. Fixes that would create or change another file are not
/// applied: stdin has no file beside it.
bool FixStdin(const HostCheck& h, const FixResult& fix, LintRun* run, Report* report, std::string* err) {
  const Target& t = *h.target;
  for (const auto& [path, text] : fix.fixed) {
    if (path != t.stdin_path)
      std::cerr << "synlint: warning: a fix would write '" << path << "', which stdin has no place for; not applied\n";
  }
  const auto it = fix.fixed.find(t.stdin_path);
  const std::string& text = it == fix.fixed.end() ? t.stdin_text : it->second;
  std::cout << text;
  std::cout.flush();
  if (it != fix.fixed.end()) {
    if (!t.fs->WriteFile(t.stdin_path, text, 0644, err)) return false;
    *run = h.Lint();
    report->fixes_applied += fix.fixes_applied;
  }
  report->stdout_taken = true;
  return true;
}

/// --diff and --fix on one host: the fixes settled in memory, their diff and
/// restart actions added to the report; with --fix written, and the host
/// linted again so the report shows what is left.
bool FixHost(const CheckArgs& a, const HostCheck& h, bool several, LintRun* run, Report* report,
             std::string* err) {
  const Target& t = *h.target;
  const FixResult fix = FixToConvergence(*t.fs, h.host_options, h.fix_options, h.keep,
                                         a.fixes.MinApplicability(), h.suppress,
                                         [&h](const Finding& f) { return h.Concerns(f); });
  if (!fix.converged) {
    const std::string note = "fixes did not settle after " + std::to_string(kMaxFixRounds) + " rounds";
    std::cerr << "synlint: warning: " << note << "\n";
    report->notifications.push_back(note);
  }
  if (a.show_fixes) ShowFixes(h, fix, a.fixes.fix ? "fixed" : "would fix");
  if (t.from_stdin() && a.fixes.fix) return FixStdin(h, fix, run, report, err);
  if (!AppendDiff(t, fix, &report->diff, err)) return false;
  for (Action action : ActionsForFix(*run->host, fix)) {
    if (several) action.reason = "host " + t.name + ": " + action.reason;
    report->actions.push_back(std::move(action));
  }
  if (a.fixes.fix && !fix.fixed.empty()) {
    if (!WriteFixes(*t.fs, fix, err)) return false;
    *run = h.Lint();
    report->fixes_applied += fix.fixes_applied;
    if (!a.quiet)
      std::cerr << "synlint: applied " << fix.fixes_applied << " fix(es) to " << fix.fixed.size()
                << " file(s)" << (t.name.empty() ? "" : " of host " + t.name) << "\n";
  }
  return true;
}

/// Moves the host's findings about the FILEs given into the report, with
/// the paths the user sees, and keeps the run: the report points into its
/// sources.
void AddToReport(const HostCheck& h, LintRun run, CheckState* state) {
  const Target& t = *h.target;
  Report& report = state->report;
  state->kernels.insert(run.host->kernel.ToString());
  if (!t.name.empty()) report.hosts.push_back({t.name, report.findings.size()});
  report.findings.reserve(report.findings.size() + run.findings.size());
  for (Finding& f : run.findings) {
    if (!h.Concerns(f)) continue;
    if (t.display_from_cwd) MapPaths(&f, h.shown);
    report.findings.push_back(std::move(f));
  }
  run.findings.clear();  // moved into the report
  if (run.host->live_state) report.live = run.host->live_state;
  for (size_t i = 0; i < run.suppressed.size(); ++i) {
    Finding& f = run.suppressed[i];
    if (!h.Concerns(f)) continue;
    ++report.suppressed;
    if (t.display_from_cwd) MapPaths(&f, h.shown);
    SuppressedFinding s{std::move(f), true, "", t.name};
    if (i < run.suppression_reasons.size()) {
      s.in_source = run.suppression_reasons[i].in_source;
      s.justification = std::move(run.suppression_reasons[i].justification);
    }
    report.suppressed_findings.push_back(std::move(s));
  }
  run.suppressed.clear();
  for (const std::string& p : run.host->files_read) report.files_read.push_back(t.DisplayPath(p));
  if (t.display_from_cwd) {
    for (const auto& [path, file] : run.host->sources.files())
      report.source_by_path[t.DisplayPath(path)] = file.get();
  } else {
    report.sources = &run.host->sources;
  }
  state->runs.push_back(std::move(run));
}

/// Lints one host, fixes it with --diff or --fix, and adds it to the report.
bool CheckHost(const CheckArgs& a, const Project& project, const Target& t, CheckState* state,
               std::string* err) {
  HostCheck h;
  if (!PrepareHost(a, project, t, state, &h, err)) return false;
  LintRun run = h.Lint();
  // Fix rounds and the re-lint after --fix read the same root: its package
  // database and software versions are read once (a live root's dpkg lists
  // are megabytes).
  h.host_options.packages = std::make_shared<PackageFiles>(run.host->packages);
  h.host_options.detected_versions = std::make_shared<SoftwareVersions>(run.host->versions);
  if ((a.fixes.diff || a.fixes.fix) &&
      !FixHost(a, h, project.targets.size() > 1, &run, &state->report, err))
    return false;
  AddToReport(h, std::move(run), state);
  return true;
}

/// The totals, once every host is in.
void FinishReport(Applicability min, CheckState* state) {
  Report& report = state->report;
  for (const std::string& k : state->kernels) report.kernel += (report.kernel.empty() ? "" : ", ") + k;
  report.files_count = report.files_read.size();
  report.fixes_available = CountFixable(report.findings, min);
}

/// Prints the report to stdout or --output; in text with --diff, stdout
/// carries only the diff so it can be piped, and the findings go to stderr.
bool WriteReport(const OutputArgs& o, bool diff, bool statistics, const Formatter& formatter, Report* report,
                 std::string* err) {
  std::ofstream file;
  if (!o.file.empty()) {
    file.open(o.file, std::ios::binary | std::ios::trunc);
    if (!file) {
      *err = "--output: cannot write '" + o.file + "'";
      return false;
    }
  }
  const bool text = o.format == "text";
  // stdin --fix: stdout carried the fixed text, in every format.
  std::ostream& findings_out =
      file.is_open() ? file : ((text && diff) || report->stdout_taken ? std::cerr : std::cout);
  report->color = text && !file.is_open() && UseColor(o.color, &findings_out == &std::cerr ? 2 : 1);
  if (text && diff) {
    std::cout << report->diff;
    std::cout.flush();
    report->diff.clear();  // printed: the findings go without it
  }
  if (statistics) {
    WriteStatistics(*report, o.format, findings_out);
  } else {
    formatter.Write(*report, findings_out);
  }
  if (file.is_open()) {
    file.close();
    if (!file) {
      *err = "--output: cannot write '" + o.file + "'";
      return false;
    }
  }
  return true;
}

/// kExitFindings when a finding is at least as severe as --fail-on (else the
/// config file's fail-on), else kExitClean.
int ExitCode(const OutputArgs& o, bool exit_zero, const Project& project, const Report& report) {
  if (exit_zero) return kExitClean;
  std::string fail_on = o.fail_on;
  if (o.fail_on_option->count() == 0 && project.fail_on) fail_on = *project.fail_on;
  const auto threshold = Threshold(fail_on);
  if (!threshold) return kExitClean;
  for (const Finding& f : report.findings) {
    if (f.severity >= *threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

int RunCheck(const CheckArgs& a) {
  std::string err;
  if (a.fixes.diff && a.fixes.fix)
    return Fail("--diff and --fix exclude each other: --diff only shows the fixes and writes nothing; give "
                "--fix alone to apply them");
  if (a.statistics && a.output.format != "text" && a.output.format != "json")
    return Fail("--statistics prints text or json, not '" + a.output.format + "'");
  if (!a.write_baseline.empty() && (!a.baseline.empty() || a.fixes.diff || a.fixes.fix))
    return Fail("--write-baseline records every current finding: give it without --baseline, --diff or --fix");
  CheckState state;
  if (!a.baseline.empty()) {
    auto baseline = std::make_shared<Baseline>();
    if (!baseline->Load(a.baseline, &err)) return Fail(err);
    state.baseline = std::move(baseline);
  }
  Project project;
  if (!LoadProject(a.host, a.root_always || a.root_option->count() > 0, a.filter, a.project, &project, &err))
    return Fail(err);
  auto formatter = MakeFormatter(a.output.format);
  if (!formatter) return Fail("--format: unknown format '" + a.output.format + "'");
  state.report = StartReport(a, project);
  for (const Target& t : project.targets) {
    if (!CheckHost(a, project, t, &state, &err)) return Fail(err);
  }
  FinishReport(a.fixes.MinApplicability(), &state);
  if (!a.write_baseline.empty()) {
    const long n = WriteBaseline(a.write_baseline, state.report, &err);
    if (n < 0) return Fail(err);
    if (!a.quiet)
      std::cerr << "synlint: wrote " << n << " finding(s) to the baseline '" << a.write_baseline
                << "'; 'synlint check --baseline " << a.write_baseline << "' reports only new ones\n";
    KeepUntilExit(std::move(state.runs));
    return kExitClean;
  }
  const int code = ExitCode(a.output, a.exit_zero, project, state.report);
  state.report.exit_code = code;  // SARIF's invocation says how the run ends
  if (!WriteReport(a.output, a.fixes.diff, a.statistics, *formatter, &state.report, &err)) return Fail(err);
  KeepUntilExit(std::move(state.runs));
  KeepUntilExit(std::move(state.baselines));
  KeepUntilExit(std::move(state.report));
  return code;
}

void AddCheck(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Lint files, a host's tree or a repository's hosts: sysctl and listener configuration (the default)");
  args->host.Add(cmd);
  args->root_option = cmd->get_option("--root");
  args->filter.Add(cmd);
  args->project.Add(cmd);
  args->output.AddReport(cmd);
  args->fixes.Add(cmd, {.diff = "Print the fixes as a unified diff (git apply / patch -p1 from the root); in "
                               "text format the diff goes to stdout and findings to stderr. Writes "
                               "nothing; refused with --fix",
                       .fix = "Apply the fixes in place (atomic writes, mode and owner kept)",
                       .unsafe_fixes = "Also apply fixes that change runtime behaviour (see each rule's Fix "
                                       "safety)"});
  cmd->add_option("--changed-since", args->changed_since,
                  "Compare with git revision REV of the tree holding the root (for a list-of-files host, "
                  "of each listed file) and report listen-time changes and the restarts they need (SL301)")
      ->group("Rules");
  cmd->add_flag("-q,--quiet", args->quiet, "Print the findings only: no summary, no notes on stderr")
      ->group("Output");
  cmd->add_flag("--statistics", args->statistics,
                "Print how many findings each rule has instead of the findings (text or json)")
      ->group("Output");
  cmd->add_flag("--exit-zero", args->exit_zero, "Exit 0 even with findings (2 still means an error)")
      ->group("Output");
  cmd->add_option("--baseline", args->baseline,
                  "Do not report (or fix) the findings recorded in FILE by --write-baseline; only new ones "
                  "count. A finding is known by its rule, file and line text, not its line number")
      ->group("Rules");
  cmd->add_option("--write-baseline", args->write_baseline,
                  "Record every current finding in FILE for --baseline, and exit 0")
      ->group("Rules");
  cmd->add_flag("--show-fixes", args->show_fixes,
                "List on stderr each finding --fix fixes (or --diff would fix), with its fix")
      ->group("Fixes");
  cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
}

}  // namespace synlint::cli
