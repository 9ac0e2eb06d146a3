// SPDX-License-Identifier: MIT
// Integers as the kernel reads them from a write to /proc/sys: what
// systemd-sysctl and `sysctl -p` write is the value text as the file has it,
// and the kernel parses each number with proc_get_long() (kernel/sysctl.c).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace synlint {

/// Parses one number of a sysctl value as proc_get_long() does: an optional
/// '-' (never '+'), then digits in base 0 of strtoul_lenient(): "0x1f"
/// hexadecimal, a leading '0' octal ("010" is 8), otherwise decimal; a number
/// written in 21 characters or more is refused (TMPBUFLEN). nullopt for
/// anything else, and for a value outside int64_t (the kernel's unsigned
/// long keys accept up to 2^64-1; synlint does not model those values).
/// The text holds one number, without surrounding whitespace.
std::optional<int64_t> ParseKernelInt(std::string_view text);

}  // namespace synlint
