// SPDX-License-Identifier: MIT
// The text a shell word stands for, when it can be known without running anything: literal words,
// quotes, backslash escapes, and `$NAME` of a variable assigned once, earlier, in the same scope.
// Every character keeps the byte it came from, so a key or value found inside the text maps back
// to its exact span; anything computed (a command substitution, arithmetic, a loop variable, a
// variable assigned twice) makes the word dynamic, never guessed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/source.h"
#include "parsers/shell/bash_tree.h"

namespace synlint::shell {

struct WordValue {
  std::string text;
  /// The source byte of each character of `text`; kComputed for characters a variable supplied.
  std::vector<uint32_t> from;
  bool dynamic = false;
  std::string why;  // when dynamic: what could not be known ("command substitution")
  static constexpr uint32_t kComputed = UINT32_MAX;

  /// The source span of characters [begin, end) of `text`: from the first one's byte to the last
  /// one's; `*exact` is set when those characters are exactly those bytes, in order, as written
  /// (an edit to the span changes them and nothing else).
  Span SourceOf(size_t begin, size_t end, bool* exact) const;
};

/// Variables assigned in a script: each name's assignments, for `$NAME` lookups.
class Variables {
 public:
  /// Records every `NAME=value` (plain, `local`, `export`, ...) of the tree.
  void Collect(const BashTree& tree);
  /// The one assignment of `name` that `use` may read: assigned exactly once in the script, before
  /// `use`, in the same function (or both outside any), not in a loop; null node otherwise.
  /// `use_scope` is the use's WalkFrame::scope.
  TSNode Lookup(std::string_view name, uint32_t use_start, uint32_t use_scope, std::string* why) const;

 private:
  struct Assigned {
    TSNode value{};
    uint32_t count = 0;
    bool in_loop = false;
    uint32_t scope = 0;  // start byte of the enclosing function, or UINT32_MAX at top level
    uint32_t end = 0;
  };
  std::unordered_map<std::string, Assigned> assigned_;
};

/// Evaluates a word-like node (word, number, string, raw_string, ansi_c_string, concatenation,
/// simple_expansion, expansion, ...); `scope` is the word's WalkFrame::scope.
WordValue Evaluate(const BashTree& tree, TSNode word, const Variables& vars, uint32_t scope);

}  // namespace synlint::shell
