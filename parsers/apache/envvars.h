// SPDX-License-Identifier: MIT
// Debian's /etc/apache2/envvars: a shell fragment that apache2ctl sources
// before starting httpd. Its exported variables are what `${APACHE_LOG_DIR}`
// and friends in apache2.conf resolve to.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace synlint::apache {

struct EnvVars {
  /// Variables whose value is known, by name.
  std::map<std::string, std::string> vars;
  /// Names given as "-D NAME" / "-DNAME" in APACHE_ARGUMENTS.
  std::vector<std::string> defines;
};

/// Reads `NAME=value` and `export NAME=value` lines as a flat list of
/// assignments in file order (the last one wins; `if`/`else` branches are
/// not evaluated) and `unset NAME`. Values may be quoted; `$NAME` and
/// `${NAME}` expand from earlier assignments. A value that needs anything
/// else (`${X##y}`, `$(...)`, backquotes, an unknown variable) makes the
/// variable unknown rather than guessing.
EnvVars ParseEnvVars(std::string_view text);

}  // namespace synlint::apache
