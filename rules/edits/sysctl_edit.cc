// SPDX-License-Identifier: MIT
#include "rules/edits/sysctl_edit.h"

#include "core/file_system.h"
#include "core/text_lines.h"

namespace synlint {

bool IsAdminFile(const Host& host, const std::string& path) {
  return path.rfind("etc/", 0) == 0 && host.packages.Editable(path);
}

bool IsScriptWrite(const Host& host, const SysctlEntry& entry) {
  for (sysctl::Loader l : {sysctl::Loader::kSystemd, sysctl::Loader::kProcps}) {
    const SysctlState& st = host.sysctl(l);
    if (!st.entries().empty() && &entry >= &st.entries().front() && &entry <= &st.entries().back())
      return st.Script(entry) != nullptr;
  }
  return false;
}

TextEdit DeleteLineEdit(const SysctlEntry& entry) {
  return {entry.file->path, entry.assignment->line, ""};
}

std::string OverridePath(const Host& host, const FixOptions& options, const std::string& key) {
  std::string name = options.sysctl_override_name;
  // The override must be applied after the winner: files run in name order.
  if (const SysctlEntry* w = host.Winner(key)) {
    const std::string winner_name(BaseName(w->listed_as));
    if (w->listed_as != "etc/sysctl.conf" && winner_name >= name) name = winner_name + "-synlint.conf";
  }
  // Discovery lists etc/sysctl.d where it leads, so a symlink to a directory
  // inside the root puts the file in that directory: the next fix round and
  // the next boot read it there. A symlink that leads to no directory inside
  // the root leaves no place that would be read (and writing through it is
  // refused).
  const Resolved dir = Resolve(host.sources.fs(), "etc/sysctl.d");
  if (dir.status == Resolved::Status::kOk && dir.kind == NodeKind::kDirectory) return dir.path + "/" + name;
  if (dir.status == Resolved::Status::kMissing && !dir.via_symlink) return "etc/sysctl.d/" + name;
  return "";
}

Fix SetSysctlFix(const Host& host, const FixOptions& options, const std::string& key,
                 const std::string& value, const std::string& comment, Applicability applicability) {
  Fix fix;
  fix.title = "set '" + key + " = " + value + "'";
  fix.applicability = applicability;
  const SysctlEntry* w = host.Winner(key);
  if (const ScriptSetting* script = w ? host.sysctl().Script(*w) : nullptr) {
    // The script runs after every sysctl file: only its own value can change what is in force.
    fix.title += " in " + std::string(script->listed_as);
    if (script->write->value_exact && host.packages.Editable(w->file->path)) {
      fix.edits.push_back({w->file->path, w->assignment->value, value});
    } else {
      fix.title += script->write->value_exact ? " (not applied: a package's file)"
                                              : " (not applied: the script does not write the value as a literal)";
      fix.applicability = Applicability::kDisplayOnly;
    }
    return fix;
  }
  if (w && IsAdminFile(host, w->file->path) && !w->assignment->is_glob()) {
    const SourceFile& f = *w->file;
    const std::string eol = LineEndingOf(f.text);
    if (!comment.empty()) {
      // Keep the indentation of the assignment line.
      const Span line = w->assignment->line;
      std::string_view text(f.text);
      size_t indent = line.begin;
      while (indent < text.size() && (text[indent] == ' ' || text[indent] == '\t')) ++indent;
      fix.edits.push_back({f.path, {line.begin, line.begin},
                           std::string(text.substr(line.begin, indent - line.begin)) + "# " + comment + eol});
    }
    fix.edits.push_back({f.path, w->assignment->value, value});
    return fix;
  }
  const std::string path = OverridePath(host, options, key);
  if (path.empty()) {
    fix.title += " in etc/sysctl.d (not applied: 'etc/sysctl.d' is a symlink that leads to no directory "
                 "inside the root)";
    fix.applicability = Applicability::kDisplayOnly;
    return fix;
  }
  fix.edits.push_back(AddSysctlLineEdit(host, path, key, value, comment, w));
  return fix;
}

TextEdit AddSysctlLineEdit(const Host& host, const std::string& path, const std::string& key,
                           const std::string& value, const std::string& comment, const SysctlEntry* overrides) {
  // Each key says what it overrides, so the file's comments stay true for
  // every key it comes to hold (a key no other file sets overrides nothing).
  std::vector<std::string> notes;
  if (!comment.empty()) notes.push_back("# " + comment);
  if (overrides) notes.push_back("# overrides the setting in /" + std::string(overrides->listed_as));
  if (const SourceFile* existing = host.sources.Find(path)) {
    const std::string eol = LineEndingOf(existing->text);
    std::string add;
    if (!existing->text.empty() && existing->text.back() != '\n') add += eol;
    for (const std::string& n : notes) add += n + eol;
    add += key + " = " + value + eol;
    const uint32_t end = static_cast<uint32_t>(existing->text.size());
    return {path, {end, end}, add};
  }
  std::string text =
      "# Written by synlint. Files in sysctl.d apply in name order and a key's last\n"
      "# setting wins: a key below that another file sets says which one it overrides.\n";
  for (const std::string& n : notes) text += n + "\n";
  return {path, {0, 0}, text + key + " = " + value + "\n"};
}

Fix EnableSyncookiesFix(const Host& host, const FixOptions& options, const std::string& was) {
  return SetSysctlFix(host, options, "net.ipv4.tcp_syncookies", "1",
                      "1 sends syncookies only when a SYN queue overflows (was " + was + "; set by synlint)",
                      Applicability::kUnsafe);
}

}  // namespace synlint
