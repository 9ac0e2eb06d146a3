// `synlint check`: lint a host, print findings, show or apply fixes.
#include <fstream>
#include <iostream>
#include <sstream>

#include "linter/cli/options.h"
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
  std::string format = "text";
  std::string output;
  std::string color = "auto";
  std::string fail_on = "info";
  std::string override_name = "90-synlint.conf";
  bool diff = false;
  bool fix = false;
  bool unsafe_fixes = false;
  std::string changed_since;
};

std::optional<Severity> Threshold(const std::string& fail_on) {
  if (fail_on == "never") return std::nullopt;
  return ParseSeverity(fail_on);
}

std::string BuildDiff(const FixResult& fix) {
  std::string out;
  for (const auto& [path, text] : fix.fixed) {
    auto orig = fix.original.find(path);
    const bool exists = orig != fix.original.end();
    out += UnifiedDiff(path, exists ? orig->second : "", text, exists);
  }
  return out;
}

int RunCheck(const CheckArgs& a) {
  HostOptions host_options;
  std::string err;
  if (!a.host.ToHostOptions(&host_options, &err)) return Fail(err);
  auto fs = a.host.OpenRoot(&err);
  if (!fs) return Fail(err);
  auto formatter = MakeFormatter(a.format);
  if (!formatter) return Fail("--format: unknown format '" + a.format + "'");
  std::unique_ptr<GitFileSystem> git;
  std::unique_ptr<Host> baseline;
  if (!a.changed_since.empty()) {
    git = GitFileSystem::Open(a.host.root.empty() ? "/" : a.host.root, a.changed_since, &err);
    if (!git) return Fail(err);
    baseline = LoadHost(*git, host_options);
    host_options.baseline = baseline.get();
    host_options.baseline_rev = a.changed_since;
  }
  FixOptions fix_options;
  fix_options.sysctl_override_name = a.override_name;
  const FindingFilter keep = a.filter.ToFilter();

  LintRun run = Lint(*fs, host_options, fix_options, keep);
  Report report;
  report.root = a.host.root;
  report.kernel = run.host->kernel.ToString();
  report.tool_version = SYNLINT_VERSION;
  for (const Rule& r : AllRules()) report.rules.push_back(*r.meta);
  report.files_read = run.host->files_read;
  report.files_count = run.host->files_read.size();
  const Applicability min = a.unsafe_fixes ? Applicability::kUnsafe : Applicability::kSafe;
  for (const Finding& f : run.findings) report.fixes_available += f.fix && f.fix->applicability >= min;

  std::unique_ptr<Host> after;  // the host as fixed, when --fix wrote files
  std::vector<Finding> findings = run.findings;
  if (a.diff || a.fix) {
    const FixResult fix = FixToConvergence(*fs, host_options, fix_options, keep, min);
    if (!fix.converged)
      std::cerr << "synlint: warning: fixes did not settle after " << kMaxFixRounds << " rounds\n";
    report.diff = BuildDiff(fix);
    report.actions = ActionsForFix(*run.host, fix);
    if (a.fix && !fix.fixed.empty()) {
      if (!WriteFixes(*fs, fix, &err)) return Fail(err);
      LintRun again = Lint(*fs, host_options, fix_options, keep);
      findings = again.findings;
      report.files_read = again.host->files_read;
      run = std::move(again);
      report.fixes_available = 0;
      for (const Finding& f : findings) report.fixes_available += f.fix && f.fix->applicability >= min;
      std::cerr << "synlint: applied " << fix.fixes_applied << " fix(es) to " << fix.fixed.size()
                << " file(s)\n";
    }
  }
  report.findings = findings;
  report.sources = &run.host->sources;

  std::ofstream file;
  if (!a.output.empty()) {
    file.open(a.output, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("--output: cannot write '" + a.output + "'");
  }
  const bool text = a.format == "text";
  // In text mode with --diff, stdout carries only the diff so it can be piped.
  std::ostream& findings_out = file.is_open() ? file : (text && a.diff ? std::cerr : std::cout);
  report.color = text && !file.is_open() && UseColor(a.color, &findings_out == &std::cerr ? 2 : 1);
  if (text && a.diff) {
    std::cout << report.diff;
    std::cout.flush();
    Report text_report = report;
    text_report.diff.clear();
    formatter->Write(text_report, findings_out);
  } else {
    formatter->Write(report, findings_out);
  }
  const auto threshold = Threshold(a.fail_on);
  if (!threshold) return kExitClean;
  for (const Finding& f : findings) {
    if (f.severity >= *threshold) return kExitFindings;
  }
  return kExitClean;
}

}  // namespace

void AddCheck(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<CheckArgs>();
  CLI::App* cmd = app.add_subcommand("check", "Lint a host's sysctl and listener configuration (the default)");
  args->host.Add(cmd);
  args->filter.Add(cmd);
  cmd->add_option("--format", args->format, "Output format: text, json, sarif, github, gcc, junit")
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("-o,--output", args->output, "Write the report to FILE instead of stdout")
      ->group("Output");
  cmd->add_option("--color", args->color, "Colour text output: auto, always, never (NO_COLOR is honoured)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("--fail-on", args->fail_on,
                  "Exit 1 when a finding is at least this severe: error, warning, info, never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str()
      ->group("Output");
  cmd->add_flag("--diff", args->diff,
                "Print the fixes as a unified diff (git apply / patch -p1 from the root); in text "
                "format the diff goes to stdout and findings to stderr")
      ->group("Fixes");
  cmd->add_flag("--fix", args->fix,
                "Apply the fixes in place (atomic writes, mode and owner kept)")
      ->group("Fixes");
  cmd->add_flag("--unsafe-fixes", args->unsafe_fixes,
                "Also apply fixes that change runtime behaviour (see each rule's Fix safety)")
      ->group("Fixes");
  cmd->add_option("--sysctl-override-name", args->override_name,
                  "File created in etc/sysctl.d/ when a vendor setting must be overridden")
      ->capture_default_str()
      ->group("Fixes");
  cmd->add_option("--changed-since", args->changed_since,
                  "Compare with git revision REV of the tree holding the root and report listen-time "
                  "changes and the restarts they need (SL301)")
      ->group("Rules");
  cmd->callback([args, exit_code] { *exit_code = RunCheck(*args); });
}

}  // namespace synlint::cli
