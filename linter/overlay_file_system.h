// SPDX-License-Identifier: MIT
// A FileSystem that shows pending edits over another one, so fixes can be
// re-linted before anything is written.
#pragma once

#include <map>
#include <string>

#include "core/file_system.h"

namespace synlint {

class OverlayFileSystem : public FileSystem {
 public:
  explicit OverlayFileSystem(const FileSystem& base) : base_(base) {}
  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  /// Records new contents in the overlay only; the base is never written.
  bool WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                 std::string* err) override;
  std::string Describe() const override { return base_.Describe(); }
  const std::map<std::string, std::string>& changes() const { return files_; }

 private:
  const FileSystem& base_;
  std::map<std::string, std::string> files_;
};

}  // namespace synlint
