// SPDX-License-Identifier: MIT
#include "model/value_check.h"

#include <sstream>

#include "model/host.h"

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
    const auto n = ParseKernelInt(w);
    if (!n) return reject("'" + w + "' is not an integer");
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
    if (*hi < *lo) return reject("the range ends below its start; the kernel rejects it");
  }
  return out;
}

}  // namespace synlint
