// SPDX-License-Identifier: MIT
// Reading one host's report in each of its three shapes, and merging hosts:
// findings grouped by rule, severity and message across hosts.
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "linter/report/fleet.h"
#include "linter/report/host_report.h"

namespace synlint {
namespace {

std::string Report(const std::string& findings, const std::string& live = "") {
  return R"({"version": "0.1.0", "root": "/", "kernel": "6.1", "files": [], "findings": [)" + findings +
         R"(], "summary": {"files": 1, "errors": 0, "warnings": 0, "infos": 0, "fixable": 0, "suppressed": 0},
          "diff": null, "actions": [])" + (live.empty() ? "" : ", \"live\": " + live) + "}";
}

std::string Finding(const std::string& rule, const std::string& severity, const std::string& message,
                    int line = 2) {
  return R"({"rule": ")" + rule + R"(", "name": "n-)" + rule + R"(", "severity": ")" + severity +
         R"(", "file": "etc/sysctl.conf", "line": )" + std::to_string(line) +
         R"(, "column": 1, "end_line": 2, "end_column": 5, "offset": 0, "end_offset": 4, "message": ")" + message +
         R"(", "related": [], "fix": null})";
}

const char kLive[] = R"({"kernel_release": "6.1.0-28-amd64", "netns": "", "other_netns": false,
  "sysctl": {"net.core.somaxconn": "4096"},
  "listeners": [{"family": "ipv4", "address": "127.0.0.1", "port": 80, "accept_queue_limit": 511,
                 "accept_queue_now": 3, "syn_recv_now": 1, "inode": 1, "pid": 5, "comm": "nginx",
                 "unit": "nginx.service"}],
  "counters": {}, "rates": null, "kernel_log": null, "unseen": []})";

HostReport Read(const std::string& text, const std::string& host = "h") {
  HostReport r;
  std::string err;
  EXPECT_TRUE(ReadHostReport(text, host + ".json", host, &r, &err)) << err;
  return r;
}

TEST(HostReport, ReadsAnAuditReport) {
  const HostReport r = Read(Report(Finding("SL302", "warning", "stale") + "," + Finding("SL201", "error", "x"), kLive));
  EXPECT_EQ(r.status, HostStatus::kOk);
  EXPECT_TRUE(r.live);
  EXPECT_EQ(r.kernel_release, "6.1.0-28-amd64");
  EXPECT_EQ(r.somaxconn, "4096");
  ASSERT_EQ(r.listeners.size(), 1u);
  EXPECT_EQ(r.listeners[0].accept_queue_limit, 511);
  EXPECT_EQ(r.listeners[0].accept_queue_now, 3);
  EXPECT_EQ(r.listeners[0].requested_backlog, -1);  // the audit's JSON does not say it
  EXPECT_EQ(r.errors, 1u);
  EXPECT_EQ(r.warnings, 1u);
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].name, "n-SL302");
}

TEST(HostReport, ReadsTheAnsibleModuleResultAndFailureRecords) {
  const HostReport ok = Read(R"({"changed": false, "rc": 1, "report": )" + Report(Finding("SL104", "info", "m")) + "}");
  EXPECT_EQ(ok.status, HostStatus::kOk);
  EXPECT_EQ(ok.infos, 1u);
  const HostReport down = Read(R"({"unreachable": true, "msg": "Failed to connect to the host via ssh", "changed": false})");
  EXPECT_EQ(down.status, HostStatus::kUnreachable);
  EXPECT_EQ(down.error, "Failed to connect to the host via ssh");
  const HostReport failed = Read(R"({"failed": true, "msg": "synlint exited 2", "stderr": "synlint: error: --root: no such directory"})");
  EXPECT_EQ(failed.status, HostStatus::kFailed);
  EXPECT_EQ(failed.error, "synlint exited 2: synlint: error: --root: no such directory");
}

TEST(HostReport, BadInputIsAnErrorNamingTheFile) {
  HostReport r;
  std::string err;
  EXPECT_FALSE(ReadHostReport("{\"findings\": [", "in/web01.json", "web01", &r, &err));
  EXPECT_EQ(err.rfind("in/web01.json: line 1, column 15: ", 0), 0u) << err;
  EXPECT_FALSE(ReadHostReport("", "in/e.json", "e", &r, &err));
  EXPECT_EQ(err, "in/e.json: empty file; expected a synlint JSON report or an Ansible result");
  EXPECT_FALSE(ReadHostReport("[1]", "a.json", "a", &r, &err));
  EXPECT_EQ(err, "a.json: expected a JSON object (a synlint report or an Ansible result)");
  EXPECT_FALSE(ReadHostReport("{\"changed\": false}", "b.json", "b", &r, &err));
  EXPECT_NE(err.find("b.json: not a synlint JSON report"), std::string::npos) << err;
  EXPECT_FALSE(ReadHostReport(Report(R"({"rule": "SL201", "severity": "fatal"})"), "c.json", "c", &r, &err));
  EXPECT_EQ(err, "c.json: finding 1 has no \"rule\" or no \"severity\" of error, warning or info");
}

TEST(Fleet, GroupsIdenticalFindingsAcrossHostsOnce) {
  std::vector<HostReport> hosts;
  hosts.push_back(Read(Report(Finding("SL302", "warning", "stale listener nginx:80") + "," +
                              Finding("SL302", "warning", "stale listener nginx:80", 9)), "web02"));
  hosts.push_back(Read(Report(Finding("SL302", "warning", "stale listener nginx:80", 4)), "web01"));
  hosts.push_back(Read(Report(Finding("SL201", "error", "backlog 4096 above somaxconn 128")), "db01"));
  hosts.push_back(Read(Report(""), "clean01"));
  hosts.push_back(Read(R"({"unreachable": true, "msg": "timeout"})", "down01"));
  const FleetReport f = MergeHosts(std::move(hosts));
  ASSERT_EQ(f.hosts.size(), 5u);
  EXPECT_EQ(f.hosts[0].host, "clean01");  // sorted by name
  ASSERT_EQ(f.groups.size(), 2u);
  // Most hosts first; a host with the finding twice counts once.
  EXPECT_EQ(f.groups[0].rule, "SL302");
  ASSERT_EQ(f.groups[0].hosts.size(), 2u);
  EXPECT_EQ(f.hosts[f.groups[0].hosts[0]].host, "web01");
  EXPECT_EQ(f.groups[0].lines[0], 4u);
  EXPECT_EQ(f.hosts[f.groups[0].hosts[1]].host, "web02");
  EXPECT_EQ(f.groups[1].rule, "SL201");
  EXPECT_EQ(f.totals.hosts, 5u);
  EXPECT_EQ(f.totals.ok, 4u);
  EXPECT_EQ(f.totals.unreachable, 1u);
  EXPECT_EQ(f.totals.with_findings, 3u);
  EXPECT_EQ(f.totals.warnings, 3u);  // findings, not groups
  EXPECT_EQ(f.totals.errors, 1u);
  EXPECT_TRUE(FleetFails(f, "error"));
  EXPECT_FALSE(FleetFails(f, "never"));

  std::ostringstream text;
  WriteFleetText(f, text);
  EXPECT_NE(text.str().find("SL302 warning on 2 hosts: stale listener nginx:80 [n-SL302]\n    web01, web02\n"),
            std::string::npos)
      << text.str();
  EXPECT_NE(text.str().find("  down01: unreachable: timeout\n"), std::string::npos) << text.str();
}

TEST(Fleet, FailsOnlyAtOrAboveTheThresholdWhenEveryHostReported) {
  std::vector<HostReport> hosts;
  hosts.push_back(Read(Report(Finding("SL104", "info", "m")), "a"));
  const FleetReport f = MergeHosts(std::move(hosts));
  EXPECT_TRUE(FleetFails(f, "info"));
  EXPECT_FALSE(FleetFails(f, "warning"));
}

TEST(FleetText, ColumnsStayApartWhateverTheirWidth) {
  std::vector<HostReport> hosts;
  hosts.push_back(Read(Report("", kLive), "a-rather-long-host-name.example.org"));
  hosts.push_back(Read(R"({"failed": true, "msg": "synlint exited 2"})", "b"));
  const FleetReport f = MergeHosts(std::move(hosts));
  std::ostringstream text;
  WriteFleetText(f, text);
  EXPECT_NE(text.str().find("\nhost                                 status       kernel          somaxconn  listeners  "
                            "errors  warnings  infos\n"
                            "a-rather-long-host-name.example.org  ok           6.1.0-28-amd64  4096       1          "
                            "0       0         0\n"
                            "b                                    failed                       -          0          "
                            "0       0         0\n"),
            std::string::npos)
      << text.str();
}

TEST(FleetHtml, IsSelfContainedAndEscapesWhatHostsSay) {
  std::vector<HostReport> hosts;
  hosts.push_back(Read(Report(Finding("SL201", "error", "<script>alert(1)</script>"), kLive), "web<b>01"));
  const FleetReport f = MergeHosts(std::move(hosts));
  std::ostringstream html;
  WriteFleetHtml(f, html);
  const std::string page = html.str();
  EXPECT_EQ(page.find("<script>alert"), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("web&lt;b&gt;01"), std::string::npos);
  // Nothing is loaded from anywhere: no src= or href= at all, and the policy forbids it.
  EXPECT_EQ(page.find("src="), std::string::npos);
  EXPECT_EQ(page.find("href="), std::string::npos);
  EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
  EXPECT_NE(page.find("<table id=\"hosts\" class=\"sortable\">"), std::string::npos);
  // The listener row: endpoint, owner, requested backlog unknown, somaxconn, limit, queue now, SYN_RECV now.
  EXPECT_NE(page.find("<td><code>127.0.0.1:80</code></td><td>nginx (nginx.service)</td>"
                      "<td class=\"n\" data-v=\"-1\" title=\"not in the report\">?</td>"
                      "<td class=\"n\" data-v=\"4096\">4096</td><td class=\"n\" data-v=\"511\">511</td>"
                      "<td class=\"n\" data-v=\"3\">3</td><td class=\"n\" data-v=\"1\">1</td>"),
            std::string::npos)
      << page;
}

}  // namespace
}  // namespace synlint
