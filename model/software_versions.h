// SPDX-License-Identifier: MIT
// The versions of the host's systemd, nginx and Apache, read from the root and
// never by running anything: the file names and bytes of what is installed
// (libsystemd-shared-NNN.so, the "nginx/1.22.1" and "Apache/2.4.57" strings
// inside the server binaries) and dpkg's status file. What is on disk wins
// over dpkg's record when the two disagree: the record is stale when a binary
// was replaced outside dpkg (make install, a copied build), and the binary is
// what runs. Explicit versions (--systemd-version, --nginx-version) win over
// both (LoadHost).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/file_system.h"
#include "model/package_files.h"
#include "model/server_version.h"

namespace synlint {

struct DetectedVersion {
  std::optional<ServerVersion> version;
  std::string origin;  // "usr/sbin/nginx", "var/lib/dpkg/status, nginx-core 1.22.1-9"
  std::string note;    // the source that disagreed, and why it lost
};

struct SoftwareVersions {
  DetectedVersion systemd;  // major only ("252")
  /// N of systemd's stable release MAJOR.N (0: the release MAJOR itself),
  /// from dpkg's upstream version when its major is the one found; unknown
  /// from a library name alone. Backlog='s default changed within the 252
  /// and 253 stable series (docs/fact-checks.md #7).
  std::optional<int> systemd_stable;
  DetectedVersion nginx;
  DetectedVersion apache;
};

SoftwareVersions DetectSoftwareVersions(const FileSystem& fs, const PackageFiles& packages);

/// The first "PREFIX1.2.3" in `bytes` (a binary read as bytes), as a version.
std::optional<ServerVersion> FindVersionString(std::string_view bytes, std::string_view prefix);

/// The upstream part of a Debian version ("1:2.4.57-2" -> 2.4.57, "252.38-1~deb12u1" -> 252.38).
std::optional<ServerVersion> DebianUpstreamVersion(std::string_view version);

/// N of a file name "libsystemd-shared-N.so" or "libsystemd-shared-N.M-R.fc40.so".
std::optional<int> SystemdSharedLibraryVersion(std::string_view file_name);

}  // namespace synlint
