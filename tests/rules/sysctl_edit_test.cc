// SPDX-License-Identifier: MIT
// What SetSysctlFix writes into the override file it creates or extends in
// etc/sysctl.d/: its comments stay true for every key it holds (issue #20):
// a key another file sets names that file, a key nobody sets names none.
#include "rules/edits/sysctl_edit.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

constexpr const char* kHeader =
    "# Written by synlint. Files in sysctl.d apply in name order and a key's last\n"
    "# setting wins: a key below that another file sets says which one it overrides.\n";

std::string Edits(const MemoryFileSystem& fs, const std::string& key, const std::string& value,
                  const std::string& comment = "") {
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  auto host = LoadHost(fs, o);
  const Fix fix = SetSysctlFix(*host, FixOptions{}, key, value, comment, Applicability::kUnsafe);
  std::string text;
  for (const TextEdit& e : fix.edits)
    text += e.file + " " + std::to_string(e.span.begin) + "+" + std::to_string(e.span.size()) + " [" +
            e.replacement + "]\n";
  return text;
}

TEST(SetSysctlFix, OverrideOfAVendorFileNamesIt) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/sysctl.d/50-pid-max.conf", "kernel.pid_max = 4194304\n");
  EXPECT_EQ(Edits(fs, "kernel.pid_max", "65536", "why"),
            std::string("etc/sysctl.d/90-synlint.conf 0+0 [") + kHeader +
                "# why\n# overrides the setting in /usr/lib/sysctl.d/50-pid-max.conf\nkernel.pid_max = 65536\n]\n");
}

TEST(SetSysctlFix, KeyNoFileSetsClaimsNoOverride) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/sysctl.d/50-pid-max.conf", "kernel.pid_max = 4194304\n");
  EXPECT_EQ(Edits(fs, "net.core.somaxconn", "8192"),
            std::string("etc/sysctl.d/90-synlint.conf 0+0 [") + kHeader + "net.core.somaxconn = 8192\n]\n");
}

TEST(SetSysctlFix, KeyAddedToTheOverrideFileSaysWhatItOverrides) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/sysctl.d/50-pid-max.conf", "kernel.pid_max = 4194304\n");
  const std::string existing = std::string(kHeader) + "net.core.somaxconn = 8192\n";
  fs.AddFile("etc/sysctl.d/90-synlint.conf", existing);
  EXPECT_EQ(Edits(fs, "kernel.pid_max", "65536"),
            "etc/sysctl.d/90-synlint.conf " + std::to_string(existing.size()) +
                "+0 [# overrides the setting in /usr/lib/sysctl.d/50-pid-max.conf\nkernel.pid_max = 65536\n]\n");
}

}  // namespace
}  // namespace synlint
