// SPDX-License-Identifier: MIT
#include "model/key_names.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "core/file_system.h"
#include "model/proc_sys.h"

namespace synlint {
namespace {

TEST(KeyNames, ListsAreOldestFirstAndNameEveryDescribedKey) {
  const auto& versions = KeyNameVersions();
  ASSERT_GE(versions.size(), 2u);
  EXPECT_EQ(versions.front(), (KernelVersion{6, 1}));
  EXPECT_EQ(versions.back(), (KernelVersion{6, 12}));
  // Real keys that lack rich metadata and were called misspelt before the lists.
  for (const char* key : {"net.ipv6.conf.all.accept_redirects", "net.ipv4.tcp_dsack", "net.ipv4.udp_mem",
                          "fs.fanotify.max_queued_events", "net.ipv6.ip_nonlocal_bind", "net.core.somaxconn",
                          "net.ipv4.route.flush", "user.max_user_namespaces", "fs.mqueue.msg_max"})
    EXPECT_TRUE(KnownKeyName(key)) << key;
  EXPECT_FALSE(KnownKeyName("net.core.somaxcon"));
  EXPECT_FALSE(KnownKeyName("net.ipv4.tcp_tw_recycle"));  // removed in 4.12
  EXPECT_EQ(KeyNameLists("net.ipv4.tcp_pingpong_thresh"), 2u);  // the 6.12 list only
  EXPECT_EQ(KeyNameLists("net.core.somaxconn"), 3u);
}

TEST(KeyNames, InterfacePatternsMatchAnyInterface) {
  EXPECT_TRUE(KnownKeyName("net.ipv4.conf.eth0.rp_filter"));
  EXPECT_TRUE(KnownKeyName("net.ipv4.conf.enp3s0/200.rp_filter"));
  EXPECT_TRUE(KnownKeyName("net.ipv6.conf.all.accept_ra"));
  EXPECT_TRUE(KnownKeyName("net.ipv4.neigh.eth0.mcast_solicit"));
  EXPECT_TRUE(KnownKeyName("net.ipv6.neigh.default.gc_thresh3"));
  EXPECT_FALSE(KnownKeyName("net.ipv6.neigh.eth0.gc_thresh3"));  // only on default
  EXPECT_FALSE(KnownKeyName("net.ipv4.conf.eth0.rp_filtr"));
  EXPECT_FALSE(KnownKeyName("net.ipv4.conf.rp_filter"));
  EXPECT_FALSE(KnownKeyName("net.ipv4.conf..rp_filter"));
}

TEST(KeyNames, SuggestionsNameRealKeys) {
  const auto& names = KeyNamesToSuggest();
  EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), "net.ipv4.conf.all.rp_filter"));
  EXPECT_TRUE(std::binary_search(names.begin(), names.end(), "net.ipv4.neigh.default.mcast_solicit"));
  EXPECT_FALSE(std::binary_search(names.begin(), names.end(), "net.ipv4.neigh.all.mcast_solicit"));
  for (const std::string& n : names) EXPECT_EQ(n.find("<if>"), std::string::npos) << n;
}

TEST(ProcSys, PathsStayUnderProcSys) {
  EXPECT_EQ(ProcSysPath("net.ipv4.conf.eth0/200.rp_filter"), "proc/sys/net/ipv4/conf/eth0.200/rp_filter");
  EXPECT_EQ(ProcSysPath("kernel.pid_max"), "proc/sys/kernel/pid_max");
  EXPECT_EQ(ProcSysPath("kernel./.x"), "");
  EXPECT_EQ(ProcSysPath("kernel.//.//.etc.passwd"), "");
  EXPECT_EQ(ProcSysPath("kernel..x"), "");
  MemoryFileSystem fs;
  fs.AddFile("proc/sys/kernel/init_private", "0\n");
  EXPECT_TRUE(ProcSysHasKey(fs, "kernel.init_private"));
  EXPECT_FALSE(ProcSysHasKey(fs, "kernel.init_privat"));
  EXPECT_FALSE(ProcSysHasKey(fs, "kernel"));  // a directory
}

}  // namespace
}  // namespace synlint
