// SPDX-License-Identifier: MIT
#include "linter/config/config.h"

#include <filesystem>

#include "core/disk_path.h"
#include "core/file_system.h"
#include "core/regular_file.h"

namespace synlint {

namespace fs = std::filesystem;

std::string ConfigError::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
}

const HostConfig* Config::FindHost(std::string_view name) const {
  for (const HostConfig& h : hosts) {
    if (h.name == name) return &h;
  }
  return nullptr;
}

std::optional<std::string> FindConfig(const std::string& start_dir) {
  fs::path dir = Absolute(start_dir);
  for (;;) {
    const fs::path candidate = dir / kConfigFileName;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    if (!dir.has_relative_path()) return std::nullopt;  // the filesystem root
    dir = dir.parent_path();
  }
}

bool LoadConfig(const std::string& path, const std::vector<std::string>& known_rules, Config* out,
                std::vector<ConfigError>* errors) {
  std::string text;
  std::string why;
  if (!ReadRegularFile(path, &text, &why)) {  // a FIFO must not block the run
    errors->push_back({path, 0, 0,
                       why == kNotRegularFile ? "the config file is not a regular file"
                                              : "cannot read the config file"});
    return false;
  }
  return ParseConfig(text, path, known_rules, out, errors);
}

bool HostContainsFile(const Config& config, const HostConfig& host, const std::string& file) {
  const fs::path abs = Absolute(file);
  const fs::path base(config.base_dir);
  if (host.is_root()) return Inside(abs, fs::path(host.root_dir));
  for (const auto* list : {&host.sysctl, &host.nginx, &host.apache, &host.systemd, &host.shell}) {
    for (const ConfigPath& p : *list) {
      for (const std::string& m : p.matches) {
        if ((base / m).lexically_normal() == abs) return true;
      }
    }
  }
  for (const auto* list : {&host.nginx, &host.apache}) {
    if (list->empty() || list->front().matches.empty()) continue;
    const fs::path main_dir = (base / list->front().matches.front()).lexically_normal().parent_path();
    if (Inside(abs, main_dir)) return true;
  }
  return false;
}

std::vector<std::string> HostsForFiles(const Config& config, const std::vector<std::string>& files) {
  std::vector<std::string> out;
  for (const HostConfig& host : config.hosts) {
    for (const std::string& f : files) {
      if (HostContainsFile(config, host, f)) {
        out.push_back(host.name);
        break;
      }
    }
  }
  return out;
}

}  // namespace synlint
