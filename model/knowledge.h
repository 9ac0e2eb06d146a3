// The kernel knowledge base: every known sysctl key with its type, enforced
// bounds, defaults per kernel version and meaning. Loaded from
// model/knowledge/kernel.yaml, which is compiled into C++ tables at build
// time (knowledge_codegen), so no process pays for parsing YAML.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
  /// Whether `kernel` has this key (between since and removed).
  bool ExistsOn(KernelVersion kernel) const;
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

  const KeyInfo* Find(std::string_view key) const;
  const std::map<std::string, KeyInfo, std::less<>>& keys() const { return keys_; }
  KernelVersion default_kernel() const { return default_kernel_; }

 private:
  std::map<std::string, KeyInfo, std::less<>> keys_;
  KernelVersion default_kernel_{6, 1};
};

}  // namespace synlint
