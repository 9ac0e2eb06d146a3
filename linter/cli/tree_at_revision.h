// SPDX-License-Identifier: MIT
// `--changed-since REV` for a host made of repository files (a file-list
// host of .synlint.yaml): the host's tree as it is now, each file's text
// as it was at REV.
#pragma once

#include <memory>
#include <string>

#include "core/file_system.h"
#include "linter/config/host_tree.h"
#include "linter/git_file_system.h"

namespace synlint::cli {

/// Read-only. Directories are the host's as they are now and list the files
/// they hold now that existed at REV; a file reads as its repository path
/// did at REV (a template masked as the host masks it now). A file the lists
/// matched only at REV, since deleted, is not seen: the lists are expanded
/// on the work tree.
class TreeAtRevision : public FileSystem {
 public:
  /// `git` is opened on the repository (`now`'s base directory).
  TreeAtRevision(const HostTreeFileSystem& now, std::unique_ptr<GitFileSystem> git)
      : now_(now), git_(std::move(git)) {}
  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  bool WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                 std::string* err) override;
  std::string Describe() const override { return git_->Describe(); }

 private:
  const HostTreeFileSystem& now_;
  std::unique_ptr<GitFileSystem> git_;
};

}  // namespace synlint::cli
