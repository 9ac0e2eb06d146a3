// SPDX-License-Identifier: MIT
// `synlint show`: the effective model of a host — every sysctl in force and
// where it comes from, the files read, and the listeners.
#include <iostream>

#include "core/json.h"
#include "linter/cli/live_attach.h"
#include "linter/cli/options.h"
#include "linter/cli/project.h"
#include "linter/cli/show_model.h"

namespace synlint::cli {

namespace {

struct ShowArgs {
  HostArgs host;
  ProjectArgs project;
  std::string format = "text";
  bool live = false;  // --live
  const CLI::Option* root_option = nullptr;
};

int RunShow(const ShowArgs& a) {
  std::string err;
  Target target;
  if (!LoadOneHost(a.host, a.root_option->count() > 0, a.project, &target, &err)) return Fail(err);
  auto live_states = std::make_shared<std::deque<LiveState>>();
  if (a.live) AttachLiveState(&target.host_options, live_states);
  auto host = LoadHost(*target.fs, target.host_options);
  // A host of .synlint.yaml is named by its root, or for a list of files by
  // its name (paths below are where the files sit in the host's tree).
  const std::string root = target.name.empty()      ? a.host.root
                           : target.root_dir.empty() ? "host '" + target.name + "'"
                                                     : target.DisplayPath("");
  if (target.tree) {
    std::string templates;
    for (const std::string& f : host->files_read) {
      if (target.tree->IsTemplate(f)) templates += (templates.empty() ? "" : ", ") + target.DisplayPath(f);
    }
    if (!templates.empty())
      std::cerr << "synlint: note: " << templates
                << " are Jinja2 templates: their {{ }} parts show as XXXX and count as unset, so what "
                   "is derived from them uses the kernel's or server's default\n";
  }
  // Every path as check reports it: repository paths for a host of .synlint.yaml.
  ShownPath shown;
  if (target.display_from_cwd) shown = [&target](const std::string& p) { return target.DisplayPath(p); };
  if (a.format == "json") {
    std::cout << ShowJson(*host, root, shown) << "\n";
  } else {
    std::cout << ShowText(*host, root, shown);
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
  args->root_option = cmd->get_option("--root");
  args->project.AddHostSelection(cmd);
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_flag("--live", args->live,
                "Add the running kernel's figures (as synlint audit reads them, from the network namespace "
                "synlint runs in): each listener's running accept-queue limit, queue, SYN_RECV and owner, "
                "running values, counters since boot");
  cmd->callback([args, exit_code] { *exit_code = RunShow(*args); });
}

}  // namespace synlint::cli
