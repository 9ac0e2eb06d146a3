// SPDX-License-Identifier: MIT
// Writing below a root with the kernel keeping every step inside it: the
// directory is opened from a descriptor of the root with no symlink followed,
// and the temporary file, the checks and the rename all go through that
// directory's descriptor, so swapping a directory for a symlink meanwhile
// cannot send the write anywhere else.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_system.h"

namespace synlint {

/// What a confined write needs: `dir` is root-relative and already resolved
/// (no symlink, no ".."); the kernel refuses it if that is no longer true.
struct ConfinedWrite {
  std::string root;          // host path of the root
  std::string dir;           // resolved directory, "" = the root
  bool create_dir = false;   // create `dir`'s missing components (0755)
  std::string name;          // file name in `dir`
  std::string shown;         // root-relative path for messages and hooks
  std::string_view contents;
  uint32_t new_mode = 0644;  // for a new file
  bool check = true;         // check `expected` (else replace whatever regular file is there)
  const std::string* expected = nullptr;  // null: the file must not exist
};

/// Opens `dir`, checks the target, writes and fsyncs a temporary file
/// ".<name>.synlint-tmp-XXXXXX" beside it with the target's metadata, and
/// returns it ready to rename. Null with `err` (a clause) when refused.
std::unique_ptr<PendingWrite> PrepareConfinedWrite(const ConfinedWrite& w, std::string* err);

/// Whether `name` is one of the temporary files PrepareConfinedWrite makes.
bool IsSynlintTempName(std::string_view name);

/// Removes every temporary file of a write in progress; async-signal-safe,
/// for SIGINT/SIGTERM handlers.
void RemovePendingTempFiles();

/// Test hook, called at each step of a confined write ("dir-resolved",
/// "dir-opened", "temp-written", "before-rename") with the file's root-relative path;
/// returning false fails that step. It makes races deterministic: the hook
/// changes the tree at the exact step. An empty function removes it.
using WriteStepHook = std::function<bool(std::string_view step, const std::string& path)>;
void SetWriteStepHookForTest(WriteStepHook hook);

/// Test switch: walk directories with openat(O_NOFOLLOW) per component even
/// where the kernel has openat2, so both ways are tested.
void ForceDescriptorWalkForTest(bool on);

}  // namespace synlint
