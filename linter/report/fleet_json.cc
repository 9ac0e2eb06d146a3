// SPDX-License-Identifier: MIT
// `synlint report --format json` (keys always in this order):
//
// {
//   "version": "0.1.0",
//   "summary": {"hosts", "reported", "failed", "unreachable", "missing",
//               "with_findings", "errors", "warnings", "infos", "listeners"},
//   "groups": [{"rule", "name", "severity", "message", "count",
//               "hosts": [{"host", "file", "line"}]}],
//   "hosts": [{"host", "status": "ok" | "failed" | "unreachable" | "missing",
//              "error", "source", "kernel", "kernel_release", "somaxconn",
//              "errors", "warnings", "infos",
//              "listeners": [{"address", "port", "requested_backlog" (null: unknown),
//                             "accept_queue_limit", "accept_queue_now",
//                             "syn_recv_now", "comm", "unit"}]}]
// }
#include <ostream>

#include "core/json.h"
#include "linter/report/fleet.h"

namespace synlint {

void WriteFleetJson(const FleetReport& r, std::ostream& out) {
  JsonWriter w(out, 2);
  const FleetTotals& t = r.totals;
  w.BeginObject();
  w.Key("version").String(r.tool_version);
  w.Key("summary").BeginObject();
  w.Key("hosts").Uint(t.hosts).Key("reported").Uint(t.ok).Key("failed").Uint(t.failed);
  w.Key("unreachable").Uint(t.unreachable).Key("missing").Uint(t.missing);
  w.Key("with_findings").Uint(t.with_findings).Key("errors").Uint(t.errors);
  w.Key("warnings").Uint(t.warnings).Key("infos").Uint(t.infos).Key("listeners").Uint(t.listeners);
  w.EndObject();
  w.Key("groups").BeginArray();
  for (const FindingGroup& g : r.groups) {
    w.BeginObject();
    w.Key("rule").String(g.rule).Key("name").String(g.name).Key("severity").String(g.severity);
    w.Key("message").String(g.message).Key("count").Uint(g.hosts.size());
    w.Key("hosts").BeginArray();
    for (size_t i = 0; i < g.hosts.size(); ++i) {
      w.BeginObject().Key("host").String(r.hosts[g.hosts[i]].host);
      w.Key("file").String(g.files[i]).Key("line").Uint(g.lines[i]).EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.Key("hosts").BeginArray();
  for (const HostReport& h : r.hosts) {
    w.BeginObject();
    w.Key("host").String(h.host).Key("status").String(HostStatusName(h.status));
    w.Key("error").String(h.error).Key("source").String(h.source);
    w.Key("kernel").String(h.kernel).Key("kernel_release").String(h.kernel_release);
    w.Key("somaxconn").String(h.somaxconn);
    w.Key("errors").Uint(h.errors).Key("warnings").Uint(h.warnings).Key("infos").Uint(h.infos);
    w.Key("listeners").BeginArray();
    for (const HostListener& l : h.listeners) {
      w.BeginObject().Key("address").String(l.address).Key("port").Uint(l.port);
      w.Key("requested_backlog");
      if (l.requested_backlog >= 0) w.Int(l.requested_backlog); else w.Null();
      w.Key("accept_queue_limit").Int(l.accept_queue_limit).Key("accept_queue_now").Int(l.accept_queue_now);
      w.Key("syn_recv_now").Int(l.syn_recv_now).Key("comm").String(l.comm).Key("unit").String(l.unit);
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Flush();
  out << '\n';
}

}  // namespace synlint
