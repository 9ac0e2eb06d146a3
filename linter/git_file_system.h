// SPDX-License-Identifier: MIT
// A read-only FileSystem over one git revision of the tree holding the root,
// for `--changed-since REV`: the same paths as the root, as they were at REV.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "core/file_system.h"

namespace synlint {

class GitFileSystem : public FileSystem {
 public:
  /// Reads the listing of `rev` for the git work tree containing `root`.
  /// Returns null with `err` when `root` is not in a git work tree or `rev`
  /// does not name a commit.
  static std::unique_ptr<GitFileSystem> Open(const std::string& root, const std::string& rev,
                                             std::string* err);

  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  bool WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                 std::string* err) override;
  std::string Describe() const override { return rev_; }

 private:
  struct Entry {
    std::string mode;  // "100644", "100755", "120000"
    std::string oid;
  };
  std::string top_;  // work tree top
  std::string rev_;
  std::map<std::string, Entry> entries_;  // root-relative path -> blob
};

/// Runs a command and returns its standard output; false when it fails.
bool RunCapture(const std::vector<std::string>& argv, std::string* out);

}  // namespace synlint
