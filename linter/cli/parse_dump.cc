// SPDX-License-Identifier: MIT
#include "linter/cli/parse_dump.h"

#include <iostream>

#include "core/file_reader.h"
#include "core/json.h"
#include "core/service.h"
#include "core/text_sink.h"
#include "linter/cli/options.h"
#include "parsers/apache/parser.h"
#include "parsers/apache/tree_dump.h"
#include "parsers/nginx/crossplane.h"
#include "parsers/nginx/loader.h"
#include "parsers/nginx/parser.h"
#include "parsers/nginx/tree_dump.h"
#include "parsers/shell/discover.h"
#include "parsers/shell/sysctl_calls.h"
#include "parsers/sysctl/parser.h"
#include "parsers/systemd/parser.h"
#include "parsers/systemd/tree_dump.h"

namespace synlint::cli {

ConfigFormat GuessFormat(const std::string& path, const std::string& text) {
  auto has = [&](const char* s) { return path.find(s) != std::string::npos; };
  if (shell::IsShellScript(path, text)) return ConfigFormat::kShell;
  if (has("sysctl")) return ConfigFormat::kSysctl;
  if (has(".socket") || has(".service") || has("systemd")) return ConfigFormat::kSystemd;
  if (has("nginx")) return ConfigFormat::kNginx;
  if (has("apache") || has("httpd")) return ConfigFormat::kApache;
  if (text.find("\n[Socket]") != std::string::npos || text.rfind("[Unit]", 0) == 0)
    return ConfigFormat::kSystemd;
  if (text.find("<VirtualHost") != std::string::npos || text.find("\nListen ") != std::string::npos)
    return ConfigFormat::kApache;
  if (text.find('{') != std::string::npos && text.find(';') != std::string::npos) return ConfigFormat::kNginx;
  return ConfigFormat::kSysctl;
}

namespace {

void WriteFindingsJson(JsonWriter& w, const std::vector<Finding>& findings) {
  w.Key("findings").BeginArray();
  for (const Finding& f : findings) {
    w.BeginObject();
    w.Key("rule").String(f.rule);
    w.Key("severity").String(SeverityName(f.severity));
    w.Key("file").String(f.location.file);
    w.Key("line").Uint(f.location.start.line);
    w.Key("column").Uint(f.location.start.column);
    w.Key("end_line").Uint(f.location.end.line);
    w.Key("end_column").Uint(f.location.end.column);
    w.Key("message").String(f.message);
    w.Key("fix").Null();
    w.EndObject();
  }
  w.EndArray();
}

void PrintSyntaxFindings(const std::vector<Finding>& findings) {
  for (const Finding& f : findings)
    std::cout << f.location.file << ":" << f.location.start.line << ":" << f.location.start.column
              << ": error: " << f.message << " [SL001]\n";
}

// Files are parsed and printed a block of whole lines (sysctl), top-level
// sections (Apache) or unit sections (systemd) at a time: a 10 MiB file's
// tree is never all in memory. nginx's tree is needed whole for its dumps.
constexpr size_t kPieceBytes = 256 * 1024;

int DumpSysctl(const SourceFile& file, const std::string& format) {
  std::vector<Finding> findings;
  auto collect_errors = [&](const sysctl::ParseResult& r, uint32_t base) {
    for (SyntaxError e : r.errors) {
      e.span.begin += base;
      e.span.end += base;
      findings.push_back(SyntaxFinding(file, e));
    }
  };
  if (format == "json") {
    JsonWriter w(std::cout);
    w.BeginObject();
    w.Key("file").String(file.path);
    w.Key("format").String(FormatName(ConfigFormat::kSysctl));
    w.Key("assignments").BeginArray();
    sysctl::ParseInBlocks(
        file.text, {.tokens = false}, kPieceBytes,
        [&](const sysctl::ParseResult& r, std::string_view block, uint32_t base) {
          for (const auto& a : r.assignments) {
            const LineCol at = file.lines().At(base + a.key.begin);
            w.BeginObject();
            w.Key("key").String(block.substr(a.key.begin, a.key.size()));
            w.Key("name").String(a.name);
            w.Key("value").String(a.text);
            w.Key("line").Uint(at.line);
            w.Key("column").Uint(at.column);
            w.Key("ignore_failure").Bool(a.ignore_failure);
            w.Key("exclusion").Bool(a.exclusion);
            w.EndObject();
          }
          collect_errors(r, base);
        });
    w.EndArray();
    WriteFindingsJson(w, findings);
    w.EndObject();
    w.Flush();
    std::cout << "\n";
  } else {
    TextSink sink(&std::cout);
    sysctl::ParseInBlocks(
        file.text, {.tokens = true}, kPieceBytes,
        [&](const sysctl::ParseResult& r, std::string_view block, uint32_t base) {
          sysctl::AppendTokens(block, r, sink.out());
          sink.Checkpoint();
          collect_errors(r, base);
        });
    sink.out()->push_back('\n');
    sink.Flush();
    PrintSyntaxFindings(findings);
  }
  return findings.empty() ? kExitClean : kExitFindings;
}

// A script's kernel settings, as parsers/shell reads them: writes, loads and what is not evaluated,
// each with its line and column.
int DumpShell(const SourceFile& file, const std::string& format) {
  const shell::Extraction x = shell::ExtractSysctlWrites(file.text);
  auto at = [&](Span s) { return file.lines().At(s.begin); };
  auto kind = [](shell::WriteKind k) {
    return k == shell::WriteKind::kSet ? "sysctl" : k == shell::WriteKind::kProcSys ? "proc-sys" : "container";
  };
  if (format == "json") {
    JsonWriter w(std::cout);
    w.BeginObject();
    w.Key("file").String(file.path);
    w.Key("format").String(FormatName(ConfigFormat::kShell));
    w.Key("writes").BeginArray();
    for (const shell::SysctlWrite& s : x.writes) {
      w.BeginObject().Key("kind").String(kind(s.kind)).Key("key").String(s.key);
      w.Key("name").String(sysctl::NormalizeKey(s.key)).Key("value").String(s.value);
      w.Key("line").Uint(at(s.key_span).line).Key("column").Uint(at(s.key_span).column);
      w.Key("value_start").Uint(s.value_span.begin).Key("value_end").Uint(s.value_span.end);
      w.Key("value_exact").Bool(s.value_exact).EndObject();
    }
    w.EndArray();
    w.Key("loads").BeginArray();
    for (const shell::SysctlLoad& l : x.loads) {
      w.BeginObject().Key("line").Uint(at(l.command).line).Key("system").Bool(l.system);
      w.Key("files").BeginArray();
      for (const std::string& f : l.files) w.String(f);
      w.EndArray().EndObject();
    }
    w.EndArray();
    w.Key("not_evaluated").BeginArray();
    for (const shell::NotEvaluated& n : x.not_evaluated)
      w.BeginObject().Key("line").Uint(at(n.span).line).Key("why").String(n.why).EndObject();
    w.EndArray();
    w.EndObject();
    w.Flush();
    std::cout << "\n";
    return kExitClean;
  }
  for (const shell::SysctlWrite& s : x.writes) {
    const LineCol c = at(s.key_span);
    std::cout << file.path << ":" << c.line << ":" << c.column << ": " << kind(s.kind) << " "
              << sysctl::NormalizeKey(s.key) << " = " << s.value << "\n";
  }
  for (const shell::SysctlLoad& l : x.loads) {
    const LineCol c = at(l.command);
    std::cout << file.path << ":" << c.line << ":" << c.column << ": load "
              << (l.system ? std::string("--system") : l.files.empty() ? std::string("/etc/sysctl.conf") : l.files.front())
              << "\n";
  }
  for (const shell::NotEvaluated& n : x.not_evaluated) {
    const LineCol c = at(n.span);
    std::cout << file.path << ":" << c.line << ":" << c.column << ": not evaluated: " << n.why << "\n";
  }
  return kExitClean;
}

// One format's text tree, streamed into `sink`; returns its errors. The tree
// dumps print no tokens, so the parse keeps none.
std::vector<SyntaxError> DumpText(ConfigFormat kind, const SourceFile& file, TextSink* sink) {
  if (kind == ConfigFormat::kNginx) {
    // A file parsed alone: the block that includes it is not known.
    nginx::ParseResult r = nginx::Parse(file, nginx::UnknownContext());
    nginx::DumpTree(r, file.text, sink);
    return std::move(r.errors);
  }
  if (kind == ConfigFormat::kApache) {
    std::vector<SyntaxError> errors;
    apache::ParseInPieces(file.text, {.tokens = false}, kPieceBytes,
                          [&](const apache::ParseResult& piece) {
                            apache::DumpTree(file.text, piece, sink);
                            errors.insert(errors.end(), piece.errors.begin(), piece.errors.end());
                          });
    return errors;
  }
  systemd::TextTreeWriter tree(sink);
  systemd::ParseInPieces(file.text, {.tokens = false}, kPieceBytes,
                         [&](const systemd::ParseResult& piece) { tree.Piece(piece); });
  tree.End();
  return tree.errors();
}

// One format's tree as JSON, streamed into `w`; returns its errors.
std::vector<SyntaxError> WriteTree(ConfigFormat kind, const SourceFile& file, JsonWriter& w) {
  if (kind == ConfigFormat::kNginx) {
    nginx::ParseResult r = nginx::Parse(file, nginx::UnknownContext());
    nginx::WriteTreeJson(w, r, file);
    return std::move(r.errors);
  }
  if (kind == ConfigFormat::kApache) {
    apache::JsonTreeWriter tree(w, file);
    apache::ParseInPieces(file.text, {.tokens = false}, kPieceBytes,
                          [&](const apache::ParseResult& piece) { tree.Piece(piece); });
    tree.End();
    return tree.errors();
  }
  systemd::JsonTreeWriter tree(w, file);
  systemd::ParseInPieces(file.text, {.tokens = false}, kPieceBytes,
                         [&](const systemd::ParseResult& piece) { tree.Piece(piece); });
  tree.End();
  return tree.errors();
}

int DumpOther(ConfigFormat kind, const SourceFile& file, const std::string& format) {
  std::vector<Finding> findings;
  if (format == "json") {
    // Streamed: the document of a 10 MiB file is hundreds of MiB.
    JsonWriter w(std::cout);
    w.BeginObject();
    w.Key("file").String(file.path);
    w.Key("format").String(FormatName(kind));
    w.Key("tree");
    for (const SyntaxError& e : WriteTree(kind, file, w)) findings.push_back(SyntaxFinding(file, e));
    WriteFindingsJson(w, findings);
    w.EndObject();
    w.Flush();
    std::cout << "\n";
  } else {
    TextSink sink(&std::cout);
    for (const SyntaxError& e : DumpText(kind, file, &sink)) findings.push_back(SyntaxFinding(file, e));
    if (!sink.Empty() && sink.Last() != '\n') sink.out()->push_back('\n');
    sink.Flush();
    PrintSyntaxFindings(findings);
  }
  return findings.empty() ? kExitClean : kExitFindings;
}

}  // namespace

int RunParse(const std::string& path, const std::string& as, const std::string& format) {
  DiskFileSystem fs(path.empty() || path[0] != '/' ? "." : "/");
  SourceSet sources(fs);
  const ReadOutcome r = sources.Read(path);
  if (r.status != ReadOutcome::Status::kOk)
    return Fail("'" + path + "': " + (r.problem.empty() ? "no such file" : r.problem));
  // `as` is one of UserFormatNames(): the option checks it.
  const ConfigFormat kind = as.empty() ? GuessFormat(path, r.file->text) : *ParseConfigFormat(as);
  if (format == "crossplane" && kind != ConfigFormat::kNginx)
    return Fail("--format crossplane is for nginx files");
  if (kind == ConfigFormat::kSysctl) return DumpSysctl(*r.file, format);
  if (kind == ConfigFormat::kShell) return DumpShell(*r.file, format);
  if (format == "crossplane") {
    // The file is named as given and includes are followed from its
    // directory, as `nginx -c FILE` and crossplane do (not its symlink's target's).
    std::string main_path;
    if (!NormalizePath(path, &main_path)) main_path = r.real_path;
    const std::string dir(DirName(main_path));
    const nginx::NginxConfig config = nginx::LoadNginx(sources, main_path, dir);
    nginx::CrossplaneOptions opts;
    opts.path_prefix = fs.Describe() == "/" ? "/" : "";
    std::cout << nginx::CrossplaneJson(config, opts) << "\n";
    return kExitClean;
  }
  return DumpOther(kind, *r.file, format);
}

}  // namespace synlint::cli
