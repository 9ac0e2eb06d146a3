// SPDX-License-Identifier: MIT
// SL205: the server cannot take connections off the accept queue fast
// enough, however large the backlog: nginx worker_connections above the
// file-descriptor limit, or Apache MaxRequestWorkers far below the backlog.
// kernel-facts.md §5 (worker_connections), §6 (MPM capacity), rule 14.
#include <algorithm>

#include "model/listen_model.h"
#include "rules/edits/apache_capacity.h"
#include "rules/edits/listen_edit.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL205 = {"SL205", "worker-capacity", Severity::kInfo,
                         "worker limits that overflow the accept queue whatever the backlog",
                         FixAvailability::kNone, "0.1.0", "rules/listen/SL205.md"};

namespace {

const Setting* Limit(const ServiceFacts& s, const std::string& name) {
  auto it = s.limits.find(name);
  return it == s.limits.end() ? nullptr : &it->second;
}

void CheckNginx(RuleContext& ctx, const ServiceFacts& s) {
  const Setting* wc = Limit(s, "worker_connections");
  const int64_t connections = wc && wc->value ? *wc->value : 512;  // DEFAULT_CONNECTIONS
  std::string limit_from;
  int64_t nofile = 0;
  if (const Setting* r = Limit(s, "worker_rlimit_nofile"); r && r->value) {
    nofile = *r->value;
    limit_from = "'worker_rlimit_nofile " + r->text + "'";
  } else if (const Setting* n = Limit(s, "LimitNOFILE"); n && n->value) {
    nofile = *n->value;
    limit_from = "'LimitNOFILE=" + n->text + "' of nginx.service";
  } else {
    nofile = 1024;
    limit_from = "the default soft limit 1024 (no 'worker_rlimit_nofile', no 'LimitNOFILE=')";
  }
  if (connections <= nofile) return;
  Finding f;
  f.location = wc ? wc->location : s.listeners.empty() ? Location{} : s.listeners.front().declared_at;
  if (!wc && s.listeners.empty()) return;
  f.message = "nginx 'worker_connections' is " + std::to_string(connections) +
              " but each worker may open only " + std::to_string(nofile) + " files (" + limit_from +
              "); workers stop accepting when they run out and the accept queue overflows";
  ctx.Report(std::move(f));
}

void CheckApache(RuleContext& ctx, const ServiceFacts& s, const std::vector<ListenerView>& views) {
  const ApacheCapacity cap = ApacheWorkers(s);
  const Setting* mrw = cap.setting;
  const int64_t workers = cap.workers;
  const std::string& why = cap.why;
  int64_t backlog = 0;
  const ListenerView* big = nullptr;
  for (const auto& v : views) {
    if (v.service == &s && v.queues.accept_limit > backlog) {
      backlog = v.queues.accept_limit;
      big = &v;
    }
  }
  if (!big || backlog <= cap.MaxUsefulBacklog()) return;
  Finding f;
  f.location = mrw ? mrw->location : big->listener->declared_at;
  f.message = "Apache serves at most " + std::to_string(workers) + " connections at once (" + why +
              ") but queues up to " + std::to_string(backlog) + " (" + big->queues.accept_why +
              "); when every worker is busy the children stop calling accept() and clients wait in "
              "or overflow the queue, so size MaxRequestWorkers for the load rather than the backlog";
  if (mrw) {
    f.related.push_back(big->listener->declared_at);
    f.related.back().note = "the listener with that queue";
  }
  ctx.Report(std::move(f));
}

}  // namespace

void CheckSL205(RuleContext& ctx) {
  const Host& host = ctx.host();
  const std::vector<ListenerView>& views = ctx.listener_views();
  for (const ServiceFacts& s : host.services) {
    if (s.kind == ConfigFormat::kNginx) CheckNginx(ctx, s);
    if (s.kind == ConfigFormat::kApache) CheckApache(ctx, s, views);
  }
}

}  // namespace synlint
