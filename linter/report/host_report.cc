// SPDX-License-Identifier: MIT
#include "linter/report/host_report.h"

#include "linter/report/json_value.h"

namespace synlint {

std::string_view HostStatusName(HostStatus s) {
  switch (s) {
    case HostStatus::kOk: return "ok";
    case HostStatus::kFailed: return "failed";
    case HostStatus::kUnreachable: return "unreachable";
    case HostStatus::kMissing: return "missing";
  }
  return "?";
}

namespace {

bool IsSeverity(const std::string& s) { return s == "error" || s == "warning" || s == "info"; }

uint32_t Position(const JsonValue& v, std::string_view key) {
  const int64_t n = v.IntOr(key, 1);
  return n < 1 || n > 0xFFFFFFFF ? 1u : static_cast<uint32_t>(n);
}

/// A synlint JSON report (audit or check) into `out`.
bool ReadSynlintJson(const JsonValue& r, HostReport* out, std::string* what) {
  const JsonValue* findings = r.Find("findings");
  if (!findings || !findings->IsArray()) {
    *what = "not a synlint JSON report (no \"findings\" array), nor an Ansible result";
    return false;
  }
  out->tool_version = r.StringOr("version", "");
  out->kernel = r.StringOr("kernel", "");
  out->root = r.StringOr("root", "");
  out->findings.reserve(findings->items.size());
  for (size_t i = 0; i < findings->items.size(); ++i) {
    const JsonValue& f = findings->items[i];
    HostFinding h;
    h.rule = f.StringOr("rule", "");
    h.severity = f.StringOr("severity", "");
    if (!f.IsObject() || h.rule.empty() || !IsSeverity(h.severity)) {
      *what = "finding " + std::to_string(i + 1) + " has no \"rule\" or no \"severity\" of error, warning or info";
      return false;
    }
    h.name = f.StringOr("name", "");
    h.file = f.StringOr("file", "");
    h.line = Position(f, "line");
    h.column = Position(f, "column");
    h.message = f.StringOr("message", "");
    out->errors += h.severity == "error";
    out->warnings += h.severity == "warning";
    out->infos += h.severity == "info";
    out->findings.push_back(std::move(h));
  }
  const JsonValue* live = r.Find("live");
  if (live && live->IsObject()) {
    out->live = true;
    out->kernel_release = live->StringOr("kernel_release", "");
    if (const JsonValue* sysctl = live->Find("sysctl"))
      out->somaxconn = sysctl->StringOr("net.core.somaxconn", "");
    if (const JsonValue* ls = live->Find("listeners"); ls && ls->IsArray()) {
      for (const JsonValue& l : ls->items) {
        HostListener h;
        h.address = l.StringOr("address", "");
        h.port = static_cast<uint32_t>(l.IntOr("port", 0) & 0xFFFF);
        h.requested_backlog = l.IntOr("requested_backlog", -1);
        h.accept_queue_limit = l.IntOr("accept_queue_limit", 0);
        h.accept_queue_now = l.IntOr("accept_queue_now", 0);
        h.syn_recv_now = l.IntOr("syn_recv_now", 0);
        h.comm = l.StringOr("comm", "");
        h.unit = l.StringOr("unit", "");
        out->listeners.push_back(std::move(h));
      }
    }
  }
  return true;
}

}  // namespace

bool ReadHostReport(std::string_view text, const std::string& source, const std::string& host,
                    HostReport* out, std::string* err) {
  *out = HostReport();
  out->host = host;
  out->source = source;
  JsonValue doc;
  std::string what;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    *err = source + ": empty file; expected a synlint JSON report or an Ansible result";
    return false;
  }
  if (!ParseJson(text, &doc, &what)) {
    *err = source + ": " + what;
    return false;
  }
  if (!doc.IsObject()) {
    *err = source + ": expected a JSON object (a synlint report or an Ansible result)";
    return false;
  }
  // An Ansible result: a failure record, or the module's result with "report".
  const bool unreachable = doc.BoolOr("unreachable", false);
  if (unreachable || doc.BoolOr("failed", false)) {
    out->status = unreachable ? HostStatus::kUnreachable : HostStatus::kFailed;
    out->error = doc.StringOr("msg", unreachable ? "unreachable" : "failed");
    if (const std::string stderr_text = doc.StringOr("stderr", ""); !stderr_text.empty())
      out->error += ": " + stderr_text;
    return true;
  }
  const JsonValue* report = doc.Find("report");
  if (report && report->IsObject() && !doc.Find("findings")) {
    if (!ReadSynlintJson(*report, out, &what)) {
      *err = source + ": \"report\": " + what;
      return false;
    }
    return true;
  }
  if (!ReadSynlintJson(doc, out, &what)) {
    *err = source + ": " + what;
    return false;
  }
  return true;
}

}  // namespace synlint
