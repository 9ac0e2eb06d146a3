// SPDX-License-Identifier: MIT
#include "parsers/sysctl/discover.h"

#include <algorithm>
#include <map>

#include "core/service.h"

namespace synlint::sysctl {

std::string_view LoaderName(Loader l) {
  return l == Loader::kSystemd ? "systemd-sysctl" : "sysctl --system";
}

const std::vector<std::string>& SysctlDirs() {
  static const std::vector<std::string> kDirs = {
      "etc/sysctl.d", "run/sysctl.d", "usr/local/lib/sysctl.d",
      "usr/lib/sysctl.d", "lib/sysctl.d"};
  return kDirs;
}

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

void ReadInto(SourceSet& sources, const std::string& path, Discovery* out) {
  const ReadOutcome r = sources.Read(path);
  switch (r.status) {
    case ReadOutcome::Status::kOk:
      out->files.push_back({path, r.file});
      break;
    case ReadOutcome::Status::kProblem:
      out->problems.push_back(FileProblemFinding(path, r.problem));
      break;
    case ReadOutcome::Status::kMissing:
      // A dangling symlink is a real problem; a plain missing file cannot
      // happen here because it was just listed.
      out->problems.push_back(FileProblemFinding(path, "dangling symlink; the file it names does not exist"));
      break;
    case ReadOutcome::Status::kMasked:
      break;
  }
}

}  // namespace

Discovery Discover(SourceSet& sources, Loader loader) {
  Discovery out;
  const FileSystem& fs = sources.fs();
  // name -> path of the winning file (first directory holding the name).
  std::map<std::string, std::string> winner;
  std::map<std::string, bool> winner_is_null;
  std::vector<std::string> seen_dirs;
  for (const std::string& dir : SysctlDirs()) {
    const Resolved d = Resolve(fs, dir);
    if (d.status == Resolved::Status::kLoop || d.status == Resolved::Status::kEscapes) {
      out.problems.push_back(FileProblemFinding(dir, d.status == Resolved::Status::kLoop
                                                         ? d.error
                                                         : "symlink points outside the root; not followed"));
      continue;
    }
    if (d.status != Resolved::Status::kOk || d.kind != NodeKind::kDirectory) continue;
    // /lib -> usr/lib on merged-/usr systems: the same directory twice.
    if (std::find(seen_dirs.begin(), seen_dirs.end(), d.path) != seen_dirs.end()) continue;
    seen_dirs.push_back(d.path);
    std::vector<std::string> names = fs.ListDir(d.path);
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      if (!EndsWith(name, ".conf") || name[0] == '.') continue;
      const std::string path = dir + "/" + name;
      auto it = winner.find(name);
      if (it != winner.end()) {
        out.masked.push_back({path, it->second, winner_is_null[name]});
        continue;
      }
      const Resolved r = Resolve(fs, path);
      if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kDirectory) continue;
      winner[name] = path;
      winner_is_null[name] = r.status == Resolved::Status::kDevNull;
    }
  }
  // Files apply in filename order, whatever their directory.
  for (const auto& [name, path] : winner) {
    if (winner_is_null[name]) continue;
    ReadInto(sources, path, &out);
  }
  if (loader == Loader::kProcps) {
    const Resolved r = Resolve(fs, "etc/sysctl.conf");
    if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kRegular)
      ReadInto(sources, "etc/sysctl.conf", &out);
    else if (r.status == Resolved::Status::kLoop || r.status == Resolved::Status::kEscapes)
      ReadInto(sources, "etc/sysctl.conf", &out);
  }
  return out;
}

Loader DetectLoader(const FileSystem& fs, bool* detected) {
  static const char* kSystemd[] = {
      "usr/lib/systemd/systemd-sysctl", "lib/systemd/systemd-sysctl",
      "usr/lib/systemd/system/systemd-sysctl.service",
      "lib/systemd/system/systemd-sysctl.service"};
  for (const char* p : kSystemd) {
    if (Resolve(fs, p).status == Resolved::Status::kOk) {
      *detected = true;
      return Loader::kSystemd;
    }
  }
  static const char* kProcps[] = {"usr/sbin/sysctl", "sbin/sysctl", "etc/init.d/procps"};
  for (const char* p : kProcps) {
    if (Resolve(fs, p).status == Resolved::Status::kOk) {
      *detected = true;
      return Loader::kProcps;
    }
  }
  *detected = false;
  return Loader::kSystemd;
}

}  // namespace synlint::sysctl
