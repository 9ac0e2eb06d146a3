// SPDX-License-Identifier: MIT
#include "model/restart_advice.h"

#include <algorithm>
#include <map>

#include "model/listen_model.h"

namespace synlint {

namespace {

// A socket unit's listen() happens when the unit starts. With Accept=no its
// service holds the listening socket while it runs, and systemd refuses to
// start the socket then ("Socket service X already active, refusing.",
// socket_start() in src/core/socket.c): `systemctl restart X.socket` stops
// the socket and fails to start it again. So the service stops first.
Action ReopenSocketUnit(const ServiceFacts& s, bool request_changed) {
  const std::string reload = request_changed ? "systemctl daemon-reload && " : "";
  const std::string why = request_changed ? "socket settings apply when the socket unit starts"
                                          : "the socket keeps the backlog it was opened with";
  const auto accept = s.extra.find("accept");
  const auto paired = s.extra.find("paired_service");
  if ((accept != s.extra.end() && accept->second == "yes") || paired == s.extra.end())
    return {reload + "systemctl restart " + s.service,
            why + "; restarting the service does not reopen it", s.service};
  const std::string& service = paired->second;
  return {reload + "systemctl stop " + service + " " + s.service + " && systemctl start " + s.service + " " +
              service,
          why + "; with Accept=no " + service + " holds the socket, and systemd refuses to start " +
              s.service + " while " + service + " runs, so it stops first",
          s.service};
}

Action ReListen(const Host& host, const ServiceFacts& s, bool request_changed) {
  const bool old_kernel = !host.Has(KernelChange::kSynQueueFromBacklog);
  if (s.kind == ConfigFormat::kNginx) {
    const bool old_nginx = host.nginx_version && *host.nginx_version < kNginxRelistenOnReload;
    if (request_changed && !old_kernel && !old_nginx)
      return {"systemctl reload nginx",
              "nginx calls listen() again on reload when 'backlog=' changed (nginx >= 1.5.12)", "nginx"};
    std::string why;
    if (old_kernel)
      why = "on Linux < " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
            " a second listen() keeps the old SYN table, so only new sockets get the "
            "new size";
    else if (request_changed)
      why = "nginx " + host.nginx_version->ToString() +
            " compares the wrong sockets' backlogs on reload (fixed in 1.5.12), so a changed "
            "'backlog=' may not reach listen() before a restart";
    else
      why = "a reload calls listen() again only when 'backlog=' changed; the new "
            "'net.core.somaxconn' reaches nginx's sockets only on restart";
    return {"systemctl restart nginx", why, "nginx"};
  }
  if (s.kind == ConfigFormat::kApache)
    return {"systemctl restart " + s.service,
            "a full stop and start: 'apachectl -k graceful' and '-k restart' keep the listening "
            "sockets, so listen() is not called again",
            s.service};
  return ReopenSocketUnit(s, request_changed);
}

/// Whether the loader would write anything different: the same writes in the
/// same order leave the kernel in the same state, so a change that only
/// touches comments, whitespace or file names needs no reload.
bool SysctlWritesDiffer(const Host& a, const Host& b) {
  const auto& ea = a.sysctl().entries();
  const auto& eb = b.sysctl().entries();
  if (ea.size() != eb.size()) return true;
  for (size_t i = 0; i < ea.size(); ++i) {
    const sysctl::Assignment& x = *ea[i].assignment;
    const sysctl::Assignment& y = *eb[i].assignment;
    if (x.name != y.name || x.text != y.text || x.exclusion != y.exclusion ||
        x.ignore_failure != y.ignore_failure)
      return true;
  }
  return false;
}

}  // namespace

Action ReopenAction(const Host& host, const ServiceFacts& service, bool request_changed) {
  return ReListen(host, service, request_changed);
}

std::vector<ListenerChange> ListenerChanges(const Host& before, const Host& after) {
  // Match listeners by service, address and position among equal ones.
  std::map<std::string, std::vector<const ListenerView*>> old_by_key;
  const auto old_views = ListenerViews(before);
  const auto new_views = ListenerViews(after);
  for (const auto& v : old_views)
    old_by_key[v.service->service + " " + v.listener->address_text].push_back(&v);
  std::map<std::string, size_t> seen;
  std::vector<ListenerChange> out;
  for (const auto& v : new_views) {
    const std::string key = v.service->service + " " + v.listener->address_text;
    const size_t n = seen[key]++;
    const auto it = old_by_key.find(key);
    const ListenerView* old = it != old_by_key.end() && n < it->second.size() ? it->second[n] : nullptr;
    if (!old) continue;  // a new listener starts with the new values anyway
    if (old->queues.accept_limit == v.queues.accept_limit && old->queues.syn_limit == v.queues.syn_limit &&
        old->requested == v.requested)
      continue;
    ListenerChange c;
    c.service = v.service->service;
    c.address_text = v.listener->address_text;
    c.accept_before = old->queues.accept_limit;
    c.accept_after = v.queues.accept_limit;
    c.syn_before = old->queues.syn_limit;
    c.syn_after = v.queues.syn_limit;
    c.request_changed = old->requested != v.requested;
    c.where = v.explicit_backlog ? v.listener->backlog->location : v.listener->declared_at;
    c.action = ReListen(after, *v.service, c.request_changed);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Action> RestartActions(const Host& before, const Host& after) {
  std::vector<Action> out;
  if (SysctlWritesDiffer(before, after)) {
    if (after.loader == sysctl::Loader::kSystemd)
      out.push_back({"systemctl restart systemd-sysctl", "applies the sysctl.d files now, as at boot",
                     "sysctl"});
    else
      out.push_back({"sysctl --system", "applies sysctl.d files and /etc/sysctl.conf now, as at boot",
                     "sysctl"});
  }
  for (const ListenerChange& c : ListenerChanges(before, after)) {
    auto same = std::find_if(out.begin(), out.end(), [&](const Action& a) { return a.service == c.action.service; });
    if (same == out.end()) {
      out.push_back(c.action);
    } else if (same->command.find("reload nginx") != std::string::npos &&
               c.action.command.find("restart") != std::string::npos) {
      *same = c.action;  // one listener needs a restart: a restart covers the reload
    }
  }
  return out;
}

}  // namespace synlint
