// `synlint audit`: check the host's files and set the running kernel beside
// them (issue #21): running sysctl values, every TCP listener's queues and
// owner (sock_diag), stale listeners. Reads only; never writes.
#include <sys/stat.h>
#include <unistd.h>

#include <deque>
#include <iostream>
#include <memory>

#include "linter/cli/check.h"
#include "linter/live/live_read.h"

namespace synlint::cli {

namespace {

struct AuditArgs {
  CheckArgs check;
  std::string netns;  // --netns PATH
  int pid = 0;        // --pid N
};

/// Whether the process's network namespace is not the initial one (where
/// the boot-time sysctl loader runs): PID 1's namespace when its link can be
/// read; else the keys of net_core_table (netdev_max_backlog, ...), which
/// sysctl_core_init() registers for init_net only (net/core/sysctl_net_core.c;
/// docs/fact-checks.md, extra findings).
bool InOtherNetns() {
  struct stat self, init;
  if (stat("/proc/self/ns/net", &self) == 0 && stat("/proc/1/ns/net", &init) == 0)
    return self.st_ino != init.st_ino || self.st_dev != init.st_dev;
  return access("/proc/sys/net/core/netdev_max_backlog", F_OK) != 0 && access("/proc/sys/net/core", F_OK) == 0;
}

int RunAudit(AuditArgs& a) {
  if (!a.netns.empty() && a.pid > 0) return Fail("--netns and --pid name the namespace twice; give one");
  LiveReadOptions live_options;
  // Before anything reads /proc/net or /proc/sys: both show the network
  // namespace of the reading process.
  if (!a.netns.empty() || a.pid > 0) {
    const std::string path = a.pid > 0 ? "/proc/" + std::to_string(a.pid) + "/ns/net" : a.netns;
    std::string err;
    if (!EnterNetns(path, &err)) return Fail((a.pid > 0 ? "--pid: " : "--netns: ") + err);
    live_options.netns = a.pid > 0 ? "of pid " + std::to_string(a.pid) : a.netns;
  }
  const bool other = InOtherNetns();
  if (other && live_options.netns.empty()) live_options.netns = "of this process (not the initial one)";
  auto states = std::make_shared<std::deque<LiveState>>();
  a.check.attach_live = [states, live_options, other](const Host& host) -> const LiveState* {
    states->push_back(ReadLiveState(host, live_options));
    states->back().other_netns = other;
    for (const std::string& u : states->back().unseen)
      std::cerr << "synlint: warning: audit could not see everything: " << u << "\n";
    return &states->back();
  };
  const int code = RunCheck(a.check);
  a.check.attach_live = nullptr;
  return code;
}

}  // namespace

void AddAudit(CLI::App& app, int* exit_code) {
  auto args = std::make_shared<AuditArgs>();
  CLI::App* cmd = app.add_subcommand(
      "audit",
      "Check the host's files and the running kernel beside them: running sysctl values, every TCP "
      "listener's queues and owner, stale listeners (read only)");
  CheckArgs& c = args->check;
  c.host.Add(cmd);
  cmd->remove_option(cmd->get_option("--kernel"));  // the running kernel is the target
  cmd->get_option("--root")->description(
      "Directory holding the host's /etc tree (a container's filesystem, a fixture); the live state "
      "comes from the network namespace synlint runs in (or --netns/--pid)");
  c.root_always = true;
  c.project.no_config = true;
  c.filter.Add(cmd);
  c.output.AddReport(cmd);
  cmd->add_option("--netns", args->netns,
                  "Audit the network namespace at PATH (/run/netns/NAME, /proc/PID/ns/net); needs root")
      ->group("Live");
  cmd->add_option("--pid", args->pid, "Audit the network namespace of process N (a container's); needs root")
      ->check(CLI::PositiveNumber)
      ->group("Live");
  cmd->callback([args, exit_code] { *exit_code = RunAudit(*args); });
}

}  // namespace synlint::cli
