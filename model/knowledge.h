// SPDX-License-Identifier: MIT
// The kernel knowledge base: every known sysctl key with its type, enforced
// bounds, defaults per kernel version and meaning. Loaded from
// model/knowledge/kernel.yaml, which is compiled into C++ tables at build
// time (knowledge_codegen), so no process pays for parsing YAML.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/kernel_change.h"
#include "model/kernel_version.h"

namespace synlint {

struct KeyInfo {
  enum class Type { kInt, kEnum, kIntVector, kString };
  enum class Direction { kNone, kUp, kDown };
  std::string key;
  Type type = Type::kInt;
  std::optional<int64_t> min;
  std::optional<int64_t> max;
  std::vector<int64_t> values;  // kEnum
  int count = 1;                // kIntVector
  std::vector<std::pair<KernelVersion, std::string>> defaults;  // by 'since'
  bool computed_default = false;
  /// What the kernel computes the default from at boot, when a kernel
  /// version cannot tell it ("memory": tcp_max_syn_backlog from the size of
  /// the TCP established hash table). Empty when the default is known from
  /// the version. Such a default is asked of `Host::Setting`, never assumed.
  std::string default_depends_on;
  std::string default_note;
  std::optional<KernelVersion> since;
  std::optional<KernelVersion> removed;
  bool netns = false;
  bool listen_time = false;
  Direction direction = Direction::kNone;
  std::string summary;
  std::string citation;

  /// The default on `kernel`, if one is recorded for it.
  std::optional<std::string> DefaultOn(KernelVersion kernel) const;
  /// The last change of the default at or before `kernel`: the version, the
  /// value before it and the value from it on.
  struct DefaultChange {
    KernelVersion since;
    std::string from;
    std::string to;
  };
  std::optional<DefaultChange> LastDefaultChange(KernelVersion kernel) const;
  /// Whether `kernel` has this key (between since and removed).
  bool ExistsOn(KernelVersion kernel) const;
};

/// A kernel behaviour change: the first version with the new behaviour and
/// where that comes from (kernel file and function, the commit where known).
struct ChangeInfo {
  KernelChange change;
  KernelVersion since;
  std::string summary;
  std::string citation;
  /// Stable releases of older series that got the change (X.Y.Z, one per
  /// series, each below `since`).
  std::vector<KernelVersion> backports;

  /// Present from `since`, and on a series with a backport from its
  /// release on; unknown on that series when `kernel` has no patch level.
  ChangeState StateOn(KernelVersion kernel) const;
  /// The backport on `kernel`'s series, if it got one.
  const KernelVersion* BackportOn(KernelVersion kernel) const;
};

class KnowledgeBase {
 public:
  /// Parses the YAML text; on error returns false with `err` naming the line.
  bool Load(std::string_view yaml, std::string* err);
  /// The knowledge compiled into the binary from model/knowledge/*.yaml.
  static const KnowledgeBase& Builtin();
  /// Adds or replaces one key (for Load and the generated tables).
  void Add(KeyInfo key);
  void set_default_kernel(KernelVersion v) { default_kernel_ = v; }
  /// Adds or replaces one behaviour change.
  void AddChange(ChangeInfo change);

  const KeyInfo* Find(std::string_view key) const;
  const std::map<std::string, KeyInfo, std::less<>>& keys() const { return keys_; }
  KernelVersion default_kernel() const { return default_kernel_; }
  /// The change, or null when this knowledge base does not record it (the
  /// builtin one records every change: knowledge_codegen refuses otherwise).
  const ChangeInfo* FindChange(KernelChange change) const;
  /// The first kernel with `change`; throws std::logic_error when it is not recorded.
  KernelVersion Since(KernelChange change) const;

 private:
  std::map<std::string, KeyInfo, std::less<>> keys_;
  std::array<std::optional<ChangeInfo>, kKernelChanges.size()> changes_;
  KernelVersion default_kernel_{6, 1};
};

}  // namespace synlint
