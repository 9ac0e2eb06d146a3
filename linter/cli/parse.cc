// SPDX-License-Identifier: MIT
// `synlint parse FILE`: print a file's syntax tree and its syntax errors.
#include <iostream>

#include "core/config_format.h"
#include "linter/cli/options.h"
#include "linter/cli/parse_dump.h"

namespace synlint::cli {

namespace {

struct ParseArgs {
  std::string file;
  std::string as;
  std::string format = "text";
};

}  // namespace

void AddParse(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<ParseArgs>();
  CLI::App* cmd = app.add_subcommand(
      "parse", "Print the syntax tree of one file (format guessed from its path and content)");
  cmd->add_option("file", args->file, "The file to parse")->required();
  cmd->add_option("--as", args->as, "The file's format: sysctl, nginx, apache, systemd, shell")
      ->check(CLI::IsMember(UserFormatNames()));
  cmd->add_option("--format", args->format, "text, json, or crossplane (nginx only)")
      ->check(CLI::IsMember({"text", "json", "crossplane"}))
      ->capture_default_str();
  cmd->callback([args, exit_code] {
    *exit_code = RunParse(args->file, args->as, args->format);
  });
}

}  // namespace synlint::cli
