// SPDX-License-Identifier: MIT
// A host described in .synlint.yaml, seen as an /etc-shaped root.
//
// A root host (`root: hosts/web`) is its directory. A file-list host is a
// virtual tree whose files are repository files:
//   sysctl   each file        -> etc/sysctl.d/<name>  (sysctl.conf -> etc/sysctl.conf;
//                                ".conf" is added to a name without it)
//   nginx    the first file   -> etc/nginx/nginx.conf, and its whole directory
//                                -> etc/nginx/ so relative includes work; later
//                                files outside that directory -> etc/nginx/conf.d/<name>
//   apache   the first file   -> etc/apache2/apache2.conf, its directory -> etc/apache2/;
//                                later files outside it -> etc/apache2/conf-enabled/<name>
//   systemd  each unit        -> etc/systemd/system/<name> (a file in a "*.d"
//                                directory -> etc/systemd/system/<that dir>/<name>)
//   shell    each script      -> usr/local/sbin/<name>: a script someone runs by hand
//                                (parsers/shell/discover.h)
// `<name>` is the file name without a ".j2" suffix; inside a mapped directory
// "x.conf.j2" is also seen as "x.conf" (unless "x.conf" exists).
//
// Templates (".j2", or text with "{{"/"{%") are served masked (see
// template_mask.h). Writes go to the repository file; a masked file gets its
// template text back first, and a fix that would change template text is
// refused. Everything else is read-only.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/file_system.h"
#include "core/source.h"
#include "linter/config/config.h"

namespace synlint {

class HostTreeFileSystem : public FileSystem {
 public:
  /// `base_dir` is the absolute directory repository paths are relative to:
  /// the repository, a root like --root. Every repository path is resolved
  /// inside it (symlinks followed there, an absolute target from its top,
  /// ".." above it refused), every read goes through a DiskFileSystem on it,
  /// and every write through its confined writer (core/confined_write.h).
  explicit HostTreeFileSystem(std::string base_dir);

  /// Shows repository file `repo_path` (relative to base_dir) at
  /// `virtual_path`. False with `err` unless it resolves to a regular file
  /// inside the repository.
  bool MapFile(const std::string& virtual_path, const std::string& repo_path, std::string* err);
  /// Shows repository directory `repo_dir` and everything below it at
  /// `virtual_dir` ("" = the root). False with `err` unless it resolves to a
  /// directory inside the repository. Symlinks below it are seen as symlinks
  /// of the virtual tree and resolved there.
  bool MapDir(const std::string& virtual_dir, const std::string& repo_dir, std::string* err);

  /// The repository path (relative to base_dir) of a virtual path; for a
  /// file a fix would create, where it would be written. `virtual_path`
  /// unchanged when no repository place corresponds.
  std::string ToRepoPath(const std::string& virtual_path) const;
  /// Whether the file is served masked.
  bool IsTemplate(const std::string& virtual_path) const;
  /// Whether `span` of the file touches masked template text, so the value
  /// there is a placeholder and must not be judged.
  bool SpanTouchesTemplate(const std::string& virtual_path, Span span) const;
  /// Whether a line `span` lies on holds template text: a finding at a
  /// sysctl key judges the value beside it.
  bool LineTouchesTemplate(const std::string& virtual_path, Span span) const;
  /// The text WriteFile() would write for `contents` (template text restored),
  /// for showing diffs with repository text. False with `err` when refused.
  bool ToRepoContents(const std::string& virtual_path, std::string_view contents, std::string* out,
                      std::string* err) const;

  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents, std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  bool WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                 std::string* err) override;
  /// Checks the repository file's text (template text included) again before replacing it.
  std::unique_ptr<PendingWrite> PrepareWrite(const std::string& path, std::string_view contents,
                                             uint32_t new_mode, const std::string* expected,
                                             std::string* err) override;
  std::string Describe() const override { return base_dir_; }
  void ForgetSnapshot() override { disk_.ForgetSnapshot(); }

 private:
  struct Masked {
    bool is_template = false;
    std::vector<Span> spans;
    std::vector<Span> lines;  // each span widened to the whole lines it is on
  };
  /// Repository path (resolved, relative to base_dir_) shown at `path`, or nullopt. `for_write`: also where
  /// a new file would go.
  std::optional<std::string> DiskPath(const std::string& path, bool for_write) const;
  bool IsSyntheticDir(const std::string& path) const;
  const Masked& MaskOf(const std::string& path) const;

  std::string base_dir_;
  DiskFileSystem disk_{"/"};                  // on base_dir_ once constructed
  std::map<std::string, std::string> files_;  // virtual -> repository path
  std::map<std::string, std::string> dirs_;   // virtual dir -> repository dir ("" = its top)
  std::set<std::string> hidden_;              // disk files mapped by name: not shown again via a dir
  mutable std::map<std::string, Masked> masks_;
};

/// Builds the tree of `host` (either kind). Problems (two files mapping to
/// one place) are appended to `errors` with the list entry's location.
std::unique_ptr<HostTreeFileSystem> BuildHostTree(const Config& config, const HostConfig& host,
                                                  std::vector<ConfigError>* errors);

}  // namespace synlint
