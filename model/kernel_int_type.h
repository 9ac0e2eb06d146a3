// SPDX-License-Identifier: MIT
// The C type a sysctl keeps its value in, from the handler that parses a
// write to it (the ctl_table entry's .proc_handler, recorded per kernel in
// model/knowledge/keys/VERSION.txt): a number outside the type's range is
// refused with EINVAL, whatever bounds the entry adds (docs/fact-checks.md
// §18).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/kernel_integer.h"
#include "model/kernel_version.h"

namespace synlint {

enum class KernelIntType : uint8_t {
  kUnknown,  // a handler whose range synlint has not read: no claim
  kInt,      // proc_dointvec, proc_dointvec_minmax, proc_dointvec_jiffies
  kUint,     // proc_douintvec, proc_douintvec_minmax
  kU8,       // proc_dou8vec_minmax
  kUlong,    // proc_doulongvec_minmax, proc_doulongvec_ms_jiffies_minmax
};

/// The type kernel/sysctl.c's `handler` refuses writes outside of (6.1 and
/// 6.12 read alike); kUnknown for any other handler.
KernelIntType IntTypeOfHandler(std::string_view handler);

/// "int", "unsigned int", "u8", "unsigned long".
std::string_view IntTypeName(KernelIntType type);

/// "-2147483648..2147483647", "0..255", ...
std::string IntTypeRange(KernelIntType type);

/// Whether `n` is inside the type's range. For an unsigned type a
/// negative number is refused, "-0" too (`if (err || neg)`).
bool FitsIntType(KernelIntType type, const KernelNumber& n);

/// What synlint knows of the type of `key` on `kernel`.
struct KeyIntType {
  KernelIntType type = KernelIntType::kUnknown;
  std::string handler;
  /// The handler is read in the source of the target kernel's own series;
  /// false: every listed kernel that has the key agrees, but the target's
  /// source was not read.
  bool proven = false;
  /// The kernels the handler was read in ("6.1", "6.1 and 6.12").
  std::string read_in;
};

/// The C type of `key` (a dotted name; per-interface keys by their pattern)
/// on `kernel`: from the list of its series when there is one (proven),
/// else from the lists that have the key when they all agree (not proven);
/// kUnknown otherwise.
KeyIntType IntTypeOfKey(std::string_view key, const KernelVersion& kernel);

}  // namespace synlint
