// SPDX-License-Identifier: MIT
#include "parsers/shell/discover.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::shell {
namespace {

TEST(ShellDiscover, ShebangsAndExtensions) {
  EXPECT_TRUE(HasShellShebang("#!/bin/sh\n"));
  EXPECT_TRUE(HasShellShebang("#! /usr/bin/env bash\n"));
  EXPECT_TRUE(HasShellShebang("#!/usr/bin/env -S dash -e\n"));
  EXPECT_FALSE(HasShellShebang("#!/usr/bin/python3\n"));
  EXPECT_FALSE(HasShellShebang("echo\n"));
  EXPECT_TRUE(IsShellScript("tune.sh", ""));
  EXPECT_TRUE(IsShellScript("tune.bash", ""));
  EXPECT_FALSE(IsShellScript("tune.py", "import os\n"));
}

TEST(ShellDiscover, BootHooksAndAdminScriptsWithTheirPlace) {
  MemoryFileSystem fs;
  fs.AddFile("etc/rc.local", "#!/bin/sh -e\nsysctl -w net.core.somaxconn=4096\n", 0755);
  fs.AddFile("etc/network/if-up.d/tune", "#!/bin/sh\necho 1 > /proc/sys/net/ipv4/tcp_syncookies\n", 0644);
  fs.AddFile("etc/network/if-up.d/py-hook", "#!/usr/bin/python3\n");
  fs.AddFile("usr/local/sbin/provision.sh", "sysctl -w net.core.somaxconn=4096\n");
  fs.AddFile("usr/local/sbin/tool", "\x7f" "ELF");
  SourceSet sources(fs);
  const ScriptDiscovery d = DiscoverScripts(sources);
  ASSERT_EQ(d.scripts.size(), 3u);
  EXPECT_EQ(d.scripts[0].listed_as, "etc/rc.local");
  EXPECT_EQ(d.scripts[0].place, ScriptPlace::kBoot);
  EXPECT_EQ(d.scripts[1].listed_as, "etc/network/if-up.d/tune");
  EXPECT_EQ(d.scripts[1].place, ScriptPlace::kByHand);  // not executable: run-parts skips it
  EXPECT_EQ(d.scripts[2].listed_as, "usr/local/sbin/provision.sh");
  EXPECT_EQ(d.scripts[2].place, ScriptPlace::kByHand);
  EXPECT_TRUE(d.problems.empty());
}

}  // namespace
}  // namespace synlint::shell
