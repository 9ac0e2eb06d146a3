// SPDX-License-Identifier: MIT
// The shell scripts of a root that may set kernel settings (issue #23), and when they run:
// etc/rc.local and the network hooks (etc/network/if-up.d/, if-pre-up.d/, NetworkManager's
// dispatcher.d/) at every boot, after systemd-sysctl; the admin's own scripts (usr/local/sbin/,
// usr/local/bin/, root/, and the `shell:` files of a .synlint.yaml host, which are mapped to
// usr/local/sbin/) when someone runs them. In the last places only files that are shell by name
// (.sh, .bash) or by shebang (sh, bash, dash) count. A boot hook that is not executable does not
// run at boot (rc-local.service's ConditionFileIsExecutable=, run-parts): it counts as by hand.
#pragma once

#include <string>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"

namespace synlint::shell {

enum class ScriptPlace : uint8_t {
  kBoot,    // run at every boot, after systemd-sysctl
  kByHand,  // run when someone runs it: its settings last until the next boot
};

struct ScriptFile {
  std::string listed_as;
  const SourceFile* file = nullptr;
  ScriptPlace place = ScriptPlace::kByHand;
};

struct ScriptDiscovery {
  std::vector<ScriptFile> scripts;  // by place, then path
  std::vector<Finding> problems;    // SL002
};

/// Whether `text` starts with a shebang naming sh, bash or dash (directly or through env).
bool HasShellShebang(std::string_view text);
/// Whether a file named `name` holding `text` is a shell script.
bool IsShellScript(std::string_view name, std::string_view text);

ScriptDiscovery DiscoverScripts(SourceSet& sources);

}  // namespace synlint::shell
