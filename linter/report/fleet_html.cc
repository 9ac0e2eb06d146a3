// SPDX-License-Identifier: MIT
// `synlint report --format html`: one self-contained page a person opens in
// a browser. No network resources: the CSS and the script are inline and the
// page's Content-Security-Policy forbids loading anything else. The tables
// are written as HTML (readable without the script); the script only sorts
// them when a column heading is clicked. Per listener: the backlog the files
// ask for (when the report says it), the running somaxconn, the effective
// accept-queue limit the kernel gave at listen() and the live queue figures.
#include <cstdlib>
#include <ostream>
#include <string>

#include "linter/output/escape.h"
#include "linter/report/fleet.h"
#include "linter/report/fleet_util.h"

namespace synlint {

namespace {

constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>synlint fleet report</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
table{border-collapse:collapse;margin:.4em 0;font-size:.92em}
th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#eef1f5;cursor:pointer;user-select:none;white-space:nowrap}
th[data-dir=asc]::after{content:" \25B2"}th[data-dir=desc]::after{content:" \25BC"}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.error{color:#b00020;font-weight:600}.warning{color:#8a5a00;font-weight:600}.info{color:#245}
.failed,.unreachable,.missing{background:#fde8e8}
code{font-family:ui-monospace,monospace}
</style>
</head>
<body>
<h1>synlint fleet report</h1>
)";

constexpr std::string_view kScript = R"(<script>
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener('click', function () {
      var asc = th.dataset.dir !== 'asc';
      Array.prototype.forEach.call(heads, function (h) { delete h.dataset.dir; });
      th.dataset.dir = asc ? 'asc' : 'desc';
      var num = th.dataset.type === 'num';
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      function key(row) {
        var c = row.cells[col];
        var v = c.dataset.v !== undefined ? c.dataset.v : c.textContent;
        return num ? Number(v) : v;
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var d = num ? x - y : (x < y ? -1 : x > y ? 1 : 0);
        return asc ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
</script>
)";

std::string H(std::string_view s) { return EscapeXml(s, true); }

void NumCell(std::ostream& out, int64_t v) { out << "<td class=\"n\" data-v=\"" << v << "\">" << v << "</td>"; }

/// A cell that may be unknown: sorts before every number.
void MaybeCell(std::ostream& out, int64_t v, bool known) {
  if (known) {
    NumCell(out, v);
  } else {
    out << "<td class=\"n\" data-v=\"-1\" title=\"not in the report\">?</td>";
  }
}

}  // namespace

void WriteFleetHtml(const FleetReport& r, std::ostream& out) {
  out << kHead;
  out << "<p id=\"summary\">" << H(FleetSummaryLine(r)) << "</p>\n";

  out << "<h2>Findings, each once with the hosts it is on</h2>\n";
  if (r.groups.empty()) {
    out << "<p>No findings.</p>\n";
  } else {
    out << "<table id=\"findings\" class=\"sortable\"><thead><tr><th>rule</th><th>severity</th>"
           "<th data-type=\"num\">hosts</th><th>message</th><th>on</th></tr></thead><tbody>\n";
    for (const FindingGroup& g : r.groups) {
      out << "<tr><td><code>" << H(g.rule) << "</code>";
      if (!g.name.empty()) out << "<br>" << H(g.name);
      out << "</td><td class=\"" << H(g.severity) << "\">" << H(g.severity) << "</td>";
      NumCell(out, static_cast<int64_t>(g.hosts.size()));
      out << "<td>" << H(g.message) << "</td><td>";
      for (size_t i = 0; i < g.hosts.size(); ++i)
        out << (i ? ", " : "") << H(r.hosts[g.hosts[i]].host);
      out << "</td></tr>\n";
    }
    out << "</tbody></table>\n";
  }

  const FleetTotals& t = r.totals;
  if (t.failed + t.unreachable + t.missing > 0) {
    out << "<h2>Hosts without a report</h2>\n<ul id=\"unreported\">\n";
    for (const HostReport& h : r.hosts) {
      if (h.status == HostStatus::kOk) continue;
      out << "<li><b>" << H(h.host) << "</b>: " << HostStatusName(h.status);
      if (!h.error.empty()) out << ": " << H(h.error);
      out << "</li>\n";
    }
    out << "</ul>\n";
  }

  out << "<h2>Hosts</h2>\n<p>Click a column heading to sort.</p>\n"
         "<table id=\"hosts\" class=\"sortable\"><thead><tr><th>host</th><th>status</th><th>kernel</th>"
         "<th data-type=\"num\">somaxconn</th><th data-type=\"num\">listeners</th>"
         "<th data-type=\"num\">errors</th><th data-type=\"num\">warnings</th>"
         "<th data-type=\"num\">infos</th></tr></thead><tbody>\n";
  for (const HostReport& h : r.hosts) {
    const std::string_view status = HostStatusName(h.status);
    out << "<tr class=\"" << status << "\"><td>" << H(h.host) << "</td><td>" << status << "</td><td>"
        << H(h.kernel_release.empty() ? h.kernel : h.kernel_release) << "</td>";
    char* end = nullptr;
    const long long somaxconn = h.somaxconn.empty() ? -1 : std::strtoll(h.somaxconn.c_str(), &end, 10);
    MaybeCell(out, somaxconn, !h.somaxconn.empty() && end && *end == '\0');
    NumCell(out, static_cast<int64_t>(h.listeners.size()));
    NumCell(out, h.errors);
    NumCell(out, h.warnings);
    NumCell(out, h.infos);
    out << "</tr>\n";
  }
  out << "</tbody></table>\n";

  if (t.listeners > 0) {
    out << "<h2>Listeners</h2>\n<p>The effective limit is the accept-queue limit the kernel gave the socket at "
           "its last <code>listen()</code>: the smaller of the backlog asked for and somaxconn then.</p>\n"
           "<table id=\"listeners\" class=\"sortable\"><thead><tr><th>host</th><th>listener</th>"
           "<th>process</th><th data-type=\"num\">requested backlog</th><th data-type=\"num\">somaxconn</th>"
           "<th data-type=\"num\">effective limit</th><th data-type=\"num\">accept queue now</th>"
           "<th data-type=\"num\">SYN_RECV now</th></tr></thead><tbody>\n";
    for (const HostReport& h : r.hosts) {
      char* end = nullptr;
      const long long somaxconn = h.somaxconn.empty() ? -1 : std::strtoll(h.somaxconn.c_str(), &end, 10);
      const bool somaxconn_known = !h.somaxconn.empty() && end && *end == '\0';
      for (const HostListener& l : h.listeners) {
        out << "<tr><td>" << H(h.host) << "</td><td><code>" << H(ListenerEndpoint(l)) << "</code></td><td>"
            << H(l.unit.empty() ? l.comm : l.comm + " (" + l.unit + ")") << "</td>";
        MaybeCell(out, l.requested_backlog, l.requested_backlog >= 0);
        MaybeCell(out, somaxconn, somaxconn_known);
        NumCell(out, l.accept_queue_limit);
        NumCell(out, l.accept_queue_now);
        NumCell(out, l.syn_recv_now);
        out << "</tr>\n";
      }
    }
    out << "</tbody></table>\n";
  }
  out << "<p><small>synlint " << H(r.tool_version) << "</small></p>\n" << kScript << "</body>\n</html>\n";
}

}  // namespace synlint
