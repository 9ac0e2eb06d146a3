// SPDX-License-Identifier: MIT
// Which files of the root its package manager owns, so that fixes never edit
// them. Debian: var/lib/dpkg/info/*.list (every file a package installed) and
// the `Conffiles:` of var/lib/dpkg/status (with the checksum dpkg recorded),
// read through the root's FileSystem, bounded, and kept only for the
// directories synlint reads (sysctl, nginx, Apache, systemd). rpm keeps its
// database in a binary store that synlint does not read: on an rpm root no
// file is known as owned (its vendor files are under usr/lib, never edited).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/file_system.h"

namespace synlint {

struct PackageOwner {
  std::string package;       // "ceph-osd" (several joined by ", " when they share it)
  bool conffile = false;     // a dpkg conffile: dpkg keeps local changes and asks on upgrade
  std::string md5;           // the checksum dpkg recorded for the conffile as shipped
  /// A conffile whose bytes differ from what the package shipped: the
  /// administrator has made it theirs (set by LoadHost from the file read).
  bool changed_locally = false;
};

struct PackageFiles {
  std::string manager;  // "dpkg" when the root has a dpkg database, else ""
  /// Owned paths (root-relative, directories resolved inside the root).
  std::map<std::string, PackageOwner> owned;
  /// Installed packages' versions (dpkg status `Version:`), by package name.
  std::map<std::string, std::string> versions;
  /// What could not be read ("var/lib/dpkg/info/x.list: larger than 16 MiB").
  std::vector<std::string> problems;

  const PackageOwner* Owner(const std::string& path) const;
  /// Whether a fix may edit `path`: a file no package owns, or a conffile
  /// the administrator has already changed. A package's file as shipped is
  /// never edited: dpkg would ask about it at the next upgrade, and another
  /// package's setting would hang on it.
  bool Editable(const std::string& path) const;
  /// "package ceph-osd, conffile as shipped" for `show`; "" when not owned.
  std::string Describe(const std::string& path) const;
};

/// Whether `path` is in a directory whose ownership synlint keeps.
bool InOwnedScope(std::string_view path);

/// Reads the dpkg database of the root (nothing when it has none).
PackageFiles LoadPackageFiles(const FileSystem& fs);

/// The Package/Status/Version/Conffiles stanzas of a dpkg status file, for
/// tests and LoadPackageFiles: fills `versions` (installed packages) and the
/// conffiles in scope of `out`.
void ParseDpkgStatus(std::string_view text, PackageFiles* out);

}  // namespace synlint
