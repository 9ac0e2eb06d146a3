// SPDX-License-Identifier: MIT
// The names of every sysctl key of the kernels synlint has a name list for
// (model/knowledge/keys/VERSION.txt, made from Debian's kernel sources by
// tools/sysctl_key_names.py), apart from the rich metadata of knowledge.h:
// a key named here exists in some kernel, whether or not kernel.yaml
// describes it. The lists are compiled into a sorted table at build time
// (key_names_codegen), so a lookup is a binary search.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/kernel_version.h"

namespace synlint {

/// One name of the generated table: a dotted key, or a per-interface
/// pattern with "<if>" as the interface component.
struct KeyName {
  std::string_view name;
  uint32_t lists;  // bit i: the name is in the list of KeyNameVersions()[i]
};

/// Which name lists have `key` (a normalised, dotted key), as KeyName::lists
/// bits; 0 when none. A per-interface key (`net.ipv4.conf.eth0.rp_filter`)
/// matches its pattern (`net.ipv4.conf.<if>.rp_filter`) whatever the interface.
uint32_t KeyNameLists(std::string_view key);
inline bool KnownKeyName(std::string_view key) { return KeyNameLists(key) != 0; }

/// The .proc_handler each list records for `key` (its exact name, else its
/// per-interface pattern), one per KeyNameVersions() entry: "" where the list
/// lacks the key, "-" where the script read no handler, several joined by ','
/// where the key's entries differ.
std::vector<std::string_view> KeyHandlers(std::string_view key);

/// The kernels with a name list, oldest first.
const std::vector<KernelVersion>& KeyNameVersions();

/// Every listed name, patterns written on "all" and on "default" (a real
/// key to suggest), sorted and unique.
const std::vector<std::string>& KeyNamesToSuggest();

}  // namespace synlint
