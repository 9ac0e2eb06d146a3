// SPDX-License-Identifier: MIT
// `synlint explain SL201` prints a rule's doc; `synlint explain [ADDR:]PORT`
// prints how a listener's effective backlog and SYN queue are derived.
#include <iostream>
#include <regex>

#include "linter/cli/options.h"
#include "linter/cli/project.h"

namespace synlint::cli {

int ExplainRule(const std::string& id);
int ExplainPort(const HostArgs& host, bool root_given, const ProjectArgs& project,
                const std::string& target, bool live);

namespace {

struct ExplainArgs {
  HostArgs host;
  ProjectArgs project;
  std::string target;
  bool live = false;  // --live
  const CLI::Option* root_option = nullptr;
};

}  // namespace

void AddExplain(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ExplainArgs>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "Print a rule's documentation (explain SL201), or how a listener's effective backlog "
                 "and SYN queue limit are derived (explain 80, explain 127.0.0.1:8080)");
  cmd->add_option("target", args->target, "A rule ID, or a port / ADDR:PORT")->required();
  args->host.Add(cmd);
  args->root_option = cmd->get_option("--root");
  args->project.AddHostSelection(cmd);
  cmd->add_flag("--live", args->live,
                "With a port: add the running socket's figures (accept-queue limit, queue, SYN_RECV, owner), "
                "running values and counters, from the network namespace synlint runs in");
  cmd->callback([args, exit_code] {
    std::string t = args->target;
    for (char& c : t) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
    if (std::regex_match(t, std::regex("SL[0-9]{3}"))) {
      *exit_code = ExplainRule(t);
    } else {
      *exit_code = ExplainPort(args->host, args->root_option->count() > 0, args->project, args->target, args->live);
    }
  });
}

}  // namespace synlint::cli
