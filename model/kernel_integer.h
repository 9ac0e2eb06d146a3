// SPDX-License-Identifier: MIT
// Integers as the kernel reads them from a write to /proc/sys: what
// systemd-sysctl and `sysctl -p` write is the value text as the file has it,
// and the kernel parses each number with proc_get_long() (kernel/sysctl.c).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace synlint {

/// A number as proc_get_long() returns it: a sign and an unsigned long.
struct KernelNumber {
  bool negative = false;  // "-0" too: the unsigned handlers refuse it
  uint64_t magnitude = 0;
};

/// Parses one number of a sysctl value as proc_get_long() does: an optional
/// '-' (never '+'), then digits in base 0 of strtoul_lenient(): "0x1f"
/// hexadecimal, a leading '0' octal ("010" is 8), otherwise decimal; a
/// magnitude above 2^64-1 (-ERANGE) or a number written in 21 characters or
/// more (TMPBUFLEN) is refused. nullopt for anything else. The text holds
/// one number, without surrounding whitespace.
std::optional<KernelNumber> ParseKernelNumber(std::string_view text);

/// ParseKernelNumber() as an int64_t; nullopt also for a number outside
/// int64_t (an unsigned long key accepts up to 2^64-1: ask
/// ParseKernelNumber() for those).
std::optional<int64_t> ParseKernelInt(std::string_view text);

}  // namespace synlint
