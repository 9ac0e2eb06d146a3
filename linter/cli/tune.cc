// SPDX-License-Identifier: MIT
// `synlint tune`: size listen backlogs, somaxconn and the SYN queue for a
// described peak load, show current vs proposed queues, the diff and the
// restarts, or apply the change (docs/tune.md).
#include <iostream>

#include "linter/cli/options.h"
#include "linter/cli/write_fixes.h"
#include "linter/tune/tune_output.h"

namespace synlint::cli {

namespace {

struct TuneArgs {
  HostArgs host;
  std::string peak_rate;
  std::string accept_delay;
  std::vector<std::string> ports;
  std::string headroom = "2";
  OutputArgs output;
  FixArgs fixes;  // --unsafe-fixes is implied; accepted so check's habits work
};

bool ToLoadSpec(const TuneArgs& a, tune::LoadSpec* spec, std::string* err) {
  if (!a.peak_rate.empty()) {
    spec->global.peak_rate = tune::ParsePositive(a.peak_rate, tune::kMaxPeakRate, "--peak-rate", err);
    if (!spec->global.peak_rate) return false;
  }
  if (!a.accept_delay.empty()) {
    spec->global.accept_delay_ms =
        tune::ParsePositive(a.accept_delay, tune::kMaxAcceptDelayMs, "--accept-delay", err);
    if (!spec->global.accept_delay_ms) return false;
  }
  spec->global.headroom = tune::ParseHeadroom(a.headroom, err);
  if (!spec->global.headroom) return false;
  for (const std::string& text : a.ports) {
    uint32_t port = 0;
    tune::Load load;
    if (!tune::ParsePortLoad(text, &port, &load, err)) return false;
    if (!spec->ports.emplace(port, load).second) {
      *err = "--port: port " + std::to_string(port) + " is given twice";
      return false;
    }
  }
  if (!spec->global.peak_rate && !spec->global.accept_delay_ms && spec->ports.empty()) {
    *err =
        "tune needs a load: --peak-rate N and --accept-delay MS, or --port PORT:peak-rate=N,accept-delay=MS";
    return false;
  }
  return true;
}

int RunTuneCommand(const TuneArgs& a) {
  HostOptions host_options;
  std::string err;
  if (!a.host.ToHostOptions(&host_options, &err)) return Fail(err);
  tune::LoadSpec load;
  if (!ToLoadSpec(a, &load, &err)) return Fail(err);
  auto fs = a.host.OpenRoot(&err);
  if (!fs) return Fail(err);
  tune::TuneRun run = tune::RunTune(*fs, host_options, a.fixes.ToFixOptions(), load);
  tune::TuneOutputOptions out_options;
  out_options.tool_version = SYNLINT_VERSION;
  if (a.fixes.fix && !run.fix.fixed.empty()) {
    if (!WriteFixes(*fs, run.fix, &err)) return Fail(err);
    out_options.applied = true;
    std::cerr << "synlint: applied " << run.fix.fixes_applied << " change(s) to " << run.fix.fixed.size()
              << " file(s)\n";
  }
  if (a.output.format == "json") {
    std::cout << tune::TuneJson(run, load, out_options);
    return kExitClean;
  }
  // As with `check --diff`: stdout carries only the diff, so it can be piped
  // to `patch -p1`; the table goes to stderr.
  if (a.fixes.diff && !out_options.applied) {
    std::cout << run.diff;
    std::cout.flush();
    out_options.include_diff = false;
    std::cerr << tune::TuneText(run, load, out_options);
    return kExitClean;
  }
  std::cout << tune::TuneText(run, load, out_options);
  return kExitClean;
}

}  // namespace

void AddTune(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<TuneArgs>();
  CLI::App* cmd = app.add_subcommand(
      "tune",
      "Size listen backlogs, somaxconn and the SYN queue for a peak load, and show or apply the change");
  args->host.Add(cmd);
  cmd->add_option("--peak-rate", args->peak_rate, "New connections per second at peak (on every port)")
      ->group("Load");
  cmd->add_option("--accept-delay", args->accept_delay,
                  "Milliseconds a connection may wait to be accepted at peak (on every port)")
      ->group("Load");
  cmd->add_option("--port", args->ports,
                  "Load of one port, overriding the global values: PORT:peak-rate=N,accept-delay=MS"
                  "[,headroom=F] (repeatable)")
      ->group("Load");
  cmd->add_option("--headroom", args->headroom, "Safety factor on the computed queue (2 = twice the need)")
      ->capture_default_str()
      ->group("Load");
  args->output.AddFormat(cmd, {"text", "json"}, true);
  args->fixes.Add(cmd, {.diff = "Print only the diff on stdout (git apply / patch -p1 from the root); the "
                               "table goes to stderr",
                       .fix = "Apply the change in place (atomic writes, mode and owner kept). Every tune "
                              "change alters runtime behaviour, so --unsafe-fixes is implied",
                       .unsafe_fixes = "Accepted for symmetry with check: every tune change alters runtime "
                                       "behaviour (an unsafe fix), so it is always implied"});
  cmd->footer(
      "Sizing: queue = ceil(peak rate x accept delay / 1000 x headroom) per listener (Little's law). "
      "It sizes queues; it does not replace a load test. See docs/tune.md.");
  cmd->callback([args, exit_code] { *exit_code = RunTuneCommand(*args); });
}

}  // namespace synlint::cli
