// `synlint audit`: check the host's files and set the running kernel beside
// them (issue #21): running sysctl values, every TCP listener's queues and
// owner (sock_diag), stale listeners. Reads only; never writes.
#include <sys/stat.h>
#include <unistd.h>

#include <deque>
#include <iostream>
#include <memory>

#include "linter/cli/audit_watch.h"
#include "linter/cli/check.h"
#include "linter/live/live_read.h"

namespace synlint::cli {

namespace {

struct AuditArgs {
  CheckArgs check;
  std::string netns;  // --netns PATH
  int pid = 0;        // --pid N
  double watch = 0;        // --watch SECONDS
  int watch_count = 0;     // --watch-count N
  std::string kernel_log;  // --kernel-log FILE
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
  // The kernel log and the counters are read once, whatever the number of
  // hosts or fix rounds: with --watch the first sample now, the last right
  // before the sockets are read.
  LiveState log;
  std::string err;
  if (!ReadKernelLog(a.kernel_log, !other, &log, &err)) return Fail(err);
  auto first = std::make_shared<std::optional<CounterSample>>();
  if (a.watch > 0) *first = Watch({a.watch, a.watch_count, isatty(STDOUT_FILENO) == 1}, "/proc", std::cout);
  auto last = std::make_shared<CounterSample>(SampleCounters("/proc"));
  auto states = std::make_shared<std::deque<LiveState>>();
  a.check.attach_live = [states, live_options, other, first, last, log](const Host& host) -> const LiveState* {
    states->push_back(ReadLiveState(host, live_options));
    states->back().other_netns = other;
    AttachCounters(*first ? &**first : nullptr, *last, &states->back());
    states->back().kernel_log = log.kernel_log;
    states->back().flood_lines = log.flood_lines;
    states->back().unseen.insert(states->back().unseen.end(), log.unseen.begin(), log.unseen.end());
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
      "listener's queues and owner, stale listeners, overflow counters and their rates (read only)");
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
  cmd->add_option("--watch", args->watch,
                  "Sample the kernel's overflow counters twice, SECONDS apart, and report their rates (on a "
                  "terminal: one line per listener every SECONDS until Ctrl-C)")
      ->check(CLI::Range(0.01, 86400.0))
      ->group("Live");
  cmd->add_option("--watch-count", args->watch_count, "With --watch on a terminal: stop after N samples")
      ->check(CLI::PositiveNumber)
      ->group("Live");
  cmd->add_option("--kernel-log", args->kernel_log,
                  "Find the kernel's 'Possible SYN flooding' lines in FILE (dmesg, journalctl -k or kern.log "
                  "text; - for stdin); by default the kernel's ring buffer is read when permitted")
      ->group("Live");
  cmd->callback([args, exit_code] { *exit_code = RunAudit(*args); });
}

}  // namespace synlint::cli
