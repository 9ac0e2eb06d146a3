// SPDX-License-Identifier: MIT
#include "model/key_names.h"

#include <algorithm>
#include <span>

namespace synlint {

// Defined in the generated key_names_table.cc: sorted by name, unique.
extern const KeyName kKeyNames[];
extern const size_t kKeyNamesCount;
extern const KernelVersion kKeyNameVersions[];
extern const size_t kKeyNameVersionsCount;
extern const std::string_view kKeyHandlers[];

namespace {

constexpr std::string_view kIf = "<if>";

std::span<const KeyName> Table() { return {kKeyNames, kKeyNamesCount}; }

const KeyName* Find(std::string_view key) {
  const auto table = Table();
  const auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const KeyName& k, std::string_view s) { return k.name < s; });
  return it != table.end() && it->name == key ? &*it : nullptr;
}

uint32_t Exact(std::string_view key) {
  const KeyName* k = Find(key);
  return k ? k->lists : 0;
}

/// What comes before "<if>" in the patterns ("net.ipv4.conf.", ...): a handful.
const std::vector<std::string_view>& PatternPrefixes() {
  static const std::vector<std::string_view> prefixes = [] {
    std::vector<std::string_view> out;
    for (const KeyName& k : Table()) {
      const size_t at = k.name.find(kIf);
      if (at == std::string_view::npos) continue;
      const std::string_view prefix = k.name.substr(0, at);
      if (std::find(out.begin(), out.end(), prefix) == out.end()) out.push_back(prefix);
    }
    return out;
  }();
  return prefixes;
}

/// The interfaces every host has a table of a pattern on: `all` and `default`
/// for the IPv4 and IPv6 conf tables, `default` for the neighbour tables
/// (neigh_sysctl_register), none for MPLS or AX.25 devices.
std::vector<std::string_view> InterfacesToSuggest(std::string_view prefix) {
  if (prefix == "net.ipv4.conf." || prefix == "net.ipv6.conf.") return {"all", "default"};
  if (prefix == "net.ipv4.neigh." || prefix == "net.ipv6.neigh.") return {"default"};
  return {};
}

/// Calls `found` with the entry of each per-interface pattern `key` matches.
template <typename Found>
void ForEachPattern(std::string_view key, Found found) {
  for (const std::string_view prefix : PatternPrefixes()) {
    if (key.size() <= prefix.size() || key.substr(0, prefix.size()) != prefix) continue;
    const std::string_view rest = key.substr(prefix.size());
    const size_t dot = rest.find('.');
    if (dot == 0 || dot == std::string_view::npos) continue;
    std::string pattern;
    pattern.reserve(key.size() + kIf.size());
    pattern.append(prefix).append(kIf).append(rest.substr(dot));
    if (const KeyName* k = Find(pattern)) found(*k);
  }
}

}  // namespace

uint32_t KeyNameLists(std::string_view key) {
  uint32_t lists = Exact(key);
  ForEachPattern(key, [&lists](const KeyName& k) { lists |= k.lists; });
  return lists;
}

std::vector<std::string_view> KeyHandlers(std::string_view key) {
  const KeyName* entry = Find(key);
  if (!entry) ForEachPattern(key, [&entry](const KeyName& k) { entry = entry ? entry : &k; });
  std::vector<std::string_view> out(kKeyNameVersionsCount);
  if (!entry) return out;
  const size_t row = static_cast<size_t>(entry - kKeyNames) * kKeyNameVersionsCount;
  for (size_t i = 0; i < kKeyNameVersionsCount; ++i) out[i] = kKeyHandlers[row + i];
  return out;
}

const std::vector<KernelVersion>& KeyNameVersions() {
  static const std::vector<KernelVersion> versions(kKeyNameVersions, kKeyNameVersions + kKeyNameVersionsCount);
  return versions;
}

const std::vector<std::string>& KeyNamesToSuggest() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const KeyName& k : Table()) {
      const size_t at = k.name.find(kIf);
      if (at == std::string_view::npos) {
        out.emplace_back(k.name);
        continue;
      }
      for (const std::string_view on : InterfacesToSuggest(k.name.substr(0, at)))
        out.push_back(std::string(k.name.substr(0, at)) + std::string(on) +
                      std::string(k.name.substr(at + kIf.size())));
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return names;
}

}  // namespace synlint
