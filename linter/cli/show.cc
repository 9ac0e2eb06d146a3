// `synlint show`: the effective model of a host — every sysctl in force and
// where it comes from, the files read, and the listeners.
#include <iostream>

#include "linter/cli/options.h"
#include "linter/cli/show_model.h"
#include "linter/json.h"

namespace synlint::cli {

namespace {

struct ShowArgs {
  HostArgs host;
  std::string format = "text";
};

int RunShow(const ShowArgs& a) {
  HostOptions options;
  std::string err;
  if (!a.host.ToHostOptions(&options, &err)) return Fail(err);
  auto fs = a.host.OpenRoot(&err);
  if (!fs) return Fail(err);
  auto host = LoadHost(*fs, options);
  if (a.format == "json") {
    std::cout << ShowJson(*host, a.host.root) << "\n";
  } else {
    std::cout << ShowText(*host, a.host.root);
  }
  return kExitClean;
}

}  // namespace

void AddShow(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ShowArgs>();
  CLI::App* cmd = app.add_subcommand(
      "show", "Print the effective model: each sysctl in force with the file and line it comes from "
              "and what it overrides, the files read, and the listeners");
  args->host.Add(cmd);
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([args, exit_code] { *exit_code = RunShow(*args); });
}

}  // namespace synlint::cli
