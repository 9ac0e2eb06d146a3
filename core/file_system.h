// SPDX-License-Identifier: MIT
// File access confined to a root. Every path here is relative to the root,
// '/'-separated, with no leading slash ("etc/sysctl.d/99-sysctl.conf"); the
// empty string is the root itself. Nothing can name a file outside the root.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace synlint {

enum class NodeKind { kMissing, kRegular, kDirectory, kSymlink, kOther };

struct NodeStat {
  NodeKind kind = NodeKind::kMissing;
  uint32_t mode = 0;  // permission bits
  uint64_t size = 0;
  uint32_t uid = 0;
  uint32_t gid = 0;
  int64_t mtime_ns = 0;
};

/// A replacement file written and fsynced but not yet in place (see
/// FileSystem::PrepareWrite). Destroying it uncommitted removes what it made.
class PendingWrite {
 public:
  virtual ~PendingWrite() = default;
  /// Puts the file in place; false with `err` (a clause such as "it changed
  /// while synlint was writing") when the target is no longer what was expected.
  virtual bool Commit(std::string* err) = 0;
  /// What the preparation noticed on the way (leftovers of an interrupted run it removed).
  const std::vector<std::string>& notes() const { return notes_; }

 protected:
  std::vector<std::string> notes_;
};

/// Raw access to a tree (no symlink following except where stated).
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  /// Like lstat(2).
  virtual NodeStat Lstat(const std::string& path) const = 0;
  virtual bool ReadLink(const std::string& path, std::string* target) const = 0;
  /// Reads a regular file at a resolved path. On failure fills `err` with a
  /// reason such as "permission denied".
  virtual bool ReadFile(const std::string& path, std::string* contents,
                        std::string* err) const = 0;
  /// Entry names of a directory (not sorted, no "." or ".."); empty when
  /// the directory is missing or unreadable.
  virtual std::vector<std::string> ListDir(const std::string& path) const = 0;
  /// Replaces or creates a regular file atomically, keeping mode and owner
  /// of an existing file (new files get `new_mode`).
  virtual bool WriteFile(const std::string& path, std::string_view contents,
                         uint32_t new_mode, std::string* err) = 0;
  /// The first half of a write that can still be called off: checks that
  /// `path` holds exactly `*expected` (or does not exist when `expected` is
  /// null) and prepares `contents` to replace it. Nothing is visible until
  /// Commit(), which checks again. Null with `err` (a clause) when refused.
  /// This default checks now and calls WriteFile() on commit.
  virtual std::unique_ptr<PendingWrite> PrepareWrite(const std::string& path, std::string_view contents,
                                                     uint32_t new_mode, const std::string* expected,
                                                     std::string* err);
  /// Human-readable location of the tree, for messages ("/srv/web" or "<memory>").
  virtual std::string Describe() const = 0;
  /// Drops whatever the tree remembers of earlier calls, so the next ones see
  /// the tree as it is now (the checks before writing fixes need that).
  virtual void ForgetSnapshot() {}
};

/// The real disk below `root` ("/" for a live host). It remembers what
/// Lstat found, so a run sees one snapshot of each path and resolving a
/// file's components again (discovery, then the read, then a second loader)
/// costs no system call; its own writes forget everything it remembered.
///
/// Writes are confined by the kernel (core/confined_write.h): the directory
/// is resolved inside the root as reads resolve it, then opened from a
/// descriptor of the root with no symlink followed (openat2, or a descriptor
/// walk with O_NOFOLLOW), and the temporary file and the rename use that
/// directory's descriptor. A symlink that does not lead to a directory inside
/// the root refuses the write. Mode (setuid/setgid/sticky too), owner, group
/// and extended attributes (ACLs, SELinux labels) of a replaced file are kept.
///
/// With an `anchor` (a host directory `root` lies below, as a repository
/// holds a host's tree), writes open the anchor and then walk down to the
/// root too with no symlink followed, so nothing leaves the anchor even if
/// the root's own path is swapped for a symlink.
class DiskFileSystem : public FileSystem {
 public:
  explicit DiskFileSystem(std::string root, std::string anchor = "");
  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents,
                std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  bool WriteFile(const std::string& path, std::string_view contents,
                 uint32_t new_mode, std::string* err) override;
  std::unique_ptr<PendingWrite> PrepareWrite(const std::string& path, std::string_view contents,
                                             uint32_t new_mode, const std::string* expected,
                                             std::string* err) override;
  std::string Describe() const override { return root_; }
  void ForgetSnapshot() override { lstat_cache_.clear(); }
  std::string HostPath(const std::string& path) const;

 private:
  /// `check`: whether `expected` is checked (WriteFile replaces whatever is there).
  std::unique_ptr<PendingWrite> Prepare(const std::string& path, std::string_view contents,
                                        uint32_t new_mode, bool check, const std::string* expected,
                                        std::string* err);
  std::string root_;
  std::string anchor_;  // "" or a host directory above root_
  std::string below_;   // root_ relative to anchor_
  bool outside_anchor_ = false;
  mutable std::unordered_map<std::string, NodeStat> lstat_cache_;
};

/// An in-memory tree for tests.
class MemoryFileSystem : public FileSystem {
 public:
  struct Node {
    NodeKind kind = NodeKind::kRegular;
    std::string contents;  // file bytes, or symlink target
    uint32_t mode = 0644;
    bool readable = true;
  };
  void AddFile(const std::string& path, std::string contents,
               uint32_t mode = 0644);
  void AddSymlink(const std::string& path, std::string target);
  void AddDir(const std::string& path);
  void SetUnreadable(const std::string& path);
  const Node* Find(const std::string& path) const;

  NodeStat Lstat(const std::string& path) const override;
  bool ReadLink(const std::string& path, std::string* target) const override;
  bool ReadFile(const std::string& path, std::string* contents,
                std::string* err) const override;
  std::vector<std::string> ListDir(const std::string& path) const override;
  bool WriteFile(const std::string& path, std::string_view contents,
                 uint32_t new_mode, std::string* err) override;
  std::string Describe() const override { return "<memory>"; }

 private:
  void AddParents(const std::string& path);
  std::map<std::string, Node> nodes_;
};

/// Normalises a root-relative or absolute path: drops a leading '/', "."
/// and empty components, resolves ".." lexically. Returns false if ".."
/// climbs above the root.
bool NormalizePath(std::string_view path, std::string* out);
/// Joins `dir` and `rel` ('rel' absolute means relative to the root).
std::string JoinPath(std::string_view dir, std::string_view rel);
std::string_view DirName(std::string_view path);
std::string_view BaseName(std::string_view path);

/// What a path refers to after following symlinks inside the root.
struct Resolved {
  enum class Status {
    kOk,        // `path` names an existing node of `kind`
    kMissing,   // nothing there
    kDevNull,   // a symlink to /dev/null (a mask)
    kLoop,      // too many symlink hops
    kEscapes,   // a symlink leads outside the root
  };
  Status status = Status::kMissing;
  std::string path;  // real root-relative path when kOk
  NodeKind kind = NodeKind::kMissing;
  bool via_symlink = false;
  std::string error;  // reason, for kLoop/kEscapes
};

/// Follows symlinks component by component, like the kernel, but inside the
/// root: absolute link targets are taken relative to the root, and ".."
/// above the root is an escape.
Resolved Resolve(const FileSystem& fs, std::string_view path);

/// Matches `name` against a shell glob (`*`, `?`, `[...]`); '/' is not special.
bool GlobMatch(std::string_view pattern, std::string_view name);

/// Expands a root-relative glob pattern (wildcards allowed in any component)
/// into existing paths, sorted; a pattern without wildcards is returned as is.
std::vector<std::string> ExpandGlob(const FileSystem& fs,
                                    std::string_view pattern);
bool HasGlob(std::string_view pattern);

}  // namespace synlint
