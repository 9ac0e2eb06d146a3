// SPDX-License-Identifier: MIT
// Setting values as systemd parses them (src/basic/parse-util.c,
// src/basic/rlimit-util.c, src/shared/specifier.c). Each returns nullopt
// where systemd logs "Failed to parse ..., ignoring" and keeps the previous
// value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace synlint::systemd {

/// safe_atou()/safe_atou64(): strtoul() with base 0 (so "0x10" is 16 and
/// "010" is 8), Python-style "0b"/"0o" prefixes, leading blanks and '+'
/// allowed, '-' refused; nullopt when empty, malformed or above `max`.
std::optional<uint64_t> ParseUnsigned(std::string_view text, uint64_t max = UINT32_MAX);

/// parse_size() with base 1024, as config_parse_iec_size() uses it:
/// "65536", "64K", "1.5M", "1G 512M"; suffixes B K M G T P E.
std::optional<uint64_t> ParseIecSize(std::string_view text);

/// parse_boolean(): 1/yes/y/true/t/on and 0/no/n/false/f/off, any case.
std::optional<bool> ParseBoolean(std::string_view text);

/// A resource limit as rlimit_parse() reads it for LimitNOFILE= and the like:
/// "N", "soft:hard", each side a number or "infinity". nullopt when
/// malformed or when soft > hard (systemd ignores the assignment).
struct Rlimit {
  std::optional<uint64_t> soft;  // nullopt = infinity
  std::optional<uint64_t> hard;  // nullopt = infinity
};
std::optional<Rlimit> ParseRlimit(std::string_view text);

/// Expands unit specifiers (systemd.unit(5) "Specifiers") that depend only
/// on the unit name and the system manager: %n %N %p %i %I %j %J %t (/run)
/// %% ; nullopt when the text uses any other specifier (host name, machine
/// ID, ...), which cannot be known from the files alone.
std::optional<std::string> ExpandSpecifiers(std::string_view text, std::string_view unit_name);

}  // namespace synlint::systemd
