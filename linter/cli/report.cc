// SPDX-License-Identifier: MIT
// `synlint report FILE...|DIR...`: many hosts' JSON reports (from
// `synlint audit --format json`, `check --format json` or the Ansible module
// synlint.synlint.audit) merged into one fleet report (issue #26). Reads
// only the files named; the logic is in linter/report/.
#include <fstream>
#include <iostream>
#include <memory>

#include "linter/cli/options.h"
#include "linter/report/fleet.h"
#include "linter/report/read_reports.h"

namespace synlint::cli {

namespace {

struct ReportArgs {
  std::vector<std::string> inputs;
  std::string hosts_file;  // --hosts FILE
  std::string format = "text";
  std::string output;      // -o/--output
  std::string fail_on = "info";
};

int RunReport(const ReportArgs& a) {
  std::vector<std::string> expected;
  std::string err;
  if (!a.hosts_file.empty() && !ReadHostList(a.hosts_file, &expected, &err)) return Fail("--hosts: " + err);
  std::vector<HostReport> hosts;
  if (!ReadReports(a.inputs, expected, &hosts, &err)) return Fail(err);
  FleetReport fleet = MergeHosts(std::move(hosts));
  fleet.tool_version = SYNLINT_VERSION;
  std::ofstream file;
  if (!a.output.empty()) {
    file.open(a.output, std::ios::binary | std::ios::trunc);
    if (!file) return Fail("--output: cannot write '" + a.output + "'");
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  if (a.format == "json") WriteFleetJson(fleet, out);
  else if (a.format == "sarif") WriteFleetSarif(fleet, out);
  else if (a.format == "html") WriteFleetHtml(fleet, out);
  else WriteFleetText(fleet, out);
  out.flush();
  if (!out) return Fail(a.output.empty() ? "cannot write the report to stdout" : "--output: cannot write '" + a.output + "'");
  return FleetFails(fleet, a.fail_on) ? kExitFindings : kExitClean;
}

}  // namespace

void AddReportCommand(CLI::App& app, int* exit_code) {
  auto a = std::make_shared<ReportArgs>();
  CLI::App* cmd = app.add_subcommand(
      "report",
      "Merge many hosts' JSON reports (audit or check --format json, or the Ansible module's results) "
      "into one: each finding once with the hosts it is on, a table of hosts, the hosts that failed, "
      "were unreachable or sent nothing");
  cmd->add_option("inputs", a->inputs,
                  "Report files, or directories whose *.json files are reports; a host is named by its "
                  "file's name without .json")
      ->required();
  cmd->add_option("--hosts", a->hosts_file,
                  "FILE with the hosts that should have reported, one a line; those without a file are "
                  "listed as missing");
  cmd->add_option("--format", a->format, "Output format: text, json, sarif, html (one self-contained page)")
      ->check(CLI::IsMember({"text", "json", "sarif", "html"}))
      ->capture_default_str()
      ->group("Output");
  cmd->add_option("-o,--output", a->output, "Write the report to FILE instead of stdout")->group("Output");
  cmd->add_option("--fail-on", a->fail_on,
                  "Exit 1 when a host has a finding at least this severe, or did not report: error, "
                  "warning, info, never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str()
      ->group("Output");
  cmd->callback([a, exit_code] { *exit_code = RunReport(*a); });
}

}  // namespace synlint::cli
