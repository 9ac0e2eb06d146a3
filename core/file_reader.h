// SPDX-License-Identifier: MIT
// Reading config files: resolve inside the root, refuse what is not text,
// keep every file once under its real path.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/file_system.h"
#include "core/source.h"

namespace synlint {

/// Files larger than this are reported (SL002) rather than parsed.
inline constexpr uint64_t kMaxConfigFileSize = 64ull << 20;

/// A loader stops after walking this many directives in one run, includes
/// expanded in place: include fan-out can grow a configuration exponentially,
/// so this per-run budget bounds the work whatever the input. Reported once.
inline constexpr uint64_t kMaxWalkDirectives = 5'000'000;

struct ReadOutcome {
  enum class Status { kOk, kMasked, kMissing, kProblem };
  Status status = Status::kMissing;
  const SourceFile* file = nullptr;  // when kOk; owned by the SourceSet
  std::string real_path;             // resolved path (kOk, kMasked)
  std::string problem;               // why, when kProblem ("symlink loop", ...)
};

/// All files read for one host, each once, keyed by real path.
class SourceSet {
 public:
  explicit SourceSet(const FileSystem& fs) : fs_(fs) {}
  /// Resolves `path` inside the root and reads it once.
  ReadOutcome Read(const std::string& path);
  const SourceFile* Find(const std::string& real_path) const;
  /// Adds an in-memory file (used for files a fix creates).
  const SourceFile* Add(const std::string& path, std::string text);
  const FileSystem& fs() const { return fs_; }
  const std::map<std::string, std::unique_ptr<SourceFile>>& files() const {
    return files_;
  }

 private:
  const FileSystem& fs_;
  std::map<std::string, std::unique_ptr<SourceFile>> files_;
  std::map<std::string, std::string> problems_;  // real path -> reason
};

/// Describes why `bytes` is not a config text file, or "" when it is.
std::string CheckTextFile(std::string_view bytes);

}  // namespace synlint
