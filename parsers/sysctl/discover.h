// SPDX-License-Identifier: MIT
// Which sysctl files a loader reads, in which order (sysctl.d(5) and procps
// `sysctl --system`; kernel-facts.md §8).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/file_reader.h"
#include "core/finding.h"

namespace synlint::sysctl {

enum class Loader {
  kSystemd,  // systemd-sysctl: /etc/sysctl.conf only through a 99-sysctl.conf link
  kProcps,   // procps `sysctl --system`: /etc/sysctl.conf applied last
};
std::string_view LoaderName(Loader l);

/// The directories searched, highest priority first.
const std::vector<std::string>& SysctlDirs();

struct DiscoveredFile {
  std::string listed_as;   // path as found ("etc/sysctl.d/99-sysctl.conf")
  const SourceFile* file;  // read under its real path
};

struct MaskedFile {
  std::string path;       // the masked vendor file
  std::string masked_by;  // the file (or /dev/null link) that masks it
  bool by_dev_null = false;
};

struct Discovery {
  std::vector<DiscoveredFile> files;  // in application order
  std::vector<MaskedFile> masked;
  std::vector<Finding> problems;      // SL002
};

/// Lists and reads the files `loader` applies, in order.
Discovery Discover(SourceSet& sources, Loader loader);

/// Guesses which loader the root boots with: systemd-sysctl when the root has
/// it, else procps when the root has `sysctl`; `*detected` says whether any
/// evidence was found (otherwise systemd is assumed).
Loader DetectLoader(const FileSystem& fs, bool* detected);

}  // namespace synlint::sysctl
