// SPDX-License-Identifier: MIT
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
#include "core/json.h"
#include "linter/live/live_read.h"
#include "linter/live/netns_list.h"

namespace synlint::cli {

namespace {

struct AuditArgs {
  CheckArgs check;
  std::string netns;  // --netns PATH
  int pid = 0;        // --pid N
  double watch = 0;        // --watch SECONDS
  int watch_count = 0;     // --watch-count N
  std::string kernel_log;  // --kernel-log FILE
  bool all_netns = false;  // --all-netns
};

/// `audit --all-netns`: each network namespace with listening TCP sockets,
/// and how to audit it.
int ListAllNetns(const std::string& format) {
  std::vector<std::string> unseen;
  const std::vector<NetnsInfo> all = ListNetworkNamespaces("/proc", "/run/netns", &unseen);
  for (const std::string& u : unseen) std::cerr << "synlint: warning: --all-netns could not see " << u << "\n";
  size_t without = 0;
  for (const NetnsInfo& ns : all) without += ns.listeners.empty() && ns.error.empty();
  if (format == "json") {
    JsonWriter w;
    w.BeginObject().Key("netns").BeginArray();
    for (const NetnsInfo& ns : all) {
      if (ns.listeners.empty() && ns.error.empty()) continue;
      w.BeginObject().Key("inode").Uint(ns.inode).Key("current").Bool(ns.current);
      w.Key("names").BeginArray();
      for (const std::string& n : ns.names) w.String(n);
      w.EndArray().Key("pids").BeginArray();
      for (int p : ns.pids) w.Int(p);
      w.EndArray().Key("comm").String(ns.comm).Key("enter").String(ns.enter);
      w.Key("error");
      if (ns.error.empty()) w.Null(); else w.String(ns.error);
      w.Key("listeners").BeginArray();
      for (const auto& l : ns.listeners) {
        w.BeginObject().Key("endpoint").String(live::EndpointText(l.address, l.port)).Key("accept_queue_limit").Int(l.wqueue);
        w.Key("accept_queue_now").Int(l.rqueue).EndObject();
      }
      w.EndArray().EndObject();
    }
    w.EndArray().Key("without_listeners").Uint(without).Key("unseen").BeginArray();
    for (const std::string& u : unseen) w.String(u);
    w.EndArray().EndObject();
    std::cout << w.Take() << "\n";
    return kExitClean;
  }
  if (format != "text") return Fail("--all-netns prints text or json, not '" + format + "'");
  std::cout << "network namespaces with listening TCP sockets:\n";
  for (const NetnsInfo& ns : all) {
    if (ns.listeners.empty() && ns.error.empty()) continue;
    std::cout << "  net:[" << ns.inode << "]" << (ns.current ? " (this one)" : "");
    for (const std::string& n : ns.names) std::cout << " /run/netns/" << n;
    if (!ns.pids.empty()) {
      std::cout << "  pid " << ns.pids.front();
      if (!ns.comm.empty()) std::cout << " '" << ns.comm << "'";
      if (ns.pids.size() > 1) std::cout << " and " << ns.pids.size() - 1 << " more";
    }
    std::cout << "\n";
    if (!ns.error.empty()) std::cout << "    not read: " << ns.error << "\n";
    for (const auto& l : ns.listeners)
      std::cout << "    " << live::EndpointText(l.address, l.port) << "  accept queue " << l.wqueue << ", " << l.rqueue << " waiting\n";
    if (!ns.current)
      std::cout << "    audit it: synlint audit "
                << (!ns.names.empty() ? "--netns /run/netns/" + ns.names.front()
                                      : "--pid " + std::to_string(ns.pids.front()))
                << " --root DIR\n";
  }
  std::cout << "namespaces without listening TCP sockets: " << without << "\n";
  return kExitClean;
}

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
  if (a.all_netns) {
    if (!a.netns.empty() || a.pid > 0 || a.watch > 0 || !a.kernel_log.empty())
      return Fail("--all-netns lists every namespace; it takes no --netns, --pid, --watch or --kernel-log");
    return ListAllNetns(a.check.output.format);
  }
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
  cmd->add_flag("--all-netns", args->all_netns,
                "List every network namespace (of a process or /run/netns) that has listening TCP sockets, with "
                "them and the command that audits it; reads each in a child process (root sees all)")
      ->group("Live");
  cmd->callback([args, exit_code] { *exit_code = RunAudit(*args); });
}

}  // namespace synlint::cli
