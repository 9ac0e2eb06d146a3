// SPDX-License-Identifier: MIT
// `synlint explain [ADDR:]PORT`: the derivation of one listener's queues,
// the answer to "why do I see 256 connections in SYN_RECV?".
#include <iostream>
#include <sstream>

#include "linter/cli/live_attach.h"
#include "linter/cli/options.h"
#include "linter/cli/project.h"
#include "model/listen_model.h"

namespace synlint::cli {

namespace {

bool Matches(const Listener& l, const std::string& target) {
  const std::string port = std::to_string(l.port);
  return target == port || target == l.address_text || target == l.host + ":" + port ||
         target == "[" + l.host + "]:" + port || target == "*:" + port;
}

}  // namespace

int ExplainPort(const HostArgs& host_args, bool root_given, const ProjectArgs& project,
                const std::string& target, bool live) {
  std::string err;
  Target t;
  if (!LoadOneHost(host_args, root_given, project, &t, &err)) return Fail(err);
  auto live_states = std::make_shared<std::deque<LiveState>>();
  if (live) AttachLiveState(&t.host_options, live_states);
  auto host = LoadHost(*t.fs, t.host_options);
  // Paths as check reports them: repository paths for a host of .synlint.yaml.
  auto path = [&t](const std::string& p) { return t.display_from_cwd ? t.DisplayPath(p) : p; };
  auto where = [&path](const Location& l) { return path(l.file.str()) + ":" + std::to_string(l.start.line); };
  const auto views = ListenerViews(*host);
  const SysctlEntry* from = nullptr;
  const int64_t somaxconn = EffectiveSomaxconn(*host, &from);
  size_t shown = 0;
  std::ostringstream out;
  for (const ListenerView& v : views) {
    if (!Matches(*v.listener, target)) continue;
    if (shown++) out << "\n";
    const Listener& l = *v.listener;
    out << v.service->service << " listening on " << l.address_text << " (declared at "
        << where(l.declared_at) << "), Linux " << host->kernel.ToString() << " (" << host->kernel_origin
        << ")\n";
    out << "  requested backlog   " << (v.requested >= INT32_MAX ? std::string("INT_MAX") : std::to_string(v.requested))
        << "  " << (v.explicit_backlog ? "set at " + where(l.backlog->location) : v.default_reason) << "\n";
    out << "  net.core.somaxconn  " << somaxconn << "  "
        << (from ? "set at " + path(from->file->path) + ":" +
                       std::to_string(from->file->lines().At(from->assignment->key.begin).line)
                 : "the kernel default")
        << "\n";
    out << "  accept queue        " << v.queues.accept_limit << " = " << v.queues.accept_why << "; it holds "
        << v.queues.accept_limit + 1 << " (sk_acceptq_is_full() tests >)\n";
    if (!v.queues.has_syn_queue) {
      out << "  SYN queue           none: a Unix socket (unix_listen() keeps only the backlog; "
             "tcp_max_syn_backlog and syncookies do not apply)\n";
      continue;
    }
    out << "  SYN queue           " << v.queues.SynText() << " = " << v.queues.syn_why << "\n";
    out << "  ss -ltn shows Send-Q " << v.queues.accept_limit << " for this socket; up to " << v.queues.SynText()
        << " connections can sit in SYN_RECV before the kernel sends syncookies or drops SYNs\n";
    out << LiveListenerText(*host, views, v, "  ");
  }
  if (live) out << "\n" << LiveSummaryText(*host);
  if (shown == 0) return Fail("no listener on '" + target + "' under --root " + host_args.root);
  std::cout << out.str();
  return kExitClean;
}

}  // namespace synlint::cli
