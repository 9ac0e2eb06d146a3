// SPDX-License-Identifier: MIT
// Loading an nginx configuration: the main file and everything it includes,
// each file read once through the SourceSet, plus a walker that visits the
// directives in the order nginx applies them (includes expanded in place).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"
#include "parsers/nginx/parser.h"

namespace synlint::nginx {

/// The files one `include` directive pulled in.
struct IncludeEdge {
  uint32_t directive = 0;       // index into the including file's directives
  std::vector<uint32_t> files;  // indices into NginxConfig::files, in glob order
};

struct NginxFile {
  const SourceFile* source = nullptr;  // owned by the SourceSet
  /// The block the file's first include sits in (the main context for the
  /// main file); `parse` is the file parsed in it. A file included in
  /// blocks with other rules is checked in those too (their syntax errors
  /// are in NginxConfig::findings), as nginx parses it at each include.
  ParseContext context;
  /// The path nginx and crossplane name the file by: the main path as asked
  /// for, else the path of the first include that reached it (a glob's
  /// match, `sites-enabled/default`, not the target of that symlink).
  std::string include_path;
  ParseResult parse;
  std::vector<IncludeEdge> includes;  // sorted by directive
  /// On an include cycle the loader reported; WalkConfig walks it once.
  bool in_cycle = false;
  /// The files included by directive `d`, or null when `d` is no include.
  const std::vector<uint32_t>* IncludesOf(uint32_t d) const;
};

struct NginxConfig {
  std::string main_path;  // root-relative, as asked for
  std::string prefix;     // directory relative includes are resolved against
  bool main_found = false;
  /// files[0] is the main file; then included files in the order they were
  /// first read (breadth-first, as crossplane numbers them).
  std::vector<NginxFile> files;
  /// SL001 (syntax, include arguments) and SL002 (missing or unusable
  /// includes, include cycles), in the order found.
  std::vector<Finding> findings;
};

/// Loads `main_path` (root-relative) and, recursively, its includes.
/// Relative include paths are resolved against `prefix`, which defaults to
/// the directory of the main file (nginx's conf prefix); absolute ones are
/// taken inside the root. An include whose glob matches nothing is fine; a
/// missing plain include and an include cycle are SL002.
NginxConfig LoadNginx(SourceSet& sources, const std::string& main_path,
                      const std::string& prefix = "");

/// One directive seen by a ConfigVisitor.
struct WalkItem {
  uint32_t file = 0;       // index into NginxConfig::files
  uint32_t directive = 0;  // index into that file's directives
  std::string_view name;   // as nginx sees it
  const NginxFile* nginx_file = nullptr;
  const Directive& dir() const { return nginx_file->parse.directives[directive]; }
  const SourceFile& source() const { return *nginx_file->source; }
};

class ConfigVisitor {
 public:
  virtual ~ConfigVisitor() = default;
  /// Called for every directive except `include`; return true to walk into
  /// its block (Lua blocks have none).
  virtual bool Enter(const WalkItem& item) = 0;
  /// Called after the block of a directive Enter() returned true for.
  virtual void Leave(const WalkItem& item) { (void)item; }
};

/// Visits the configuration from the main file, expanding each include in
/// place. Includes that would form a cycle are skipped, a file on a cycle is
/// walked once, and the walk stops after kMaxWalkDirectives directives and
/// include targets. Iterative, so deep nesting cannot exhaust the stack.
void WalkConfig(const NginxConfig& config, ConfigVisitor& visitor);

}  // namespace synlint::nginx
