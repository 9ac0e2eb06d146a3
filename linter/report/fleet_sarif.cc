// SPDX-License-Identifier: MIT
// `synlint report --format sarif`: SARIF 2.1.0, one run for the whole fleet.
// Each finding group is one result; its locations are the hosts it is on,
// one location per host with the host's name in the location's property bag
// ("properties": {"host": "web01"}) and the file and line on that host.
// tool.driver.rules lists the rules the results name. Hosts that did not
// report are the invocation's toolExecutionNotifications (level "error",
// host and status in their properties), and executionSuccessful is false.
#include <map>
#include <ostream>

#include "core/json.h"
#include "linter/output/escape.h"
#include "linter/report/fleet.h"

namespace synlint {

namespace {

std::string_view Level(std::string_view severity) {
  return severity == "error" ? "error" : severity == "warning" ? "warning" : "note";
}

}  // namespace

void WriteFleetSarif(const FleetReport& r, std::ostream& out) {
  std::map<std::string, std::string> rules;  // id -> name
  for (const FindingGroup& g : r.groups) rules.try_emplace(g.rule, g.name);
  std::map<std::string, size_t> rule_index;
  JsonWriter w(out, 2);
  w.BeginObject();
  w.Key("$schema").String("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("version").String("2.1.0");
  w.Key("runs").BeginArray().BeginObject();
  w.Key("tool").BeginObject().Key("driver").BeginObject();
  w.Key("name").String("synlint");
  w.Key("version").String(r.tool_version);
  w.Key("informationUri").String("https://github.com/synlint/synlint");
  w.Key("rules").BeginArray();
  for (const auto& [id, name] : rules) {
    rule_index.emplace(id, rule_index.size());
    w.BeginObject().Key("id").String(ToValidUtf8(id));
    if (!name.empty()) w.Key("name").String(name);
    w.EndObject();
  }
  w.EndArray().EndObject().EndObject();
  const FleetTotals& t = r.totals;
  w.Key("invocations").BeginArray().BeginObject();
  w.Key("executionSuccessful").Bool(t.failed + t.unreachable + t.missing == 0);
  w.Key("toolExecutionNotifications").BeginArray();
  for (const HostReport& h : r.hosts) {
    if (h.status == HostStatus::kOk) continue;
    std::string text = "host '" + h.host + "' " + std::string(HostStatusName(h.status));
    if (!h.error.empty()) text += ": " + h.error;
    w.BeginObject().Key("level").String("error");
    w.Key("message").BeginObject().Key("text").String(text).EndObject();
    w.Key("properties").BeginObject().Key("host").String(h.host);
    w.Key("status").String(HostStatusName(h.status)).EndObject();
    w.EndObject();
  }
  w.EndArray().EndObject().EndArray();
  w.Key("columnKind").String("utf16CodeUnits");
  w.Key("results").BeginArray();
  for (const FindingGroup& g : r.groups) {
    w.BeginObject();
    w.Key("ruleId").String(ToValidUtf8(g.rule));
    w.Key("ruleIndex").Uint(rule_index.at(g.rule));
    w.Key("level").String(Level(g.severity));
    w.Key("message").BeginObject().Key("text").String(g.message).EndObject();
    w.Key("locations").BeginArray();
    for (size_t i = 0; i < g.hosts.size(); ++i) {
      w.BeginObject();
      if (!g.files[i].empty()) {
        w.Key("physicalLocation").BeginObject();
        w.Key("artifactLocation").BeginObject().Key("uri").String(PathToUri(g.files[i])).EndObject();
        w.Key("region").BeginObject().Key("startLine").Uint(g.lines[i]).EndObject();
        w.EndObject();
      }
      w.Key("properties").BeginObject().Key("host").String(r.hosts[g.hosts[i]].host).EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.Key("properties").BeginObject().Key("hostCount").Uint(g.hosts.size()).EndObject();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject().EndArray();
  w.EndObject();
  w.Flush();
  out << '\n';
}

}  // namespace synlint
