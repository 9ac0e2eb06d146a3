// SPDX-License-Identifier: MIT
// The payload of `crossplane parse` (github.com/nginxinc/crossplane) for a
// loaded configuration, so tools built on crossplane can read synlint output:
//   {"status": "ok"|"failed", "errors": [{"file", "error", "line"}],
//    "config": [{"file", "status", "errors": [{"error", "line"}],
//                "parsed": [{"directive", "line", "args", "includes"?, "block"?}]}]}
// As in crossplane: args have their quotes removed and only an escaped
// quote unescaped (other backslashes stay as written); the parentheses
// around an `if` condition are dropped; a *_by_lua_block body is one last
// argument, not a block; `includes` are indices into "config"; error texts
// are nginx's own (`unexpected "}"`) and end with " in FILE:LINE"; a file is
// named by the path it was included by (a symlink's name, not its target).
// Unlike crossplane, a file with a syntax error still has its directives
// listed (synlint recovers).
#pragma once

#include <string>

#include "core/json.h"
#include "parsers/nginx/loader.h"

namespace synlint::nginx {

struct CrossplaneOptions {
  /// Like `--include-comments`: comments become {"directive": "#", "line",
  /// "args": [], "comment"}; comments inside a directive follow it.
  bool include_comments = false;
  /// Put before each root-relative path in "file" ("/" gives
  /// "/etc/nginx/nginx.conf").
  std::string path_prefix = "/";
};

/// The crossplane value of a word: quotes dropped, \<quote> unescaped.
std::string CrossplaneArg(std::string_view text, const Word& w);

void WriteCrossplane(JsonWriter& w, const NginxConfig& config,
                     const CrossplaneOptions& options = {});
std::string CrossplaneJson(const NginxConfig& config, const CrossplaneOptions& options = {},
                           int indent = 4);

}  // namespace synlint::nginx
