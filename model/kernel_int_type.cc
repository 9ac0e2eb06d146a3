// SPDX-License-Identifier: MIT
#include "model/kernel_int_type.h"

#include <limits>

#include "model/key_names.h"

namespace synlint {

KernelIntType IntTypeOfHandler(std::string_view h) {
  // do_proc_dointvec_conv(): EINVAL for a magnitude above INT_MAX (INT_MAX + 1
  // when negative); the jiffies variant refuses above INT_MAX / HZ, so
  // outside int too. Not proc_dointvec_ms_jiffies* (msecs_to_jiffies() takes
  // an unsigned int: larger values wrap, not refused), not
  // proc_dointvec_userhz_jiffies (no int check), not proc_dobool (6.1 stores
  // any number as a bool; 6.12 goes through proc_dointvec).
  if (h == "proc_dointvec" || h == "proc_dointvec_minmax" || h == "proc_dointvec_jiffies")
    return KernelIntType::kInt;
  // do_proc_douintvec_w(): `if (err || neg)` EINVAL; do_proc_douintvec_conv()
  // EINVAL above UINT_MAX.
  if (h == "proc_douintvec" || h == "proc_douintvec_minmax") return KernelIntType::kUint;
  // proc_dou8vec_minmax(): min 0, max 255U through do_proc_douintvec().
  if (h == "proc_dou8vec_minmax") return KernelIntType::kU8;
  // __do_proc_doulongvec_minmax(): `if (err || neg)` EINVAL; the number is an
  // unsigned long (strtoul_lenient(): -ERANGE above it).
  if (h == "proc_doulongvec_minmax" || h == "proc_doulongvec_ms_jiffies_minmax") return KernelIntType::kUlong;
  return KernelIntType::kUnknown;
}

std::string_view IntTypeName(KernelIntType type) {
  switch (type) {
    case KernelIntType::kInt: return "int";
    case KernelIntType::kUint: return "unsigned int";
    case KernelIntType::kU8: return "u8";
    case KernelIntType::kUlong: return "unsigned long";
    case KernelIntType::kUnknown: break;
  }
  return "unknown";
}

namespace {

constexpr uint64_t kIntMax = static_cast<uint64_t>(std::numeric_limits<int32_t>::max());

uint64_t MaxOf(KernelIntType type) {
  switch (type) {
    case KernelIntType::kInt: return kIntMax;
    case KernelIntType::kUint: return std::numeric_limits<uint32_t>::max();
    case KernelIntType::kU8: return 255;
    case KernelIntType::kUlong:  // 64-bit kernels: what every listed Debian kernel is built for
    case KernelIntType::kUnknown: break;
  }
  return std::numeric_limits<uint64_t>::max();
}

}  // namespace

std::string IntTypeRange(KernelIntType type) {
  const std::string low = type == KernelIntType::kInt ? "-" + std::to_string(kIntMax + 1) : "0";
  return low + ".." + std::to_string(MaxOf(type));
}

bool FitsIntType(KernelIntType type, const KernelNumber& n) {
  if (type == KernelIntType::kUnknown) return true;
  if (n.negative) return type == KernelIntType::kInt && n.magnitude <= kIntMax + 1;
  return n.magnitude <= MaxOf(type);
}

KeyIntType IntTypeOfKey(std::string_view key, const KernelVersion& kernel) {
  const std::vector<std::string_view> handlers = KeyHandlers(key);
  const std::vector<KernelVersion>& versions = KeyNameVersions();
  KeyIntType out;
  for (size_t i = 0; i < versions.size() && i < handlers.size(); ++i) {
    if (versions[i] != kernel) continue;
    out.handler = std::string(handlers[i]);
    out.type = IntTypeOfHandler(handlers[i]);
    out.proven = true;
    out.read_in = versions[i].Series();
    return out;
  }
  // No list of the target's series: a claim only where every list agrees.
  for (size_t i = 0; i < versions.size() && i < handlers.size(); ++i) {
    if (handlers[i].empty()) continue;  // the key is not in that list
    const KernelIntType t = IntTypeOfHandler(handlers[i]);
    if (t == KernelIntType::kUnknown || (!out.handler.empty() && t != out.type)) return {};
    if (out.handler.empty()) out.handler = std::string(handlers[i]);
    out.type = t;
    out.read_in += (out.read_in.empty() ? "" : " and ") + versions[i].Series();
  }
  // "6.1 and 6.12 and 7.0" reads as a list: keep only the last " and ".
  for (size_t at = out.read_in.find(" and "); at != std::string::npos;) {
    const size_t next = out.read_in.find(" and ", at + 5);
    if (next == std::string::npos) break;
    out.read_in.replace(at, 5, ", ");
    at = out.read_in.find(" and ", at);
  }
  return out;
}

}  // namespace synlint
