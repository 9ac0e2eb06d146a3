// SPDX-License-Identifier: MIT
// The JSON format: one object, pretty-printed with 2 spaces, keys always in
// this order (see also linter/output/FORMATS.md). Lines and columns are
// 1-based, columns and offsets count bytes, end positions are exclusive.
//
// {
//   "version": "0.1.0",                  synlint version
//   "root": "/srv/web",                  root as given on the command line
//   "kernel": "6.1",                     target kernel
//   "files": ["etc/sysctl.conf", ...],   files read, root-relative
//   "findings": [{
//     "rule": "SL104", "name": "syn-retries-outbound-only",   ("" if unknown)
//     "severity": "error" | "warning" | "info",
//     "file": "etc/sysctl.conf",
//     "line": 3, "column": 1, "end_line": 3, "end_column": 26,
//     "offset": 34, "end_offset": 59,
//     "message": "...",
//     "related": [{"file", "line", "column", "end_line", "end_column",
//                  "offset", "end_offset", "message"}],
//     "fix": null | {"title": "...",
//                    "applicability": "safe" | "unsafe" | "display-only",
//                    "edits": [{"file", "offset", "end_offset",
//                               "replacement"}]}
//   }],
//   "summary": {"files": 3, "errors": 1, "warnings": 2, "infos": 1,
//               "fixable": 2},
//   "diff": "--- a/etc/sysctl.conf\n..." | null,
//   "actions": [{"command": "sysctl --system", "reason": "...",
//                "service": "sysctl"}],
//   "live": {...}                        synlint audit only: see FORMATS.md
// }
//
// Strings are UTF-8; bytes that are not valid UTF-8 become U+FFFD.

#include "core/json.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

void WriteRange(const Location& loc, JsonWriter& w) {
  w.Key("line").Uint(loc.start.line);
  w.Key("column").Uint(loc.start.column);
  w.Key("end_line").Uint(loc.end.line);
  w.Key("end_column").Uint(loc.end.column);
  w.Key("offset").Uint(loc.span.begin);
  w.Key("end_offset").Uint(loc.span.end);
}

void WriteFix(const Fix& fix, JsonWriter& w) {
  w.BeginObject();
  w.Key("title").String(fix.title);
  w.Key("applicability").String(ApplicabilityName(fix.applicability));
  w.Key("edits").BeginArray();
  for (const TextEdit& e : fix.edits) {
    w.BeginObject();
    w.Key("file").String(e.file);
    w.Key("offset").Uint(e.span.begin);
    w.Key("end_offset").Uint(e.span.end);
    w.Key("replacement").String(e.replacement);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
}

void WriteFinding(const Report& r, const Finding& f, JsonWriter& w) {
  const RuleMeta* rule = FindRule(r, f.rule);
  w.BeginObject();
  w.Key("rule").String(f.rule);
  w.Key("name").String(rule ? rule->name : "");
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("file").String(f.location.file);
  WriteRange(f.location, w);
  w.Key("message").String(f.message);
  w.Key("related").BeginArray();
  for (const Location& rel : f.related) {
    w.BeginObject();
    w.Key("file").String(rel.file);
    WriteRange(rel, w);
    w.Key("message").String(rel.note);
    w.EndObject();
  }
  w.EndArray();
  w.Key("fix");
  if (f.fix) {
    WriteFix(*f.fix, w);
  } else {
    w.Null();
  }
  w.EndObject();
}

class JsonFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    JsonWriter w(out, 2);  // streamed: 189k findings are hundreds of MiB of JSON
    w.BeginObject();
    w.Key("version").String(r.tool_version);
    w.Key("root").String(r.root);
    w.Key("kernel").String(r.kernel);
    w.Key("files").BeginArray();
    for (const std::string& path : r.files_read) w.String(path);
    w.EndArray();
    w.Key("findings").BeginArray();
    for (const Finding& f : r.findings) WriteFinding(r, f, w);
    w.EndArray();
    const SeverityCounts c = CountSeverities(r.findings);
    w.Key("summary").BeginObject();
    w.Key("files").Uint(r.files_count);
    w.Key("errors").Uint(c.errors);
    w.Key("warnings").Uint(c.warnings);
    w.Key("infos").Uint(c.infos);
    w.Key("fixable").Uint(r.fixes_available);
    w.Key("suppressed").Uint(r.suppressed);
    w.EndObject();
    WriteDiffAndActions(w, r.diff, r.actions);
    if (r.live) {
      w.Key("live");
      WriteLiveState(w, *r.live);
    }
    w.EndObject();
    w.Flush();
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeJsonFormatter() {
  return std::make_unique<JsonFormatter>();
}

}  // namespace synlint
