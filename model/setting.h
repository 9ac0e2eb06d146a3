// SPDX-License-Identifier: MIT
// An integer sysctl as far as the host shows it. A key set in a file, or
// whose default the kernel version gives, has one value. An unset key whose
// default the kernel computes at boot from the machine (kernel.yaml
// `default_depends_on`, e.g. tcp_max_syn_backlog from the size of the TCP
// established hash table) has one value only when the host tells it (live
// /proc/sys on '/', --tcp-ehash-entries); otherwise its range and formula,
// so that nothing downstream states a number synlint cannot know.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/host.h"

namespace synlint {

struct IntSetting {
  int64_t min = 0;
  int64_t max = 0;
  /// How the kernel computes an unknown default: "max(128, ehash_entries / 128)".
  std::string formula;
  /// Where the value comes from: "etc/sysctl.d/60-net.conf:3", "the Linux 6.1
  /// default", "read from /proc/sys", "--tcp-ehash-entries 262144: max(128, 262144 / 128)".
  std::string origin;

  bool Known() const { return min == max; }
  /// "2048", or "128..4096" when not known.
  std::string Text() const;
  /// Text() with the formula when not known: "max(128, ehash_entries / 128), 128..4096 by the machine's memory".
  std::string Explained() const;
};

/// The value of integer `key` in force on the host; nullopt when the key is
/// not an integer or neither a file nor the knowledge gives it.
std::optional<IntSetting> IntSettingOf(const Host& host, const std::string& key);

/// The kernel default of integer `key` on this host, by the same rules
/// (files aside).
std::optional<IntSetting> DefaultSettingOf(const Host& host, const std::string& key);

}  // namespace synlint
