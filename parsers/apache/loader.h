// SPDX-License-Identifier: MIT
// Reads an Apache httpd configuration the way httpd does at startup: the
// main file, then every Include/IncludeOptional in place, with Define,
// ${VAR}, ServerRoot, LoadModule and the <IfModule>/<IfDefine>/<IfFile>
// conditions applied in file order. Directives that httpd would execute are
// handed to a visitor; nothing here knows about listeners.
//
// Choices (each one has a test in tests/parsers/apache/loader_test.cc):
// - Paths are root-relative: an absolute Include or ServerRoot is taken
//   below the root, a relative one below the current ServerRoot.
// - Include of a missing file, or of a wildcard that matches nothing, is an
//   SL002 error (httpd 2.4 refuses to start). IncludeOptional of a wildcard
//   that matches nothing (or whose directory is missing), or of a missing
//   file (httpd >= 2.4.30), is silently empty. A directory include reads
//   every entry, sorted by name, recursively.
// - An include cycle is SL002 at the Include that closes the cycle.
// - ${VAR} resolves from Define, then from the environment (envvars). An
//   unknown ${VAR} stays as written and is never an error; an Include whose
//   path stays unknown is skipped silently.
// - ${VAR} is substituted per argument; httpd substitutes the whole line
//   before splitting it into words (differs only when a value has blanks).
// - <IfModule>: true for a module loaded so far with LoadModule or compiled
//   into Debian's or Red Hat's httpd (core, so, http_core, watchdog,
//   log_config, logio, version, unixd). When the answer is unknown (the name
//   holds an unknown ${VAR}, or an Include or LoadModule could not be read)
//   the contents are included.
// - <IfDefine>: Define'd names plus -D flags from APACHE_ARGUMENTS.
//   <IfFile> checks the file below the root. <IfVersion>, <IfDirective> and
//   <IfSection> are unknown, so their contents are included.
// - <Macro> bodies are templates, not executed, so they are skipped.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/config_format.h"
#include "core/file_reader.h"
#include "core/finding.h"
#include "parsers/apache/parser.h"

namespace synlint::apache {

struct LoadOptions {
  std::string main_file;     // root-relative ("etc/apache2/apache2.conf")
  std::string server_root;   // ServerRoot until a directive changes it
  std::string envvars_file;  // optional shell fragment with exports ("" = none)
};

/// A directive httpd would execute, in the order it would.
struct ActiveDirective {
  const SourceFile* file = nullptr;
  const Directive* directive = nullptr;
  /// The arguments as written (in the file's ParseResult::words).
  std::span<const Word> words;
  /// Argument values with quotes, escapes and known ${VAR}s resolved.
  std::vector<std::string> args;
  /// Per argument: still holds a ${VAR} that is not known.
  std::vector<bool> opaque;
  /// Innermost enclosing section that is a context ("VirtualHost",
  /// "Directory", ...); "" for the server config. Conditional sections
  /// (<IfModule> and the like) are not contexts.
  std::string section;

  std::string_view Name() const { return directive->Name(file->text); }
};

class DirectiveVisitor {
 public:
  virtual ~DirectiveVisitor() = default;
  /// Called for plain directives and for context sections (before their
  /// contents); never for conditional sections.
  virtual void OnDirective(const ActiveDirective& d) = 0;
};

struct LoadResult {
  /// Files read, each once, in the order first read: {path, format}. The
  /// envvars file has format kApacheEnvvars.
  std::vector<std::pair<std::string, ConfigFormat>> files;
  /// SL001 for syntax errors in any file read, SL002 for file problems.
  std::vector<Finding> findings;
  /// Module names known to be loaded at the end ("ssl_module", "mod_ssl.c").
  std::set<std::string> modules;
  /// Defines at the end: name -> value (nullopt for `Define NAME`).
  std::map<std::string, std::optional<std::string>> defines;
  std::string server_root;  // at the end
};

/// Loads `options.main_file` with everything it includes.
LoadResult LoadConfig(SourceSet& sources, const LoadOptions& options,
                      DirectiveVisitor* visitor);

/// Replaces each ${NAME} whose value `lookup` knows; sets *opaque when one
/// stays unresolved (as in httpd's ap_resolve_env()).
template <typename Lookup>
std::string SubstituteVars(std::string_view value, const Lookup& lookup,
                           bool* opaque) {
  std::string out;
  size_t i = 0;
  while (i < value.size()) {
    const size_t start = value.find("${", i);
    if (start == std::string_view::npos) break;
    const size_t close = value.find('}', start + 2);
    if (close == std::string_view::npos) break;
    out.append(value.substr(i, start - i));
    const std::string_view name = value.substr(start + 2, close - start - 2);
    if (const std::string* v = lookup(name)) {
      out += *v;
    } else {
      out.append(value.substr(start, close + 1 - start));
      *opaque = true;
    }
    i = close + 1;
  }
  out.append(value.substr(i));
  return out;
}

}  // namespace synlint::apache
