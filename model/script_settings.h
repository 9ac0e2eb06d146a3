// SPDX-License-Identifier: MIT
// Kernel settings made by scripts (issue #23): each write a script makes, read by
// parsers/shell, as an assignment the sysctl model applies after the sysctl files, with the
// phase that says when it runs and therefore when it wins.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "parsers/shell/discover.h"
#include "parsers/shell/sysctl_calls.h"
#include "parsers/sysctl/parser.h"

namespace synlint {

/// When a script's write happens, in the order the model applies them (all after the sysctl
/// files that systemd-sysctl or `sysctl --system` apply at boot).
enum class WritePhase : uint8_t {
  kBoot,     // at every boot, after systemd-sysctl (rc.local, network hooks)
  kByHand,   // when someone runs the script: in force until the next boot, then gone
};
/// "at boot, after systemd-sysctl", "by hand, until the next boot".
std::string_view PhaseText(WritePhase phase);
/// "boot", "by-hand" (JSON).
std::string_view PhaseName(WritePhase phase);

/// One script write as an assignment: its spans are in the script.
struct ScriptSetting {
  const SourceFile* file = nullptr;
  std::string_view listed_as;             // the script's path as discovered
  sysctl::Assignment assignment;          // line = the statement; key, value = their spans
  const shell::SysctlWrite* write = nullptr;
  WritePhase phase = WritePhase::kByHand;
};

/// A script's extraction, kept with where it was found.
struct ScriptParse {
  const shell::ScriptFile* script = nullptr;
  shell::Extraction extraction;
};

/// The settings of every write `parses` hold, in applied order (phase, then script, then bytes);
/// container writes (`docker run --sysctl`) are not the host's and are left out.
std::vector<ScriptSetting> ScriptSettings(const std::vector<ScriptParse>& parses);

}  // namespace synlint
