// SPDX-License-Identifier: MIT
#include "linter/output/json_finding.h"

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

}  // namespace

void WriteJsonFinding(const Report& r, const Finding& f, std::string_view host, JsonWriter& w) {
  const RuleMeta* rule = FindRule(r, f.rule);
  w.BeginObject();
  w.Key("rule").String(f.rule);
  w.Key("name").String(rule ? rule->name : "");
  w.Key("severity").String(SeverityName(f.severity));
  w.Key("host");
  if (host.empty()) {
    w.Null();
  } else {
    w.String(host);
  }
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

}  // namespace synlint
