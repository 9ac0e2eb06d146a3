// SPDX-License-Identifier: MIT
// reviewdog's Diagnostic Format as one JSON object (`reviewdog -f=rdjson`),
// checked against reviewdog's DiagnosticResult JSON schema
// (tests/output/schemas/rdjson.schema.json).
//
// {"source": {"name": "synlint", "url": "..."},
//  "diagnostics": [{
//    "message": "...", "severity": "ERROR" | "WARNING" | "INFO",
//    "location": {"path": "etc/nginx/nginx.conf",
//                 "range": {"start": {"line": 5, "column": 13}, "end": {"line": 5, "column": 25}}},
//    "code": {"value": "SL201", "url": "<rule doc>"},
//    "suggestions": [{"range": {...}, "text": "4096"}],
//    "related_locations": [{"message": "...", "location": {...}}]}]}
//
// Like reviewdog, columns count bytes (UTF-8) and ranges end exclusively.
// Paths are shown as in the other formats. A finding about a whole file has
// no range. A fix becomes suggestions when all its edits are in the
// finding's file (reviewdog suggests changes to that file only) and it is
// not display-only.

#include "core/json.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

constexpr std::string_view kSourceUrl = "https://github.com/synlint/synlint";

std::string_view RdSeverity(Severity s) {
  switch (s) {
    case Severity::kError: return "ERROR";
    case Severity::kWarning: return "WARNING";
    case Severity::kInfo: return "INFO";
  }
  return "WARNING";
}

void WritePosition(std::string_view key, LineCol at, JsonWriter& w) {
  w.Key(key).BeginObject().Key("line").Uint(at.line).Key("column").Uint(at.column).EndObject();
}

void WriteRange(LineCol start, LineCol end, JsonWriter& w) {
  w.Key("range").BeginObject();
  WritePosition("start", start, w);
  WritePosition("end", end, w);
  w.EndObject();
}

void WriteLocation(const Report& r, const Location& loc, JsonWriter& w) {
  w.Key("location").BeginObject();
  w.Key("path").String(loc.file);
  if (HasPosition(r, loc) && loc.start.line > 0) WriteRange(loc.start, loc.end, w);
  w.EndObject();
}

/// The fix as suggestions, when reviewdog can show it (see the top).
void WriteSuggestions(const Report& r, const Finding& f, JsonWriter& w) {
  if (!f.fix || f.fix->edits.empty() || f.fix->applicability == Applicability::kDisplayOnly) return;
  const SourceFile* file = FindSource(r, f.location.file);
  if (file == nullptr) return;
  for (const TextEdit& e : f.fix->edits) {
    if (e.file != f.location.file || e.span.end > file->text.size()) return;
  }
  w.Key("suggestions").BeginArray();
  for (const TextEdit& e : f.fix->edits) {
    const Location at = MakeLocation(*file, e.span);
    w.BeginObject();
    WriteRange(at.start, at.end, w);
    w.Key("text").String(e.replacement);
    w.EndObject();
  }
  w.EndArray();
}

void WriteDiagnostic(const Report& r, const Finding& f, JsonWriter& w) {
  w.BeginObject();
  w.Key("message").String(f.message);
  w.Key("severity").String(RdSeverity(f.severity));
  WriteLocation(r, f.location, w);
  w.Key("code").BeginObject().Key("value").String(f.rule);
  if (const RuleMeta* rule = FindRule(r, f.rule)) {
    if (const std::string uri = RuleHelpUri(r, *rule); !uri.empty()) w.Key("url").String(uri);
  }
  w.EndObject();
  WriteSuggestions(r, f, w);
  if (!f.related.empty()) {
    w.Key("related_locations").BeginArray();
    for (const Location& rel : f.related) {
      w.BeginObject();
      w.Key("message").String(rel.note);
      WriteLocation(r, rel, w);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject();
}

class RdjsonFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    JsonWriter w(out, 2);
    w.BeginObject();
    w.Key("source").BeginObject().Key("name").String("synlint").Key("url").String(kSourceUrl).EndObject();
    w.Key("diagnostics").BeginArray();
    for (const Finding& f : r.findings) WriteDiagnostic(r, f, w);
    w.EndArray();
    w.EndObject();
    w.Flush();
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeRdjsonFormatter() {
  return std::make_unique<RdjsonFormatter>();
}

}  // namespace synlint
