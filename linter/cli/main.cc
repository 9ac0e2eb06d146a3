// SPDX-License-Identifier: MIT
// synlint: lint and tune the Linux settings that decide how a server
// accepts connections.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <iostream>
#include <new>

#include "linter/cli/huge_pages.h"
#include "linter/cli/options.h"

int main(int argc, char** argv) {
  using namespace synlint::cli;
  PreferHugePages();
  CLI::App app{
      "synlint " SYNLINT_VERSION " - lint and tune listen backlogs, SYN queues and the sysctl, nginx,\n"
      "Apache httpd and systemd socket settings behind them, as one host.\n\n"
      "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or fatal error.",
      "synlint"};
  app.set_version_flag("-V,--version", SYNLINT_VERSION);
  app.require_subcommand(1, 1);
  app.footer("Run 'synlint SUBCOMMAND --help' for a subcommand's options. Without a subcommand, "
             "'check' runs: 'synlint my.conf' lints that file, 'synlint DIR' the tree DIR, 'synlint -' stdin.\n"
             "Rule docs: 'synlint explain SL201'.\nEnvironment: NO_COLOR turns colour off; FORCE_COLOR and "
             "CLICOLOR_FORCE turn it on when not on a terminal; TERM=dumb turns it off unless forced; "
             "SYNLINT_HUGE_PAGES=0 keeps the default heap (no transparent huge pages).");
  int exit_code = kExitClean;
  AddCheck(app, &exit_code);
  AddAudit(app, &exit_code);
  AddShow(app, &exit_code);
  AddRules(app, &exit_code);
  AddExplain(app, &exit_code);
  AddParse(app, &exit_code);
  AddTune(app, &exit_code);
  AddReportCommand(app, &exit_code);

  // `synlint [options]` means `synlint check [options]`.
  std::vector<std::string> args(argv + 1, argv + argc);
  bool has_subcommand = false;
  for (const CLI::App* sub : app.get_subcommands({}))
    has_subcommand |= !args.empty() && sub->get_name() == args[0];
  const bool top_level_flag =
      !args.empty() && (args[0] == "-h" || args[0] == "--help" || args[0] == "--version" || args[0] == "-V");
  if (!has_subcommand && !top_level_flag) args.insert(args.begin(), "check");
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : kExitError;
  } catch (const std::bad_alloc&) {
    // Written without allocating: the heap is what just failed. Whatever
    // was printed so far is incomplete, so the run must not look clean.
    static constexpr char kMessage[] =
        "synlint: error: out of memory; the input is too large for the memory available\n";
    (void)!write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    return kExitError;
  }
  return exit_code;
}
