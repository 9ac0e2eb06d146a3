// SPDX-License-Identifier: MIT
#include "model/setting.h"

#include <algorithm>

#include "model/kernel_integer.h"

namespace synlint {

std::string IntSetting::Text() const {
  return Known() ? std::to_string(min) : std::to_string(min) + ".." + std::to_string(max);
}

std::string IntSetting::Explained() const {
  if (Known()) return Text();
  return formula + ", " + Text() + " by the machine's memory";
}

namespace {

// tcp_init(): alloc_large_system_hash("TCP established", ..., thash_entries,
// 17, 0, NULL, &ehash_mask, 0, thash_entries ? 0 : 512 * 1024): without the
// thash_entries= boot parameter the table has at most 524288 entries.
constexpr int64_t kMaxEhashEntries = 512 * 1024;

// tcp_sk_init() / tcp_set_hashinfo(): sysctl_max_syn_backlog = max(128, ehash_entries / N).
IntSetting MaxSynBacklogDefault(const Host& host) {
  const int64_t divisor = host.Has(KernelChange::kMaxSynBacklogEhash128) ? 128 : 256;
  const std::string formula = "max(128, ehash_entries / " + std::to_string(divisor) + ")";
  IntSetting s;
  if (const auto it = host.live_values.find("net.ipv4.tcp_max_syn_backlog"); it != host.live_values.end()) {
    s.min = s.max = it->second;
    s.origin = "read from /proc/sys, the kernel's " + formula + " on this machine";
    return s;
  }
  if (host.tcp_ehash_entries) {
    s.min = s.max = std::max<int64_t>(128, *host.tcp_ehash_entries / divisor);
    s.origin = "--tcp-ehash-entries " + std::to_string(*host.tcp_ehash_entries) + ": " + formula;
    return s;
  }
  s.min = 128;
  s.max = kMaxEhashEntries / divisor;
  s.formula = formula;
  s.origin = "computed at boot (pass --tcp-ehash-entries N from the boot line 'TCP established hash "
             "table entries: N', or audit the live host)";
  return s;
}

}  // namespace

std::optional<IntSetting> DefaultSettingOf(const Host& host, const std::string& key) {
  const KeyInfo* info = host.kb->Find(key);
  if (!info) return std::nullopt;
  if (info->default_depends_on == "memory" && key == "net.ipv4.tcp_max_syn_backlog")
    return MaxSynBacklogDefault(host);
  const auto v = host.IntDefault(key);
  if (!v) return std::nullopt;
  IntSetting s;
  s.min = s.max = *v;
  s.origin = "the Linux " + host.kernel.ToString() + " default";
  if (!info->default_depends_on.empty()) {
    // A key marked in the knowledge whose formula the model does not know:
    // the recorded value is only a floor (knowledge_test keeps this empty).
    s.max = INT64_MAX;
    s.formula = "computed at boot from the machine's " + info->default_depends_on;
  }
  return s;
}

std::optional<IntSetting> IntSettingOf(const Host& host, const std::string& key) {
  if (const SysctlEntry* w = host.Winner(key)) {
    const size_t end = w->value().find_first_of(" \t");
    const auto v = ParseKernelInt(std::string_view(w->value()).substr(0, end));
    if (!v) return std::nullopt;
    IntSetting s;
    s.min = s.max = *v;
    s.origin = w->file->path + ":" + std::to_string(w->file->lines().At(w->assignment->key.begin).line);
    return s;
  }
  return DefaultSettingOf(host, key);
}

}  // namespace synlint
