// SPDX-License-Identifier: MIT
#include "model/package_files.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <unordered_map>

#include "model/root_file.h"

namespace synlint {

namespace {

// Bounds: a status file of a full desktop is a few MiB, the .list files of
// one together about 10 MiB in a thousand files.
constexpr uint64_t kMaxStatusBytes = 64ull << 20;
constexpr uint64_t kMaxListBytes = 16ull << 20;
constexpr uint64_t kMaxAllListBytes = 256ull << 20;
constexpr size_t kMaxListFiles = 20000;

constexpr std::array<std::string_view, 12> kScopes = {
    "etc/sysctl.conf", "etc/sysctl.d/", "usr/lib/sysctl.d/", "lib/sysctl.d/",
    "usr/local/lib/sysctl.d/", "etc/nginx/", "etc/apache2/", "etc/httpd/",
    "etc/systemd/", "lib/systemd/", "usr/lib/systemd/", "run/sysctl.d/"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// "/etc/x" -> "etc/x"; "" for anything not absolute.
std::string RootRelative(std::string_view abs) {
  if (abs.empty() || abs.front() != '/') return "";
  std::string out;
  if (!NormalizePath(abs, &out)) return "";
  return out;
}

void Own(PackageFiles* out, const std::string& path, std::string_view package, bool conffile,
         std::string_view md5) {
  PackageOwner& o = out->owned[path];
  const std::string name(package);
  if (o.package.empty()) {
    o.package = name;
  } else if ((", " + o.package + ", ").find(", " + name + ", ") == std::string::npos) {
    o.package += ", " + name;
  }
  if (conffile) {
    o.conffile = true;
    o.md5 = md5;
  }
}

struct Stanza {
  std::string_view package, status, version;
  std::vector<std::string_view> conffiles;  // " /etc/x md5 [obsolete]" lines
  void Clear() { *this = Stanza{}; }
};

void Finish(const Stanza& s, PackageFiles* out) {
  if (s.package.empty()) return;
  std::string name(s.package);
  if (const size_t colon = name.find(':'); colon != std::string::npos) name.resize(colon);
  // "install ok installed": the last word is the state; "not-installed" owns nothing.
  const std::string_view state = s.status.substr(std::min(s.status.size(), s.status.rfind(' ') + 1));
  if (state == "installed" && !s.version.empty()) out->versions[name] = std::string(s.version);
  if (state.empty() || state == "not-installed") return;
  for (std::string_view line : s.conffiles) {
    line = Trim(line);
    const size_t sp = line.find(' ');
    if (sp == std::string_view::npos) continue;
    const std::string_view rest = Trim(line.substr(sp + 1));
    const std::string_view md5 = rest.substr(0, rest.find(' '));
    if (rest.find(" obsolete") != std::string_view::npos) continue;  // no longer the package's
    const std::string path = RootRelative(line.substr(0, sp));
    if (!path.empty() && InOwnedScope(path)) Own(out, path, name, true, md5);
  }
}

// Resolves the directory part of `path` inside the root, so that
// lib/systemd/system/x.socket is found as usr/lib/systemd/system/x.socket on
// a merged-/usr root, where synlint reads it.
std::string Canonical(const FileSystem& fs, const std::string& path,
                      std::unordered_map<std::string, std::string>& dirs) {
  const std::string dir(DirName(path));
  auto it = dirs.find(dir);
  if (it == dirs.end()) {
    const Resolved r = Resolve(fs, dir);
    it = dirs.emplace(dir, r.status == Resolved::Status::kOk ? r.path : dir).first;
  }
  return it->second.empty() ? path : it->second + "/" + std::string(BaseName(path));
}

}  // namespace

bool InOwnedScope(std::string_view path) {
  return std::any_of(kScopes.begin(), kScopes.end(), [&](std::string_view scope) {
    return scope.back() == '/' ? path.substr(0, scope.size()) == scope : path == scope;
  });
}

const PackageOwner* PackageFiles::Owner(const std::string& path) const {
  const auto it = owned.find(path);
  return it == owned.end() ? nullptr : &it->second;
}

bool PackageFiles::Editable(const std::string& path) const {
  const PackageOwner* o = Owner(path);
  return !o || (o->conffile && o->changed_locally);
}

std::string PackageFiles::Describe(const std::string& path) const {
  const PackageOwner* o = Owner(path);
  if (!o) return "";
  std::string out = "package " + o->package;
  if (!o->conffile) return out + ", replaced on upgrade: never edited";
  return out + (o->changed_locally ? ", conffile changed locally" : ", conffile as shipped: never edited");
}

void ParseDpkgStatus(std::string_view text, PackageFiles* out) {
  Stanza s;
  bool in_conffiles = false;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty()) {  // end of a stanza
      Finish(s, out);
      s.Clear();
      in_conffiles = false;
      continue;
    }
    if (line.front() == ' ' || line.front() == '\t') {  // a continuation line
      if (in_conffiles) s.conffiles.push_back(line);
      continue;
    }
    const size_t colon = line.find(':');
    in_conffiles = false;
    if (colon == std::string_view::npos) continue;
    const std::string_view field = line.substr(0, colon);
    const std::string_view value = Trim(line.substr(colon + 1));
    if (field == "Package") s.package = value;
    else if (field == "Status") s.status = value;
    else if (field == "Version") s.version = value;
    else if (field == "Conffiles") in_conffiles = true;
  }
  Finish(s, out);
}

PackageFiles LoadPackageFiles(const FileSystem& fs) {
  PackageFiles out;
  std::string text, why;
  const std::string status_path = "var/lib/dpkg/status";
  if (!ReadRootFile(fs, status_path, kMaxStatusBytes, &text, &why)) {
    if (why != "missing") out.problems.push_back(status_path + ": " + why);
    if (fs.Lstat("var/lib/dpkg").kind == NodeKind::kMissing) return out;
  } else {
    ParseDpkgStatus(text, &out);
  }
  out.manager = "dpkg";
  std::unordered_map<std::string, std::string> dirs;
  // Conffiles are keyed by their path as packaged; key them as synlint reads them.
  std::map<std::string, PackageOwner> conffiles;
  conffiles.swap(out.owned);
  for (auto& [path, owner] : conffiles) out.owned[Canonical(fs, path, dirs)] = std::move(owner);
  const std::string info = "var/lib/dpkg/info";
  std::vector<std::string> names = fs.ListDir(info);
  std::sort(names.begin(), names.end());
  uint64_t total = 0;
  size_t files = 0;
  for (const std::string& name : names) {
    if (name.size() <= 5 || name.compare(name.size() - 5, 5, ".list") != 0) continue;
    if (++files > kMaxListFiles || total > kMaxAllListBytes) {
      out.problems.push_back(info + ": more than " + std::to_string(kMaxListFiles) +
                             " package lists or 256 MiB; the rest were not read");
      break;
    }
    std::string package = name.substr(0, name.size() - 5);
    if (const size_t colon = package.find(':'); colon != std::string::npos) package.resize(colon);
    text.clear();
    if (!ReadRootFile(fs, info + "/" + name, kMaxListBytes, &text, &why)) {
      out.problems.push_back(info + "/" + name + ": " + why);
      continue;
    }
    total += text.size();
    // Most of a list is outside the scope: find the lines that start with a
    // scope with memmem(3) instead of looking at every line.
    text.insert(text.begin(), '\n');
    for (std::string_view scope : kScopes) {
      const std::string needle = "\n/" + std::string(scope);
      const char* begin = text.data();
      const char* stop = begin + text.size();
      for (const char* hit = begin; (hit = static_cast<const char*>(
                                          memmem(hit, static_cast<size_t>(stop - hit), needle.data(), needle.size())));
           ++hit) {
        const size_t at = static_cast<size_t>(hit - begin);
        const size_t end = text.find('\n', at + 1);
        const std::string_view line = std::string_view(text).substr(at + 1, end - (at + 1));
        if (!InOwnedScope(line.substr(1))) continue;
        const std::string path = RootRelative(line);
        if (path.empty() || !InOwnedScope(path)) continue;
        const std::string key = Canonical(fs, path, dirs);
        if (fs.Lstat(key).kind == NodeKind::kDirectory) continue;  // directories are shared
        Own(&out, key, package, false, "");
      }
    }
  }
  return out;
}

}  // namespace synlint
