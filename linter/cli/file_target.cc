// SPDX-License-Identifier: MIT
#include "linter/cli/file_target.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

#include "core/file_system.h"
#include "linter/config/host_tree.h"
#include "parsers/systemd/units.h"

namespace synlint::cli {

namespace {

namespace stdfs = std::filesystem;

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view StripJ2(std::string_view name) {
  return EndsWith(name, ".j2") ? name.substr(0, name.size() - 3) : name;
}

bool IsUnitName(std::string_view name) {
  name = StripJ2(name);
  return EndsWith(name, ".socket") || EndsWith(name, ".service");
}

/// Whether the first line that is not blank or a comment reads `dotted.key = value`
/// (or `-dotted.key = value`), as sysctl.conf(5) writes them.
bool LooksLikeSysctl(std::string_view text) {
  size_t at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(at, end - at);
    at = end + 1;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#' || line.front() == ';' || line == "\r") continue;
    if (line.front() == '-') line.remove_prefix(1);
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos || eq == 0) return false;
    const std::string_view key = line.substr(0, line.find_last_not_of(" \t", eq - 1) + 1);
    const bool dotted = key.find('.') != std::string_view::npos || key.find('/') != std::string_view::npos;
    return dotted && std::all_of(key.begin(), key.end(), [](char c) {
             return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '/' || c == '-' ||
                    c == '*';
           });
  }
  return false;
}

/// `repo_path`'s drop-in files (`NAME.d/*.conf` beside a unit), relative to `base_dir`.
std::vector<std::string> DropinFiles(const std::string& base_dir, const std::string& repo_path) {
  std::vector<std::string> out;
  const std::string dir = std::string(StripJ2(repo_path)) + ".d";
  std::error_code ec;
  if (!stdfs::is_directory(stdfs::path(base_dir) / dir, ec)) return out;
  for (const auto& e : stdfs::directory_iterator(stdfs::path(base_dir) / dir, ec)) {
    const std::string name = e.path().filename().string();
    if (EndsWith(StripJ2(name), ".conf")) out.push_back(dir + "/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// Where the loader of `format` reads a file called `name`, as BuildHostTree() maps it.
std::string VirtualPath(ConfigFormat format, std::string_view name) {
  name = StripJ2(name);
  switch (format) {
    case ConfigFormat::kSysctl:
      if (name == "sysctl.conf") return "etc/sysctl.conf";
      return "etc/sysctl.d/" + std::string(name) + (EndsWith(name, ".conf") ? "" : ".conf");
    case ConfigFormat::kNginx:
      return "etc/nginx/nginx.conf";
    case ConfigFormat::kApache:
      return "etc/apache2/apache2.conf";
    default:
      return std::string(systemd::kAdminUnitDir) + "/" + std::string(name);
  }
}

}  // namespace

std::optional<ConfigFormat> DetectFileFormat(std::string_view path, std::string_view text) {
  auto has = [&](std::string_view s) { return path.find(s) != std::string_view::npos; };
  const std::string_view name = StripJ2(BaseName(path));
  if (has("sysctl")) return ConfigFormat::kSysctl;
  if (IsUnitName(name) || has("systemd")) return ConfigFormat::kSystemd;
  if (has("nginx")) return ConfigFormat::kNginx;
  if (has("apache") || has("httpd")) return ConfigFormat::kApache;
  if (text.find("\n[Socket]") != std::string_view::npos || text.substr(0, 8) == "[Socket]" ||
      text.substr(0, 6) == "[Unit]")
    return ConfigFormat::kSystemd;
  if (text.find("<VirtualHost") != std::string_view::npos || text.find("\nListen ") != std::string_view::npos ||
      text.substr(0, 7) == "Listen ")
    return ConfigFormat::kApache;
  if (LooksLikeSysctl(text)) return ConfigFormat::kSysctl;
  if (text.find('{') != std::string_view::npos && text.find(';') != std::string_view::npos)
    return ConfigFormat::kNginx;
  return std::nullopt;
}

bool FileFormat(const std::string& as, const std::string& shown, std::string_view text, ConfigFormat* out,
                std::string* err) {
  if (!as.empty()) {
    const auto named = ParseConfigFormat(as);  // the option checked the name
    if (!named) {
      *err = "--as: '" + as + "' is not sysctl, nginx, apache or systemd";
      return false;
    }
    *out = *named;
    return true;
  }
  const auto detected = DetectFileFormat(shown, text);
  if (!detected) {
    *err = "'" + shown + "': cannot tell whether it is a sysctl, nginx, Apache or systemd file; say which with --as";
    return false;
  }
  *out = *detected;
  return true;
}

bool FileTarget(const std::string& base_dir, const std::string& repo_path, ConfigFormat format,
                const HostOptions& base, Target* out, std::string* err) {
  const std::string name(BaseName(repo_path));
  if (format == ConfigFormat::kSystemd && !IsUnitName(name)) {
    *err = "'" + repo_path + "': a systemd unit synlint reads is named NAME.socket or NAME.service";
    return false;
  }
  Config config;
  config.path = (stdfs::path(base_dir) / repo_path).string();
  config.base_dir = base_dir;
  HostConfig host;
  host.name = repo_path;
  ConfigPath entry{.pattern = repo_path, .matches = {repo_path}};
  switch (format) {
    case ConfigFormat::kSysctl: host.sysctl.push_back(entry); break;
    case ConfigFormat::kNginx: host.nginx.push_back(entry); break;
    case ConfigFormat::kApache: host.apache.push_back(entry); break;
    default:
      for (const std::string& d : DropinFiles(base_dir, repo_path)) entry.matches.push_back(d);
      host.systemd.push_back(entry);
  }
  std::vector<ConfigError> errors;
  auto tree = BuildHostTree(config, host, &errors);
  if (!errors.empty()) {
    *err = "'" + repo_path + "': " + errors.front().message;
    return false;
  }
  out->name = repo_path;
  out->repo_dir = base_dir;
  out->host_options = base;
  out->host_options.running_kernel.clear();  // one file is not this machine
  out->host_options.running_kernel_build.clear();
  out->display_from_cwd = true;
  out->tree = tree.get();
  out->fs = std::move(tree);
  return true;
}

bool StdinTarget(const std::string& name, std::string text, ConfigFormat format, const HostOptions& base,
                 Target* out, std::string* err) {
  const std::string file_name(BaseName(name));
  if (format == ConfigFormat::kSystemd && !IsUnitName(file_name)) {
    *err = "stdin is read as a systemd unit: name it with --stdin-filename NAME.socket or NAME.service";
    return false;
  }
  auto fs = std::make_unique<MemoryFileSystem>();
  out->stdin_path = VirtualPath(format, file_name.empty() || file_name == "-" ? "stdin" : file_name);
  out->stdin_name = name;
  fs->AddFile(out->stdin_path, text);
  out->stdin_text = std::move(text);
  out->name = name;
  out->host_options = base;
  out->host_options.running_kernel.clear();
  out->host_options.running_kernel_build.clear();
  out->display_from_cwd = true;
  out->fs = std::move(fs);
  out->only_files.insert(name);
  return true;
}

bool SingleFileRule(std::string_view id) {
  // SL0xx: the input itself; SL101-SL108: one sysctl key's name and value
  // (SL103 compares the lines it is given); SL203: one nginx socket's listen options.
  static constexpr std::string_view kSingle[] = {"SL001", "SL002", "SL003", "SL101", "SL102", "SL103",
                                                 "SL104", "SL105", "SL106", "SL107", "SL108", "SL203"};
  return std::find(std::begin(kSingle), std::end(kSingle), id) != std::end(kSingle);
}

}  // namespace synlint::cli
