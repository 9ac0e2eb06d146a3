// SPDX-License-Identifier: MIT
// What the parser knows about well-known nginx directives: whether they take
// a block and how many arguments they accept. Only used to word syntax errors
// precisely ("is not terminated by ';'") and to recover from a missing ';';
// unknown directives are always accepted.
#pragma once

#include <cstdint>
#include <string_view>

namespace synlint::nginx {

enum DirectiveFlags : uint8_t {
  kTakesBlock = 1,  // "http", "server", "location", ...
  /// The block holds entries, not directives ("map", "types", "geo", ...).
  kRawBlock = 2,
};

struct DirectiveInfo {
  std::string_view name;
  uint8_t flags = 0;
  uint8_t min_args = 0;
  uint8_t max_args = 0;  // kAnyArgs when unbounded
};
inline constexpr uint8_t kAnyArgs = 255;

/// The entry for `name`, or null for a directive this table does not know.
/// `parent` is the name of the enclosing block ("" at the top): "server"
/// inside "upstream" is a plain directive.
const DirectiveInfo* FindDirective(std::string_view name, std::string_view parent);
/// The entry for `name` when the enclosing block is unknown (the top level
/// of a file parsed alone): null for a name whose entry depends on it.
const DirectiveInfo* FindDirectiveInAnyContext(std::string_view name);
/// True when the table has other entries inside a block of this name
/// ("upstream").
bool ParentChangesDirectives(std::string_view parent);

/// True for the parameters `listen` accepts after the address
/// ("ssl", "backlog=511", "reuseport", ...).
bool IsListenParameter(std::string_view arg);

}  // namespace synlint::nginx
