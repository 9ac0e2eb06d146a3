// SPDX-License-Identifier: MIT
// SL402: a script writes a kernel setting that a sysctl file sets to another value. Which one is
// in force depends on when: a boot script runs after systemd-sysctl and wins until anything
// applies the files again (`sysctl --system`, a restart of systemd-sysctl.service); a write by
// hand wins until the next boot, then the file's value is back. kernel-facts.md §8.
#include "rules/scripts/script_rules.h"

namespace synlint {

const RuleMeta kSL402 = {"SL402", "script-contradicts-sysctl-file", Severity::kWarning,
                         "a script sets a kernel setting that a sysctl file sets to another value",
                         FixAvailability::kNone, "0.1.0", "rules/scripts/SL402.md"};

namespace {

bool SameValue(const std::string& a, const std::string& b) {
  auto words = [](const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      size_t j = i;
      while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
      if (j > i) out += (out.empty() ? "" : " ") + s.substr(i, j - i);
      i = j;
    }
    return out;
  };
  return words(a) == words(b);
}

}  // namespace

void CheckSL402(RuleContext& ctx) {
  const Host& host = ctx.host();
  const SysctlState& st = host.sysctl();
  for (const SysctlEntry& e : st.entries()) {
    const ScriptSetting* s = st.Script(e);
    if (!s || e.assignment->is_glob() || !host.Accepted(e)) continue;
    const SysctlEntry* file = FileAssignmentBefore(host, e);
    if (!file || SameValue(file->value(), e.value())) continue;
    const std::string& key = e.key();
    Finding f;
    f.location = KeyLocation(e);
    f.related.push_back(KeyLocation(*file));
    f.related.back().note = "the sysctl file's value";
    const std::string mine = "'" + key + " = " + e.value() + "'";
    const std::string theirs = "'" + file->value() + "' (" + Where(*file) + ")";
    if (s->phase == WritePhase::kBoot) {
      f.message = mine + " runs at boot after " + std::string(sysctl::LoaderName(host.loader)) +
                  " applied " + theirs + "; the script's value is in force until anything applies the sysctl "
                  "files again ('sysctl --system', a restart of systemd-sysctl.service), then " + theirs +
                  " is, until the next boot";
    } else {
      f.message = mine + " is in force only from when this script runs until the next boot; then " + theirs +
                  " applies again";
    }
    ctx.Report(std::move(f));
  }
}

}  // namespace synlint
