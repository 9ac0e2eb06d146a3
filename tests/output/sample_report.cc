// SPDX-License-Identifier: MIT
#include "tests/output/sample_report.h"

#include <stdexcept>

namespace synlint {

Location LocationOf(const SourceFile& file, std::string_view needle,
                    std::string note) {
  const size_t at = file.text.find(needle);
  if (at == std::string::npos) throw std::logic_error("needle not in file");
  const Span span{static_cast<uint32_t>(at),
                  static_cast<uint32_t>(at + needle.size())};
  return MakeLocation(file, span, std::move(note));
}

namespace {

constexpr std::string_view kSysctl =
    "# kernel settings\n"
    "net.core.somaxconn = 128\n"
    "net.ipv4.tcp_syncookies=0\n";

constexpr std::string_view kNginx =
    "events {}\r\n"
    "http {\r\n"
    "\tserver {\r\n"
    "\t\tserver_name café.example;\r\n"
    "\t\tlisten 80 backlog=4096;\r\n"
    "\t}\r\n"
    "}\r\n";

const std::vector<RuleMeta> kRules = {
    {"SL002", "unreadable-file", Severity::kError,
     "a config file could not be read", FixAvailability::kNone, "0.1.0",
     "rules/input/SL002.md"},
    {"SL104", "syncookies-disabled", Severity::kWarning,
     "'net.ipv4.tcp_syncookies' is 0", FixAvailability::kAlways, "0.1.0",
     "rules/sysctl/SL104.md"},
    {"SL201", "backlog-above-somaxconn", Severity::kError,
     "a listen backlog is above 'net.core.somaxconn'",
     FixAvailability::kSometimes, "0.1.0", "rules/listen/SL201.md"},
    {"SL205", "server-name-not-ascii", Severity::kInfo,
     "a server name holds non-ASCII characters", FixAvailability::kNone,
     "0.1.0", ""},
};

Report BaseReport(const SourceSet& sources) {
  Report r;
  r.sources = &sources;
  r.rules = kRules;
  r.root = "/srv/web host";
  r.kernel = "6.1";
  r.tool_version = "0.1.0";
  return r;
}

}  // namespace

std::unique_ptr<SampleReport> MakeSampleReport() {
  auto s = std::make_unique<SampleReport>();
  s->fs.AddFile("etc/sysctl.conf", std::string(kSysctl));
  s->fs.AddFile("etc/nginx/nginx.conf", std::string(kNginx));
  s->fs.AddFile("etc/sysctl.d/10-network.conf", "net.ipv4.ip_forward = 0");
  s->fs.AddFile("etc/sysctl.d/99-local.conf", "x = 1\n");
  s->fs.SetUnreadable("etc/sysctl.d/99-local.conf");
  const SourceFile& sysctl = *s->sources.Read("etc/sysctl.conf").file;
  const SourceFile& nginx = *s->sources.Read("etc/nginx/nginx.conf").file;
  s->sources.Read("etc/sysctl.d/10-network.conf");

  Report r = BaseReport(s->sources);
  r.files_read = {"etc/nginx/nginx.conf", "etc/sysctl.conf",
                  "etc/sysctl.d/10-network.conf"};
  r.files_count = 4;

  Finding name;
  name.rule = "SL205";
  name.severity = Severity::kInfo;
  name.location = LocationOf(nginx, "café.example");
  name.message = "'server_name' 'café.example' is not ASCII";
  r.findings.push_back(name);

  Finding backlog;
  backlog.rule = "SL201";
  backlog.severity = Severity::kError;
  backlog.location = LocationOf(nginx, "backlog=4096");
  backlog.message =
      "listen backlog 4096 is above 'net.core.somaxconn' (128); the kernel "
      "caps the accept queue at 128";
  backlog.related.push_back(LocationOf(sysctl, "net.core.somaxconn = 128",
                                       "'net.core.somaxconn' is set here"));
  Fix raise;
  raise.title = "set 'net.core.somaxconn = 4096'";
  raise.applicability = Applicability::kUnsafe;
  raise.edits.push_back({"etc/sysctl.conf", LocationOf(sysctl, "128").span, "4096"});
  backlog.fix = raise;
  r.findings.push_back(backlog);

  Finding cookies;
  cookies.rule = "SL104";
  cookies.severity = Severity::kWarning;
  cookies.location = LocationOf(sysctl, "net.ipv4.tcp_syncookies=0");
  cookies.message = "'net.ipv4.tcp_syncookies' is 0; a SYN flood fills the SYN queue";
  Fix enable;
  enable.title = "set 'net.ipv4.tcp_syncookies = 1'";
  enable.edits.push_back({"etc/sysctl.conf", LocationOf(sysctl, "=0").span, "=1"});
  cookies.fix = enable;
  r.findings.push_back(cookies);

  Finding unreadable;
  unreadable.rule = "SL002";
  unreadable.severity = Severity::kError;
  unreadable.location.file = "etc/sysctl.d/99-local.conf";
  unreadable.message = "cannot read: permission denied";
  r.findings.push_back(unreadable);

  // Hidden by a comment with a reason: SARIF lists it with suppressions[].
  Finding hidden;
  hidden.rule = "SL104";
  hidden.severity = Severity::kWarning;
  hidden.location = LocationOf(sysctl, "net.core.somaxconn = 128");
  hidden.message = "suppressed sample finding";
  r.suppressed_findings.push_back({hidden, true, "the load balancer caps connections", ""});
  r.suppressed = 1;
  r.notifications.push_back("'notes.conf' belongs to no host in '.synlint.yaml'; not checked");
  r.exit_code = 1;
  r.rule_doc = [](const RuleMeta& rule) -> std::string_view {
    return rule.id == "SL104" ? "# SL104 syncookies-disabled\n\nWhy it matters.\n" : "";
  };

  r.fixes_available = 2;
  r.diff =
      "--- a/etc/sysctl.conf\n+++ b/etc/sysctl.conf\n@@ -1,3 +1,3 @@\n"
      " # kernel settings\n-net.core.somaxconn = 128\n-net.ipv4.tcp_syncookies=0\n"
      "+net.core.somaxconn = 4096\n+net.ipv4.tcp_syncookies=1\n";
  r.actions.push_back({"sysctl --system", "load the changed kernel settings",
                       "sysctl"});
  r.actions.push_back({"systemctl restart nginx",
                       "nginx calls listen() again only when 'backlog=' "
                       "changes, so a raised somaxconn needs a restart",
                       "nginx"});
  s->report = std::move(r);
  return s;
}

std::unique_ptr<SampleReport> MakeNastyReport() {
  auto s = std::make_unique<SampleReport>();
  const std::string path = "etc/a,b:c%d <&>.conf";
  s->fs.AddFile(path, "key = \"va\tl\x1b[31m\xff\"\n");
  const SourceFile& file = *s->sources.Read(path).file;

  Report r = BaseReport(s->sources);
  r.root = "relative/root";
  r.files_read = {path};
  r.files_count = 1;

  Finding f;
  f.rule = "SL104";
  f.severity = Severity::kWarning;
  f.location = LocationOf(file, "\"va");
  f.message = "value \"a\\b\" has 'quotes' & <tags>,\n"
              "a new line\r, 100% bad \xff\xfe bytes and \x1b[31mescapes";
  f.related.push_back(LocationOf(file, "key", "note with \"quotes\"\nand a newline"));
  Fix fix;
  fix.title = "replace with \"<ok>\" & 50%";
  fix.applicability = Applicability::kDisplayOnly;
  fix.edits.push_back({path, f.location.span, "\"ok\"\n"});
  f.fix = fix;
  r.findings.push_back(f);
  r.fixes_available = 0;
  r.actions.push_back({"echo \"a\nb\"", "reason\twith tab", "svc"});
  s->report = std::move(r);
  return s;
}

}  // namespace synlint
