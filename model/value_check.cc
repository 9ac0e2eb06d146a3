// SPDX-License-Identifier: MIT
#include "model/value_check.h"

#include <sstream>

#include "model/host.h"
#include "model/kernel_int_type.h"

namespace synlint {

std::vector<std::string> ValueFields(const std::string& v) {
  std::istringstream in(v);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

ValueCheck CheckValue(const KeyInfo& info, const std::string& value) {
  auto reject = [](std::string why) { return ValueCheck{ValueVerdict::kRejected, std::move(why)}; };
  if (info.type == KeyInfo::Type::kString) return {};
  const std::vector<std::string> fields = ValueFields(value);
  if (fields.empty()) return reject("the value is empty");
  const size_t want = info.type == KeyInfo::Type::kIntVector ? static_cast<size_t>(info.count) : 1;
  if (fields.size() != want) {
    return reject(want == 1 ? "expected one integer, got " + std::to_string(fields.size()) + " fields"
                            : "expected " + std::to_string(want) + " integers, got " +
                                  std::to_string(fields.size()));
  }
  ValueCheck out;
  for (const std::string& w : fields) {
    const auto number = ParseKernelNumber(w);
    if (!number) return reject("'" + w + "' is not an integer");
    const auto n = ParseKernelInt(w);
    if (!n) {
      // Beyond int64_t: above any recorded maximum (a negative one is below
      // any minimum); whether the key's C type holds it is CheckIntType's.
      if (!number->negative && info.max)
        return reject("above the maximum " + std::to_string(*info.max) + " the kernel enforces");
      if (number->negative && info.min)
        return reject("below the minimum " + std::to_string(*info.min) + " the kernel enforces");
      continue;
    }
    if (info.min && *n < *info.min)
      return reject("below the minimum " + std::to_string(*info.min) + " the kernel enforces");
    if (info.max && *n > *info.max)
      return reject("above the maximum " + std::to_string(*info.max) + " the kernel enforces");
    if (info.type == KeyInfo::Type::kEnum && !info.values.empty()) {
      bool ok = false;
      std::string list;
      for (int64_t v : info.values) {
        ok |= v == *n;
        list += (list.empty() ? "" : ", ") + std::to_string(v);
      }
      if (!ok) out = {ValueVerdict::kUndocumented, "the documented values are " + list};
    }
  }
  if (info.key == "net.ipv4.ip_local_port_range") {
    const auto lo = ParseKernelInt(fields[0]);
    const auto hi = ParseKernelInt(fields[1]);
    if (lo && hi && *hi < *lo) return reject("the range ends below its start; the kernel rejects it");
  }
  return out;
}

ValueCheck CheckIntType(std::string_view key, const std::string& value, const KernelVersion& kernel,
                        bool every_field) {
  const KeyIntType type = IntTypeOfKey(key, kernel);
  if (type.type == KernelIntType::kUnknown) return {};
  const std::vector<std::string> fields = ValueFields(value);
  const std::string type_name(IntTypeName(type.type));
  const std::string unread = "; the handler of Linux " + kernel.Series() + " was not read";
  for (size_t i = 0; i < fields.size() && (every_field || i == 0); ++i) {
    const auto n = ParseKernelNumber(fields[i]);
    std::string why;
    if (!n) {
      why = "'" + fields[i] + "' is not an integer, which " +
            (type.proven ? "the kernel's " + type.handler + " requires"
                         : type.handler + " requires on Linux " + type.read_in + unread);
    } else if (!FitsIntType(type.type, *n)) {
      why = "'" + fields[i] + "' is outside the " + type_name +
            (type.proven ? " the kernel's " + type.handler + " stores it in (" + IntTypeRange(type.type) + ")"
                         : " it is kept in on Linux " + type.read_in + " (" + type.handler + ": " +
                               IntTypeRange(type.type) + ")" + unread);
    } else {
      continue;
    }
    return ValueCheck{ValueVerdict::kRejected, std::move(why), type.proven};
  }
  return {};
}

ValueCheck CheckKnownValue(const KeyInfo& info, const std::string& value, const KernelVersion& kernel) {
  ValueCheck check = CheckValue(info, value);
  if (check.verdict == ValueVerdict::kRejected || info.type == KeyInfo::Type::kString) return check;
  ValueCheck typed = CheckIntType(info.key, value, kernel, info.type == KeyInfo::Type::kIntVector);
  return typed.verdict == ValueVerdict::kRejected ? typed : check;
}

}  // namespace synlint
