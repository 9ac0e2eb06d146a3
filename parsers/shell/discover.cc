// SPDX-License-Identifier: MIT
#include "parsers/shell/discover.h"

#include <algorithm>

#include "core/file_system.h"
#include "core/service.h"

namespace synlint::shell {

namespace {

struct Place {
  const char* path;
  bool dir;
  ScriptPlace place;
  bool any_file;  // a hook directory runs every file in it, whatever its name
};

constexpr Place kPlaces[] = {
    {"etc/rc.local", false, ScriptPlace::kBoot, true},
    {"etc/network/if-pre-up.d", true, ScriptPlace::kBoot, true},
    {"etc/network/if-up.d", true, ScriptPlace::kBoot, true},
    {"etc/NetworkManager/dispatcher.d", true, ScriptPlace::kBoot, true},
    {"usr/local/sbin", true, ScriptPlace::kByHand, false},
    {"usr/local/bin", true, ScriptPlace::kByHand, false},
    {"root", true, ScriptPlace::kByHand, false},
};

// Scripts bigger than this are not shell an admin wrote (and are not read).
constexpr uint64_t kMaxScriptBytes = 4 << 20;

void ReadScript(SourceSet& sources, const std::string& path, const Place& place, ScriptDiscovery* out) {
  const ReadOutcome r = sources.Read(path);
  if (r.status == ReadOutcome::Status::kProblem) {
    // Binary files in bin/ are expected; only a script's own trouble is reported.
    if (place.any_file) out->problems.push_back(FileProblemFinding(path, r.problem));
    return;
  }
  if (r.status != ReadOutcome::Status::kOk) return;
  const std::string_view name = std::string_view(path).substr(path.rfind('/') + 1);
  if (!place.any_file && !IsShellScript(name, r.file->text)) return;
  if (place.any_file && !r.file->text.starts_with("#!") && !IsShellScript(name, r.file->text)) return;
  if (place.any_file && r.file->text.starts_with("#!") && !HasShellShebang(r.file->text)) return;
  // systemd's rc-local.service (ConditionFileIsExecutable=/etc/rc.local) and run-parts, which
  // runs the network hooks, skip a file that is not executable: nothing runs it at boot.
  const bool executable = (sources.fs().Lstat(r.real_path).mode & 0111) != 0;
  out->scripts.push_back({path, r.file, executable ? place.place : ScriptPlace::kByHand});
}

}  // namespace

bool HasShellShebang(std::string_view text) {
  if (!text.starts_with("#!")) return false;
  std::string_view line = text.substr(2, text.find('\n') == std::string_view::npos ? text.size() - 2 : text.find('\n') - 2);
  auto word = [&]() {
    const size_t b = line.find_first_not_of(" \t");
    if (b == std::string_view::npos) return std::string_view();
    line.remove_prefix(b);
    const size_t e = std::min(line.find_first_of(" \t\r"), line.size());
    std::string_view w = line.substr(0, e);
    line.remove_prefix(e);
    return w;
  };
  std::string_view prog = word();
  std::string_view base = prog.substr(prog.rfind('/') + 1);
  if (base == "env") {
    std::string_view next = word();
    while (next.starts_with("-")) next = word();
    base = next;
  }
  return base == "sh" || base == "bash" || base == "dash";
}

bool IsShellScript(std::string_view name, std::string_view text) {
  return name.ends_with(".sh") || name.ends_with(".bash") || HasShellShebang(text);
}

ScriptDiscovery DiscoverScripts(SourceSet& sources) {
  ScriptDiscovery out;
  const FileSystem& fs = sources.fs();
  for (const Place& place : kPlaces) {
    if (!place.dir) {
      if (fs.Lstat(place.path).kind != NodeKind::kMissing) ReadScript(sources, place.path, place, &out);
      continue;
    }
    const Resolved d = Resolve(fs, place.path);
    if (d.status != Resolved::Status::kOk || d.kind != NodeKind::kDirectory) continue;
    std::vector<std::string> names = fs.ListDir(d.path);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (name.starts_with(".")) continue;
      const std::string path = std::string(place.path) + "/" + name;
      const NodeStat st = fs.Lstat(d.path + "/" + name);
      if (st.kind == NodeKind::kDirectory || st.kind == NodeKind::kMissing) continue;
      if (st.kind == NodeKind::kRegular && st.size > kMaxScriptBytes) continue;
      ReadScript(sources, path, place, &out);
    }
  }
  return out;
}

}  // namespace synlint::shell
