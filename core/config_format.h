// SPDX-License-Identifier: MIT
// The configuration formats synlint reads, and what differs between them, in one table: the names
// users type and see, the service a format describes, how its comments are written and how its
// backlog setting is spelled. sysctl is a format but no server: its row has no service and no
// backlog; nor has Apache's envvars, a shell fragment read only as part of an Apache configuration,
// nor shell scripts, read for the kernel settings they write (parsers/shell/).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace synlint {

enum class ConfigFormat : uint8_t { kSysctl, kNginx, kApache, kSystemd, kApacheEnvvars, kShell };

struct ConfigFormatTraits {
  ConfigFormat format;
  /// As printed ("format" in `show` and `parse` JSON): "sysctl", "nginx", "apache", "systemd",
  /// "apache-envvars".
  std::string_view name;
  /// Users name it: a `parse --as` value and a host's file-list key in .synlint.yaml.
  bool named_by_users;
  /// The kind of service its files describe, as `tune --format json` prints it ("kind"):
  /// "nginx", "apache", "systemd-socket"; empty for sysctl.
  std::string_view service_kind;
  /// Comment lines may start with ';' as well as '#'.
  bool semicolon_comments;
  /// A suppression comment may follow a directive on its line (nginx's '#' outside quotes).
  bool trailing_suppressions;
  /// A '#' after a value is part of the value, so a '# synlint:' there is reported as misplaced.
  bool hash_in_values;
  /// In a .synlint.yaml file list, the first entry names the main file (includes start there).
  bool first_file_is_main;
  /// The setting that asks listen() for a backlog, as written before the number: "backlog=",
  /// "ListenBacklog ", "Backlog="; empty for sysctl.
  std::string_view backlog_prefix;
  /// The backlog is a parameter of each listen directive (`backlog=` in nginx, whose location
  /// covers the name too), not one setting of the service.
  bool backlog_per_listen;
};

/// Every format, in enum order: the order users see them listed ("sysctl, nginx, apache, systemd,
/// shell").
std::span<const ConfigFormatTraits> AllConfigFormats();
/// The names users may give (`parse --as`, .synlint.yaml file-list keys), in that order.
std::vector<std::string> UserFormatNames();
const ConfigFormatTraits& Traits(ConfigFormat format);
std::string_view FormatName(ConfigFormat format);
/// The format whose `name` is `name`; nullopt for any other text (names are case-sensitive).
std::optional<ConfigFormat> ParseConfigFormat(std::string_view name);

/// The backlog setting asking for `n`, as written: "backlog=511", "ListenBacklog 511", "Backlog=511".
std::string BacklogSetting(ConfigFormat format, int64_t n);
/// The backlog setting's name as quoted in messages: "backlog=", "ListenBacklog", "Backlog=".
std::string_view BacklogName(ConfigFormat format);

}  // namespace synlint
