// SPDX-License-Identifier: MIT
// GitLab Code Quality: the subset of Code Climate's issue format that GitLab
// reads from `artifacts: reports: codequality` (docs.gitlab.com, "Code
// Quality report format"); checked against tests/output/schemas/
// gitlab-codequality.json.
//
// [{"description": "SL201: MESSAGE", "check_name": "SL201",
//   "fingerprint": "5d1c...", "severity": "critical",
//   "location": {"path": "etc/nginx/nginx.conf", "lines": {"begin": 5, "end": 5}}}]
//
// Paths are relative to the repository root (GitLab links them into the
// checkout). Severities: error → critical, warning → major, info → info.
// The fingerprint is the one SARIF gives (fingerprint.h): it stays when lines
// move, so GitLab tells new issues from old ones.

#include "core/json.h"
#include "linter/output/fingerprint.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

std::string_view GitlabSeverity(Severity s) {
  switch (s) {
    case Severity::kError: return "critical";
    case Severity::kWarning: return "major";
    case Severity::kInfo: return "info";
  }
  return "major";
}

class GitlabFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    const std::vector<std::string> prints = FindingFingerprints(r);
    JsonWriter w(out, 2);
    w.BeginArray();
    for (size_t i = 0; i < r.findings.size(); ++i) {
      const Finding& f = r.findings[i];
      std::string path;
      RootRelativePath(r, f.location.file, &path);
      const bool positioned = HasPosition(r, f.location) && f.location.start.line > 0;
      const uint32_t begin = positioned ? f.location.start.line : 1;
      const uint32_t end = positioned && f.location.end.line >= begin ? f.location.end.line : begin;
      w.BeginObject();
      w.Key("description").String(f.rule + ": " + f.message);
      w.Key("check_name").String(f.rule);
      w.Key("fingerprint").String(prints[i]);
      w.Key("severity").String(GitlabSeverity(f.severity));
      w.Key("location").BeginObject();
      w.Key("path").String(path);
      w.Key("lines").BeginObject().Key("begin").Uint(begin).Key("end").Uint(end).EndObject();
      w.EndObject();
      w.EndObject();
    }
    w.EndArray();
    w.Flush();
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeGitlabFormatter() {
  return std::make_unique<GitlabFormatter>();
}

}  // namespace synlint
