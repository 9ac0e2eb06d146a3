// SPDX-License-Identifier: MIT
#include "model/software_versions.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "model/root_file.h"

namespace synlint {

namespace {

// A server binary is a few MiB; a bigger file is not read.
constexpr uint64_t kMaxBinaryBytes = 64ull << 20;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Leading "N[.N[.N]]" of `text`; at least `min_parts` parts.
std::optional<ServerVersion> LeadingVersion(std::string_view text, int min_parts) {
  int parts[3] = {0, 0, 0};
  int n = 0;
  while (n < 3 && !text.empty() && IsDigit(text.front())) {
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), parts[n]);
    if (ec != std::errc()) return std::nullopt;
    text.remove_prefix(static_cast<size_t>(ptr - text.data()));
    ++n;
    if (text.size() < 2 || text.front() != '.' || !IsDigit(text[1])) break;
    text.remove_prefix(1);
  }
  if (n < min_parts) return std::nullopt;
  return ServerVersion{parts[0], parts[1], parts[2]};
}

struct FromDpkg {
  std::optional<ServerVersion> version;
  std::string origin;
};

FromDpkg DpkgVersion(const PackageFiles& packages, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const auto it = packages.versions.find(std::string(name));
    if (it == packages.versions.end()) continue;
    if (auto v = DebianUpstreamVersion(it->second))
      return {v, "var/lib/dpkg/status, " + it->first + " " + it->second};
  }
  return {};
}

// Binary first, dpkg's record second; a disagreement is noted.
DetectedVersion Combine(DetectedVersion from_file, const FromDpkg& dpkg, bool major_only) {
  auto same = [&](const ServerVersion& a, const ServerVersion& b) {
    return major_only ? a.major == b.major : a == b;
  };
  if (!from_file.version) {
    if (dpkg.version) from_file = {dpkg.version, dpkg.origin, ""};
    return from_file;
  }
  if (dpkg.version && !same(*from_file.version, *dpkg.version)) {
    if (!from_file.note.empty()) from_file.note += "; ";
    from_file.note += dpkg.origin + ", says " +
                     (major_only ? std::to_string(dpkg.version->major) : dpkg.version->ToString()) +
                     "; the file on disk wins (it is what runs; dpkg's record is stale when a binary "
                     "was replaced outside dpkg)";
  }
  return from_file;
}

DetectedVersion FromBinary(const FileSystem& fs, std::initializer_list<std::string_view> paths,
                           std::string_view prefix) {
  for (std::string_view p : paths) {
    const std::string path(p);
    if (fs.Lstat(path).kind == NodeKind::kMissing) continue;
    std::string bytes, why;
    if (!ReadRootFile(fs, path, kMaxBinaryBytes, &bytes, &why)) continue;
    if (auto v = FindVersionString(bytes, prefix)) return {v, path, ""};
  }
  return {};
}

DetectedVersion SystemdFromLibrary(const FileSystem& fs) {
  std::vector<std::string> dirs = {"usr/lib/systemd", "lib/systemd", "usr/lib64/systemd", "lib64/systemd"};
  // Debian 12 keeps it in the multiarch directory (usr/lib/x86_64-linux-gnu/systemd).
  for (const std::string& name : fs.ListDir("usr/lib")) {
    if (name.find("-linux-") != std::string::npos) dirs.push_back("usr/lib/" + name + "/systemd");
  }
  std::sort(dirs.begin() + 4, dirs.end());
  DetectedVersion best;
  for (const std::string& dir : dirs) {
    for (const std::string& name : fs.ListDir(dir)) {
      const auto n = SystemdSharedLibraryVersion(name);
      if (!n) continue;
      if (best.version && best.version->major != *n) {
        best.note = "several libsystemd-shared libraries; the newest is taken";
      }
      if (!best.version || *n > best.version->major) {
        best.version = ServerVersion{*n, 0, 0};
        best.origin = dir + "/" + name;
      }
    }
  }
  return best;
}

}  // namespace

std::optional<ServerVersion> FindVersionString(std::string_view bytes, std::string_view prefix) {
  for (size_t at = bytes.find(prefix); at != std::string_view::npos; at = bytes.find(prefix, at + 1)) {
    if (auto v = LeadingVersion(bytes.substr(at + prefix.size(), 32), 3)) return v;
  }
  return std::nullopt;
}

std::optional<ServerVersion> DebianUpstreamVersion(std::string_view version) {
  // [epoch:]upstream[-revision]
  if (const size_t colon = version.find(':'); colon != std::string_view::npos) version.remove_prefix(colon + 1);
  if (const size_t dash = version.rfind('-'); dash != std::string_view::npos) version = version.substr(0, dash);
  return LeadingVersion(version, 1);
}

std::optional<int> SystemdSharedLibraryVersion(std::string_view file_name) {
  constexpr std::string_view kPrefix = "libsystemd-shared-";
  if (file_name.substr(0, kPrefix.size()) != kPrefix || file_name.size() < 3 ||
      file_name.substr(file_name.size() - 3) != ".so")
    return std::nullopt;
  const auto v = LeadingVersion(file_name.substr(kPrefix.size()), 1);
  if (!v || v->major <= 0) return std::nullopt;
  return v->major;
}

SoftwareVersions DetectSoftwareVersions(const FileSystem& fs, const PackageFiles& packages) {
  SoftwareVersions out;
  const FromDpkg systemd_dpkg = DpkgVersion(packages, {"systemd"});
  out.systemd = Combine(SystemdFromLibrary(fs), systemd_dpkg, true);
  if (systemd_dpkg.version && out.systemd.version && systemd_dpkg.version->major == out.systemd.version->major)
    out.systemd_stable = systemd_dpkg.version->minor;
  out.nginx = Combine(FromBinary(fs, {"usr/sbin/nginx", "usr/local/sbin/nginx", "usr/local/nginx/sbin/nginx"}, "nginx/"),
                      DpkgVersion(packages, {"nginx-core", "nginx-full", "nginx-light", "nginx-extras", "nginx"}),
                      false);
  out.apache = Combine(FromBinary(fs, {"usr/sbin/apache2", "usr/sbin/httpd", "usr/local/apache2/bin/httpd"}, "Apache/"),
                       DpkgVersion(packages, {"apache2-bin", "apache2"}), false);
  return out;
}

}  // namespace synlint
