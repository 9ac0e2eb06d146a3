// SPDX-License-Identifier: MIT
// Socket owners: fd link targets, /proc/PID/cgroup in its v1 and v2 forms,
// and a scan of the real /proc for a socket of this process.
#include "parsers/live/proc_owner.h"

#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace synlint::live {
namespace {

TEST(ProcOwner, SocketInodeFromFdLink) {
  EXPECT_EQ(SocketInode("socket:[920920]"), 920920u);
  EXPECT_EQ(SocketInode("socket:[]"), std::nullopt);
  EXPECT_EQ(SocketInode("socket:[12x]"), std::nullopt);
  EXPECT_EQ(SocketInode("pipe:[12]"), std::nullopt);
  EXPECT_EQ(SocketInode("/dev/null"), std::nullopt);
  EXPECT_EQ(SocketInode("socket:[12"), std::nullopt);
}

TEST(ProcOwner, UnitFromCgroupV2) {
  EXPECT_EQ(UnitFromCgroup("0::/system.slice/nginx.service\n"), "nginx.service");
  EXPECT_EQ(UnitFromCgroup("0::/system.slice/docker-3f2a.scope\n"), "docker-3f2a.scope");
  EXPECT_EQ(UnitFromCgroup("0::/user.slice/user-1000.slice/session-4.scope\n"), "session-4.scope");
  // Delegated subtrees below the unit: the last unit component.
  EXPECT_EQ(UnitFromCgroup("0::/system.slice/app.service/payload\n"), "app.service");
  EXPECT_EQ(UnitFromCgroup("0::/\n"), "");
  EXPECT_EQ(UnitFromCgroup("0::/init.scope\n"), "init.scope");
}

TEST(ProcOwner, UnitFromCgroupV1PrefersTheSystemdHierarchy) {
  EXPECT_EQ(UnitFromCgroup("12:pids:/system.slice/apache2.service\n"
                           "1:name=systemd:/system.slice/apache2.service\n"),
            "apache2.service");
  EXPECT_EQ(UnitFromCgroup("4:memory:/system.slice/other.service\n1:name=systemd:/system.slice/web.socket\n"),
            "web.socket");
  // Hybrid: the v2 line wins.
  EXPECT_EQ(UnitFromCgroup("1:name=systemd:/system.slice/a.service\n0::/system.slice/b.service\n"), "b.service");
  // Recorded on a machine without systemd (the CI container): no unit.
  EXPECT_EQ(UnitFromCgroup("9:name=systemd:/\n4:memory:/process_api/ec93d49c66f3ecc7d6d0c37ec01e0ebb\n0::/\n"), "");
  EXPECT_EQ(UnitFromCgroup(""), "");
  EXPECT_EQ(UnitFromCgroup("garbage\n"), "");
}

TEST(ProcOwner, CommWithoutItsNewline) {
  EXPECT_EQ(CommFromText("nginx\n"), "nginx");
  EXPECT_EQ(CommFromText(""), "");
}

TEST(ProcOwner, ScanFindsThisProcessSocket) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  struct stat st;
  ASSERT_EQ(fstat(fd, &st), 0);
  const OwnerScan scan = ScanSocketOwners("/proc", {static_cast<uint64_t>(st.st_ino)});
  close(fd);
  ASSERT_EQ(scan.owners.count(st.st_ino), 1u);
  EXPECT_EQ(scan.owners.at(st.st_ino).pid, getpid());
  EXPECT_EQ(scan.owners.at(st.st_ino).comm, "proc_owner_test");
}

TEST(ProcOwner, ScanOfNothingReadsNothing) {
  EXPECT_TRUE(ScanSocketOwners("/nonexistent", {}).owners.empty());
  EXPECT_TRUE(ScanSocketOwners("/nonexistent", {1}).owners.empty());
}

}  // namespace
}  // namespace synlint::live
