// SPDX-License-Identifier: MIT
#include "core/config_format.h"

#include <array>

namespace synlint {

namespace {

// One row per format, in enum order (checked below), so Traits() is an index.
// Columns: format, name, named_by_users, service_kind, semicolon_comments, trailing_suppressions,
// hash_in_values, first_file_is_main, backlog_prefix, backlog_per_listen.
constexpr std::array<ConfigFormatTraits, 6> kFormats = {{
    {ConfigFormat::kSysctl, "sysctl", true, "", true, false, true, false, "", false},
    {ConfigFormat::kNginx, "nginx", true, "nginx", false, true, false, true, "backlog=", true},
    {ConfigFormat::kApache, "apache", true, "apache", false, false, true, true, "ListenBacklog ", false},
    {ConfigFormat::kSystemd, "systemd", true, "systemd-socket", true, false, true, false, "Backlog=", false},
    // A shell fragment: a trailing '#' is a comment, but only whole-line ones are read.
    {ConfigFormat::kApacheEnvvars, "apache-envvars", false, "", false, false, false, false, "", false},
    // Scripts: only the kernel settings they write are read; suppressions on lines of their own.
    {ConfigFormat::kShell, "shell", true, "", false, false, false, false, "", false},
}};

constexpr bool InEnumOrder() {
  for (size_t i = 0; i < kFormats.size(); ++i) {
    if (static_cast<size_t>(kFormats[i].format) != i) return false;
  }
  return true;
}
static_assert(InEnumOrder(), "kFormats must list the formats in enum order");

}  // namespace

std::span<const ConfigFormatTraits> AllConfigFormats() { return kFormats; }

std::vector<std::string> UserFormatNames() {
  std::vector<std::string> out;
  for (const ConfigFormatTraits& t : kFormats) {
    if (t.named_by_users) out.emplace_back(t.name);
  }
  return out;
}

const ConfigFormatTraits& Traits(ConfigFormat format) { return kFormats[static_cast<size_t>(format)]; }

std::string_view FormatName(ConfigFormat format) { return Traits(format).name; }

std::optional<ConfigFormat> ParseConfigFormat(std::string_view name) {
  for (const ConfigFormatTraits& t : kFormats) {
    if (t.name == name) return t.format;
  }
  return std::nullopt;
}

std::string BacklogSetting(ConfigFormat format, int64_t n) {
  return std::string(Traits(format).backlog_prefix) + std::to_string(n);
}

std::string_view BacklogName(ConfigFormat format) {
  std::string_view prefix = Traits(format).backlog_prefix;
  if (prefix.ends_with(' ')) prefix.remove_suffix(1);
  return prefix;
}

}  // namespace synlint
