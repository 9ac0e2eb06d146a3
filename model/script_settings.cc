// SPDX-License-Identifier: MIT
#include "model/script_settings.h"

#include <algorithm>

namespace synlint {

std::string_view PhaseText(WritePhase phase) {
  switch (phase) {
    case WritePhase::kBoot: return "at boot, after systemd-sysctl";
    case WritePhase::kByHand: return "by hand, until the next boot";
  }
  return "";
}

std::string_view PhaseName(WritePhase phase) {
  switch (phase) {
    case WritePhase::kBoot: return "boot";
    case WritePhase::kByHand: return "by-hand";
  }
  return "";
}

std::vector<ScriptSetting> ScriptSettings(const std::vector<ScriptParse>& parses) {
  std::vector<ScriptSetting> out;
  for (WritePhase phase : {WritePhase::kBoot, WritePhase::kByHand}) {
    for (const ScriptParse& p : parses) {
      const WritePhase mine = p.script->place == shell::ScriptPlace::kBoot ? WritePhase::kBoot : WritePhase::kByHand;
      if (mine != phase) continue;
      for (const shell::SysctlWrite& w : p.extraction.writes) {
        if (w.kind == shell::WriteKind::kContainer) continue;
        ScriptSetting s;
        s.file = p.script->file;
        s.listed_as = p.script->listed_as;
        s.write = &w;
        s.phase = phase;
        s.assignment.line = w.removal.empty() ? w.command : w.removal;
        s.assignment.key = w.key_span;
        s.assignment.value = w.value_span;
        s.assignment.name = sysctl::NormalizeKey(w.key);
        s.assignment.text = w.value;
        out.push_back(std::move(s));
      }
    }
  }
  return out;
}

}  // namespace synlint
