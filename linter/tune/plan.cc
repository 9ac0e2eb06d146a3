// SPDX-License-Identifier: MIT
#include "linter/tune/plan.h"

#include <algorithm>
#include <climits>
#include <map>
#include <set>

#include "model/listen_model.h"
#include "model/setting.h"
#include "rules/edits/sysctl_entries.h"

namespace synlint::tune {

namespace {

// Listeners that share one backlog setting: nginx sockets by address:port
// (only one `listen` per address may carry options), Apache's server-wide
// ListenBacklog, a socket unit's Backlog=.
struct Group {
  size_t carrier = 0;           // ListenerViews index whose setting is written
  int carrier_rank = -1;
  int64_t requested = 0;
  std::string label;
  bool explicit_backlog = false;
  bool sized = false;
  int64_t target = 0;
  std::string setting;
};

bool IsTcp(const Listener& l) { return !l.is_unix && l.port != 0 && !l.extra.count("invalid"); }

std::string GroupKey(const ListenerView& v) {
  if (Traits(v.service->kind).backlog_per_listen)
    return v.service->service + "|" + v.listener->host + "|" + std::to_string(v.listener->port);
  return v.service->service;
}

std::string SettingName(const ListenerView& v) {
  const ConfigFormat kind = v.service->kind;
  return "'" + std::string(BacklogName(kind)) + "' of " + v.service->service +
         (Traits(kind).backlog_per_listen ? " " + v.listener->address_text : "");
}

// nginx: the listen that already has backlog= (or other options) is where a
// backlog must go; a second listen with options fails `nginx -t`.
int CarrierRank(const Listener& l) { return l.backlog ? 2 : !l.options.empty() ? 1 : 0; }

// listen() casts the backlog to unsigned: a negative one asks for somaxconn.
bool Covers(int64_t requested, int64_t target) { return requested < 0 || requested >= target; }

QueueState StateOf(const QueueLimits& q, int64_t requested, const std::string& label) {
  return {requested, label, q.accept_limit, q.syn_limit, q.syn_limit_max, q.syn_early_drop, q.syn_early_drop_max};
}

std::string Origin(const Host& host, const std::string& key) {
  if (const SysctlEntry* w = host.Winner(key)) return Where(*w);
  const KeyInfo* info = host.kb->Find(key);
  std::string s = "Linux " + host.kernel.ToString() + " default";
  if (info && !info->default_depends_on.empty()) {
    if (const auto d = DefaultSettingOf(host, key)) {
      s += d->Known() ? " (" + d->origin + ")"
                      : " (" + d->Explained() + "; its floor " + std::to_string(d->min) + " is used)";
    }
  } else if (info && info->computed_default) {
    s += " (computed at boot; " + host.Default(key).value_or("?") + " assumed)";
  }
  return s;
}

std::string CapReason(const Host& host, int64_t cap) {
  if (!host.Has(KernelChange::kBacklog32Bit))
    return "Linux " + host.kernel.ToString() + " keeps the backlog in 16 bits (u16 before " +
           host.Since(KernelChange::kBacklog32Bit).ToString() + "), so " +
           std::to_string(cap) + " is the most it can hold";
  return "listen() takes an int, so " + std::to_string(cap) + " is the most it can hold";
}

void AddWarning(TunePlan* plan, std::string w) {
  if (std::find(plan->warnings.begin(), plan->warnings.end(), w) == plan->warnings.end())
    plan->warnings.push_back(std::move(w));
}

// The listeners grouped by the backlog setting they share.
struct Grouping {
  std::vector<Group> groups;
  std::vector<size_t> group_of_listener;  // per TunePlan::listeners entry
  std::set<uint32_t> ports_seen;
  bool systemd_assumed = false;  // a socket unit's default Backlog= depends on an unknown systemd
};

// A backlog setting as a service would pass it to listen().
struct Backlog {
  int64_t requested = 0;
  std::string label;
};

// Makes `v` the group's carrier if its setting is the one to write.
void ConsiderCarrier(Group* g, const ListenerView& v, size_t view) {
  const int rank = v.service->kind == ConfigFormat::kNginx ? CarrierRank(*v.listener) : 0;
  if (rank <= g->carrier_rank) return;
  g->carrier = view;
  g->carrier_rank = rank;
  g->requested = v.requested;
  g->label = v.requested_label;
  g->explicit_backlog = v.explicit_backlog;
  g->setting = SettingName(v);
}

// One TCP listener sized for the load on its port, capped at what the kernel keeps.
ListenerPlan SizeListener(const Host& host, const ListenerView& v, size_t view, const LoadSpec& load,
                          int64_t cap, TunePlan* plan) {
  ListenerPlan lp;
  lp.service = v.service->service;
  lp.kind = v.service->kind;
  lp.address = v.listener->address_text;
  lp.port = v.listener->port;
  lp.where = v.listener->declared_at.file + ":" + std::to_string(v.listener->declared_at.start.line);
  lp.view = view;
  if (const auto l = load.For(lp.port)) {
    const QueueNeed need = RequiredQueue(*l);
    lp.sized = true;
    lp.need = need.queue;
    lp.target = std::min(need.queue, cap);
    lp.reason = need.derivation;
    if (need.queue > cap) {
      lp.reason += "; capped at " + std::to_string(cap);
      AddWarning(plan, "port " + std::to_string(lp.port) + " needs an accept queue of " +
                           std::to_string(need.queue) + " but " + CapReason(host, cap) +
                           "; this load cannot be met on this kernel");
    }
  } else {
    lp.reason = "no load given for port " + std::to_string(lp.port);
    AddWarning(plan, "no load given for port " + std::to_string(lp.port) + " (" + lp.service + " " +
                         lp.address +
                         "); its backlog is left as is (give --peak-rate and "
                         "--accept-delay, or --port " +
                         std::to_string(lp.port) + ":...)");
  }
  return lp;
}

// Step 1: the TCP listeners, grouped by backlog setting, each sized for its port.
Grouping GroupAndSizeListeners(const Host& host, const std::vector<ListenerView>& views, const LoadSpec& load,
                               int64_t cap, TunePlan* plan) {
  Grouping out;
  std::map<std::string, size_t> group_of;
  for (size_t i = 0; i < views.size(); ++i) {
    const ListenerView& v = views[i];
    if (!IsTcp(*v.listener)) continue;
    out.ports_seen.insert(v.listener->port);
    const auto [it, added] = group_of.emplace(GroupKey(v), out.groups.size());
    if (added) out.groups.emplace_back();
    Group& g = out.groups[it->second];
    ConsiderCarrier(&g, v, i);
    if (v.service->kind == ConfigFormat::kSystemd && !v.explicit_backlog && !host.systemd_version)
      out.systemd_assumed = true;
    ListenerPlan lp = SizeListener(host, v, i, load, cap, plan);
    if (lp.sized) {
      g.sized = true;
      g.target = std::max(g.target, lp.target);
    }
    out.group_of_listener.push_back(it->second);
    plan->listeners.push_back(std::move(lp));
  }
  return out;
}

void WarnAboutPortsWithoutListener(const LoadSpec& load, const std::set<uint32_t>& ports_seen,
                                   TunePlan* plan) {
  for (const auto& [port, l] : load.ports) {
    if (!ports_seen.count(port))
      AddWarning(plan, "--port " + std::to_string(port) + ": no TCP listener on port " +
                           std::to_string(port) + " under the root");
  }
}

// Step 2: each backlog setting raised to the largest need of its group, never
// lowered; the backlogs the services would then ask for, per group.
std::vector<Backlog> RaiseBacklogs(const std::vector<ListenerView>& views, const std::vector<Group>& groups,
                                   TunePlan* plan) {
  std::vector<Backlog> proposed(groups.size());
  for (size_t gi = 0; gi < groups.size(); ++gi) {
    const Group& g = groups[gi];
    proposed[gi] = {g.requested, g.label};
    if (!g.sized || Covers(g.requested, g.target)) continue;
    const ListenerView& carrier = views[g.carrier];
    proposed[gi] = {g.target, BacklogSetting(carrier.service->kind, g.target)};
    plan->backlogs.push_back({g.carrier, g.requested, g.target, g.setting});
  }
  return proposed;
}

// Step 3: somaxconn covers the largest need, never below the current value or
// the kernel default, never above what the kernel stores.
SysctlPlan PlanSomaxconn(const Host& host, const std::vector<ListenerPlan>& listeners, int64_t cap) {
  const int64_t somaxconn_now = EffectiveSomaxconn(host);
  const int64_t somaxconn_default = SomaxconnDefault(host);
  int64_t want = 0;
  std::string want_who;
  for (const ListenerPlan& lp : listeners) {
    if (lp.sized && lp.target > want) {
      want = lp.target;
      want_who = lp.service + " " + lp.address;
    }
  }
  SysctlPlan somaxconn{kSomaxconn, somaxconn_now, Origin(host, kSomaxconn), 0, ""};
  somaxconn.proposed = std::min(std::max({want, somaxconn_default, somaxconn_now}), cap);
  const std::string need_text = want > 0 ? std::to_string(want) + " (" + want_who + ")" : "";
  if (somaxconn_now > cap) {
    somaxconn.reason = "lowered to " + std::to_string(cap) + ": " + CapReason(host, cap) +
                       ", and a larger somaxconn lets a backlog of 65536 or more wrap (65536 becomes 0)";
  } else if (somaxconn.proposed == somaxconn_now) {
    somaxconn.reason = want == 0 ? "no sized listener needs more"
                                 : "already covers the largest need, " + need_text +
                                       (somaxconn_now > want ? "; tune never lowers it" : "");
  } else if (somaxconn.proposed == want) {
    somaxconn.reason = "listen() caps every backlog at somaxconn; raised to the largest need, " + need_text;
  } else {
    somaxconn.reason = "the Linux " + host.kernel.ToString() + " default " +
                       std::to_string(somaxconn_default) +
                       (want > 0 ? " covers the largest need, " + need_text : std::string()) +
                       "; tune never proposes less than the kernel default";
  }
  return somaxconn;
}

// Step 4: tcp_max_syn_backlog matters for the SYN table only on kernels that
// size it once at the first listen(): there it must not cap the largest
// accept queue the proposed backlogs and somaxconn give.
SysctlPlan PlanMaxSynBacklog(const Host& host, const Grouping& grouping, const std::vector<Backlog>& proposed,
                             int64_t somaxconn) {
  // A default the machine decides is taken at its floor (Origin says so).
  const auto setting = IntSettingOf(host, kMaxSynBacklog);
  const int64_t max_syn_now = setting ? setting->min : 128;
  SysctlPlan max_syn{kMaxSynBacklog, max_syn_now, Origin(host, kMaxSynBacklog), max_syn_now, ""};
  const std::string rework = host.Since(KernelChange::kSynQueueFromBacklog).ToString();
  if (host.Has(KernelChange::kSynQueueFromBacklog)) {
    max_syn.reason = "left as is: Linux >= " + rework +
                     " reads it only when tcp_syncookies = 0 (SYNs from unproven "
                     "peers are dropped once it - it/4 + 1 are pending), and tune sets tcp_syncookies = 1";
    return max_syn;
  }
  int64_t largest_accept = 0;
  for (const size_t gi : grouping.group_of_listener) {
    const QueueLimits q = ComputeQueues(host, proposed[gi].requested, proposed[gi].label, somaxconn);
    largest_accept = std::max(largest_accept, q.accept_limit);
  }
  max_syn.proposed = std::min<int64_t>(std::max(max_syn_now, largest_accept), INT_MAX);
  const std::string table =
      "Linux " + host.kernel.ToString() +
      " (< " + rework + ") sizes each SYN table once, at the first listen(), as roundup_pow_of_two("
      "min(backlog, somaxconn, tcp_max_syn_backlog) + 1)";
  const std::string largest = "the largest accept queue (" + std::to_string(largest_accept) + ")";
  max_syn.reason = max_syn.proposed == max_syn_now
                       ? "already at least " + largest + "; " + table
                       : "raised to " + largest + " so it does not cap the SYN table below it; " + table;
  return max_syn;
}

// Each listener's queues now and with the proposed settings, and why its
// shared setting may differ from its own need.
void SetQueues(const Host& host, const Grouping& grouping, const std::vector<Backlog>& proposed,
               int64_t somaxconn, int64_t max_syn, std::vector<ListenerPlan>* listeners) {
  for (size_t i = 0; i < listeners->size(); ++i) {
    ListenerPlan& lp = (*listeners)[i];
    const size_t gi = grouping.group_of_listener[i];
    const Group& g = grouping.groups[gi];
    const Backlog& to = proposed[gi];
    lp.setting = g.setting;
    lp.current = StateOf(ComputeQueues(host, g.requested, g.label), g.requested, g.label);
    lp.proposed =
        StateOf(ComputeQueues(host, to.requested, to.label, somaxconn, max_syn), to.requested, to.label);
    lp.proposed.syn_early_drop.reset();  // tcp_syncookies = 1
    if (!lp.sized) continue;
    if (g.target > lp.target)
      lp.reason += "; shares " + g.setting + " with a listener that needs " + std::to_string(g.target);
    if (Covers(g.requested, g.target)) {
      if (!g.explicit_backlog && g.requested == INT_MAX)
        lp.reason += "; " + lp.service + " asks for INT_MAX (systemd >= 254), so somaxconn decides";
      else
        lp.reason += "; " + g.label + " already asks for at least that (tune never lowers a backlog)";
    }
  }
}

// Step 5: syncookies: 1 sends cookies only when the SYN queue is full.
SysctlPlan PlanSyncookies(const Host& host) {
  const int64_t cookies_now = host.IntValue(kSyncookies).value_or(1);
  SysctlPlan cookies{kSyncookies, cookies_now, Origin(host, kSyncookies), 1, ""};
  if (cookies_now == 0) {
    cookies.reason =
        "0 drops SYNs once the SYN queue is full; 1 answers them with cookies only then, so a burst beyond "
        "the queue is not lost";
  } else if (cookies_now == 1) {
    cookies.reason = "already 1: cookies only when the SYN queue overflows";
  } else if (cookies_now == 2) {
    cookies.reason =
        "2 sends cookies for every SYN, even when the queue has room; 1 sends them only when the SYN queue "
        "overflows";
  } else {
    cookies.reason = std::to_string(cookies_now) +
                     " is not a documented mode (0, 1 or 2); 1 sends cookies only when the SYN queue overflows";
  }
  return cookies;
}

// What the plan cannot know or cover: an assumed systemd, no listener, files not read.
void WarnAboutTheHost(const Host& host, bool systemd_assumed, TunePlan* plan) {
  if (systemd_assumed)
    AddWarning(plan,
               "systemd version unknown: assumed >= 254, where a socket unit without Backlog= asks "
               "for INT_MAX; pass --systemd-version for older ones");
  if (plan->listeners.empty())
    AddWarning(plan, "no TCP listener found under the root; only kernel settings are proposed");
  const size_t problems =
      std::count_if(host.load_findings.begin(), host.load_findings.end(),
                    [](const Finding& f) { return f.rule == "SL001" || f.rule == "SL002"; });
  if (problems > 0)
    AddWarning(plan, std::to_string(problems) +
                         " file problem(s) or syntax error(s) while reading the host; "
                         "the plan covers only what could be read (run 'synlint check')");
}

}  // namespace

const SysctlPlan* TunePlan::Sysctl(const std::string& key) const {
  for (const SysctlPlan& s : sysctls) {
    if (s.key == key) return &s;
  }
  return nullptr;
}

bool TunePlan::HasChanges() const {
  return !backlogs.empty() ||
         std::any_of(sysctls.begin(), sysctls.end(), [](const SysctlPlan& s) { return s.Changes(); });
}

int64_t MaxBacklog(const Host& host) {
  int64_t cap = host.Has(KernelChange::kBacklog32Bit) ? INT_MAX : 65535;
  if (const KeyInfo* info = host.kb->Find(kSomaxconn); info && info->max) cap = std::min(cap, *info->max);
  return cap;
}

TunePlan PlanTuning(const Host& host, const LoadSpec& load) {
  TunePlan plan;
  plan.kernel = host.kernel;
  const int64_t cap = MaxBacklog(host);
  const std::vector<ListenerView> views = ListenerViews(host);
  const Grouping grouping = GroupAndSizeListeners(host, views, load, cap, &plan);
  WarnAboutPortsWithoutListener(load, grouping.ports_seen, &plan);
  const std::vector<Backlog> proposed = RaiseBacklogs(views, grouping.groups, &plan);
  const SysctlPlan somaxconn = PlanSomaxconn(host, plan.listeners, cap);
  const SysctlPlan max_syn = PlanMaxSynBacklog(host, grouping, proposed, somaxconn.proposed);
  SetQueues(host, grouping, proposed, somaxconn.proposed, max_syn.proposed, &plan.listeners);
  plan.sysctls = {somaxconn, max_syn, PlanSyncookies(host)};
  WarnAboutTheHost(host, grouping.systemd_assumed, &plan);
  return plan;
}

}  // namespace synlint::tune
