// SPDX-License-Identifier: MIT
// SARIF 2.1.0 (OASIS), checked against the 2.1.0 JSON schema by
// tests/output (see tools/install_sarif_validator.sh). One run; every known
// rule is listed in tool.driver.rules and results point to it by ruleIndex.
//
// Paths are root-relative URIs under the base "%SRCROOT%", defined in
// originalUriBaseIds when the root is absolute (in repository mode the root is
// the repository, and paths shown relative to the current directory are made
// relative to it); a path outside the root is an absolute file: URI. SARIF counts columns in
// characters, not bytes: the run says "utf16CodeUnits" and columns are
// converted from the source line when the file's text is at hand (they equal
// the byte columns for ASCII lines). byteOffset/byteLength carry the exact
// span. Fixes are byte-range replacements; their applicability goes in the
// fix's property bag.
//
// Rules carry their doc as `help` and a `helpUri`; results carry a
// `partialFingerprints` entry that survives line moves (fingerprint.h);
// suppressed findings are results with `suppressions`; the one invocation
// says how the run ended and what it warned about.

#include "core/json.h"
#include "linter/output/escape.h"
#include "linter/output/fingerprint.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/synlint/synlint";
constexpr std::string_view kBaseId = "%SRCROOT%";
constexpr std::string_view kFingerprintKey = "synlint/v1";

std::string_view Level(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "note";
  }
  return "warning";
}

// The 1-based UTF-16 column of `at` (whose column counts bytes).
uint32_t CharColumn(const SourceFile* file, LineCol at) {
  if (at.column == 0) return 1;  // not from MakeLocation; SARIF needs >= 1
  if (file == nullptr) return at.column;
  const std::string_view text = file->text;
  const uint32_t start = file->lines().LineStart(at.line);
  if (start > text.size()) return at.column;
  const std::string_view prefix = text.substr(start, at.column - 1);
  return Utf16Length(prefix) + 1;
}

uint32_t AtLeastOne(uint32_t n) { return n == 0 ? 1 : n; }

void WriteArtifact(const Report& r, const std::string& path, JsonWriter& w) {
  std::string rel;
  const bool inside = RootRelativePath(r, path, &rel);
  w.Key("artifactLocation").BeginObject();
  if (inside) {
    w.Key("uri").String(PathToUri(rel));
    w.Key("uriBaseId").String(kBaseId);
  } else {
    w.Key("uri").String("file://" + PathToUri(rel));
  }
  w.EndObject();
}

void WriteByteRegion(Span span, JsonWriter& w) {
  w.Key("byteOffset").Uint(span.begin);
  w.Key("byteLength").Uint(span.size());
}

void WritePhysical(const Report& r, const Location& loc, JsonWriter& w) {
  w.Key("physicalLocation").BeginObject();
  WriteArtifact(r, loc.file, w);
  if (HasPosition(r, loc)) {
    const SourceFile* file = FindSource(r, loc.file);
    w.Key("region").BeginObject();
    w.Key("startLine").Uint(AtLeastOne(loc.start.line));
    w.Key("startColumn").Uint(CharColumn(file, loc.start));
    w.Key("endLine").Uint(AtLeastOne(loc.end.line));
    w.Key("endColumn").Uint(CharColumn(file, loc.end));
    WriteByteRegion(loc.span, w);
    w.EndObject();
  }
  w.EndObject();
}

void WriteMessage(std::string_view key, std::string_view text, JsonWriter& w) {
  w.Key(key).BeginObject().Key("text").String(text).EndObject();
}

void WriteRule(const Report& r, const RuleMeta& rule, JsonWriter& w) {
  w.BeginObject();
  w.Key("id").String(rule.id);
  w.Key("name").String(rule.name);
  WriteMessage("shortDescription", rule.summary, w);
  WriteMessage("fullDescription", rule.summary, w);
  if (const std::string uri = RuleHelpUri(r, rule); !uri.empty())
    w.Key("helpUri").String(uri);
  if (const std::string_view doc = r.rule_doc ? r.rule_doc(rule) : ""; !doc.empty()) {
    w.Key("help").BeginObject();
    w.Key("text").String(doc);
    w.Key("markdown").String(doc);
    w.EndObject();
  }
  w.Key("defaultConfiguration").BeginObject();
  w.Key("level").String(Level(rule.severity));
  w.EndObject();
  w.EndObject();
}

void WriteFix(const Report& r, const Fix& fix, JsonWriter& w) {
  w.BeginObject();
  WriteMessage("description", fix.title, w);
  w.Key("artifactChanges").BeginArray();
  // Edits are sorted by file: one artifactChange per run of the same file.
  for (size_t i = 0; i < fix.edits.size();) {
    const std::string& file = fix.edits[i].file;
    w.BeginObject();
    WriteArtifact(r, file, w);
    w.Key("replacements").BeginArray();
    for (; i < fix.edits.size() && fix.edits[i].file == file; ++i) {
      w.BeginObject();
      w.Key("deletedRegion").BeginObject();
      WriteByteRegion(fix.edits[i].span, w);
      w.EndObject();
      WriteMessage("insertedContent", fix.edits[i].replacement, w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("properties").BeginObject();
  w.Key("applicability").String(ApplicabilityName(fix.applicability));
  w.EndObject();
  w.EndObject();
}

/// How a suppressed result was suppressed.
struct Suppression {
  bool in_source = true;
  std::string_view justification;
};

void WriteSuppressions(const Suppression& s, JsonWriter& w) {
  w.Key("suppressions").BeginArray().BeginObject();
  w.Key("kind").String(s.in_source ? "inSource" : "external");
  if (!s.justification.empty()) w.Key("justification").String(s.justification);
  w.EndObject().EndArray();
}

void WriteResult(const Report& r, const Finding& f, std::string_view fingerprint, std::string_view host,
                 const Suppression* suppression, JsonWriter& w) {
  w.BeginObject();
  w.Key("ruleId").String(f.rule);
  if (const int index = FindRuleIndex(r, f.rule); index >= 0)
    w.Key("ruleIndex").Int(index);
  w.Key("level").String(Level(f.severity));
  WriteMessage("message", f.message, w);
  w.Key("locations").BeginArray().BeginObject();
  WritePhysical(r, f.location, w);
  w.EndObject().EndArray();
  if (!f.related.empty()) {
    w.Key("relatedLocations").BeginArray();
    for (size_t i = 0; i < f.related.size(); ++i) {
      w.BeginObject();
      w.Key("id").Uint(i);
      WritePhysical(r, f.related[i], w);
      WriteMessage("message", f.related[i].note, w);
      w.EndObject();
    }
    w.EndArray();
  }
  if (f.fix && !f.fix->edits.empty() && suppression == nullptr) {
    w.Key("fixes").BeginArray();
    WriteFix(r, *f.fix, w);
    w.EndArray();
  }
  w.Key("partialFingerprints").BeginObject().Key(kFingerprintKey).String(fingerprint).EndObject();
  if (suppression) WriteSuppressions(*suppression, w);
  if (!host.empty()) w.Key("properties").BeginObject().Key("host").String(host).EndObject();
  w.EndObject();
}

/// The one invocation: it ended as `exit_code` says (the report is only
/// written when the run did not fail), with the warnings it printed.
void WriteInvocation(const Report& r, JsonWriter& w) {
  w.Key("invocations").BeginArray().BeginObject();
  w.Key("executionSuccessful").Bool(true);
  w.Key("exitCode").Int(r.exit_code);
  if (!r.notifications.empty()) {
    w.Key("toolExecutionNotifications").BeginArray();
    for (const std::string& note : r.notifications) {
      w.BeginObject();
      w.Key("level").String("warning");
      WriteMessage("message", note, w);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject().EndArray();
}

// "file:///srv/web/" for an absolute root; "" otherwise.
std::string RootUri(const std::string& root) {
  if (root.empty() || root[0] != '/') return "";
  std::string uri = "file://" + PathToUri(root);
  if (uri.back() != '/') uri.push_back('/');
  return uri;
}

class SarifFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    JsonWriter w(out, 2);  // streamed: 189k findings are hundreds of MiB of JSON
    w.BeginObject();
    w.Key("$schema").String(kSchema);
    w.Key("version").String("2.1.0");
    w.Key("runs").BeginArray().BeginObject();
    w.Key("tool").BeginObject().Key("driver").BeginObject();
    w.Key("name").String("synlint");
    if (!r.tool_version.empty()) w.Key("version").String(r.tool_version);
    w.Key("informationUri").String(kInformationUri);
    w.Key("rules").BeginArray();
    for (const RuleMeta& rule : r.rules) WriteRule(r, rule, w);
    w.EndArray();
    w.EndObject().EndObject();
    WriteInvocation(r, w);
    if (const std::string root = RootUri(r.root); !root.empty()) {
      w.Key("originalUriBaseIds").BeginObject();
      w.Key(kBaseId).BeginObject().Key("uri").String(root).EndObject();
      w.EndObject();
    }
    w.Key("columnKind").String("utf16CodeUnits");
    w.Key("results").BeginArray();
    const std::vector<std::string> prints = FindingFingerprints(r);
    for (size_t i = 0; i < r.findings.size(); ++i)
      WriteResult(r, r.findings[i], prints[i], HostOf(r, i), nullptr, w);
    const std::vector<std::string> hidden = SuppressedFingerprints(r);
    for (size_t i = 0; i < r.suppressed_findings.size(); ++i) {
      const SuppressedFinding& s = r.suppressed_findings[i];
      const Suppression how{s.in_source, s.justification};
      WriteResult(r, s.finding, hidden[i], s.host, &how, w);
    }
    w.EndArray();
    w.EndObject().EndArray();
    w.EndObject();
    w.Flush();
    out << '\n';
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeSarifFormatter() {
  return std::make_unique<SarifFormatter>();
}

}  // namespace synlint
