// SPDX-License-Identifier: MIT
// The JSON format: one object, pretty-printed with 2 spaces, keys always in
// this order (see also linter/output/FORMATS.md). Lines and columns are
// 1-based, columns and offsets count bytes, end positions are exclusive.
//
// {
//   "schema_version": 2,                 this layout's version (FORMATS.md)
//   "version": "0.1.0",                  synlint version
//   "root": "/srv/web",                  root as given on the command line
//   "kernel": "6.1",                     target kernel
//   "files": ["etc/sysctl.conf", ...],   files read, root-relative
//   "findings": [{
//     "rule": "SL104", "name": "syn-retries-outbound-only",   ("" if unknown)
//     "severity": "error" | "warning" | "info",
//     "host": "web" | null,              its host of .synlint.yaml
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
#include "linter/output/json_finding.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

class JsonFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    JsonWriter w(out, 2);  // streamed: 189k findings are hundreds of MiB of JSON
    w.BeginObject();
    w.Key("schema_version").Uint(kJsonSchemaVersion);
    w.Key("version").String(r.tool_version);
    w.Key("root").String(r.root);
    w.Key("kernel").String(r.kernel);
    w.Key("files").BeginArray();
    for (const std::string& path : r.files_read) w.String(path);
    w.EndArray();
    w.Key("findings").BeginArray();
    for (size_t i = 0; i < r.findings.size(); ++i) WriteJsonFinding(r, r.findings[i], HostOf(r, i), w);
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
