// Bounded work on hostile input (issue #19): what the real binary does with
// FIFOs, unreadable units and too little memory. Every case must end
// promptly with a clear finding or error.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

// Anything that would block or run away is cut short, and fails the test.
std::string Synlint(const std::string& args) {
  return "timeout 60 " + Quote(SYNLINT_BIN) + " " + args;
}

bool MakeDirs(const std::string& path) {
  return RunShell("mkdir -p " + Quote(path)).exit_code == 0;
}

bool UnderAddressSanitizer() {
#if defined(__SANITIZE_ADDRESS__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return true;
#endif
#endif
  return false;
}

TEST(HostileInput, OutOfMemoryIsAClearErrorAndExitTwo) {
  if (UnderAddressSanitizer()) GTEST_SKIP() << "the sanitizer's shadow memory needs the address space";
  // 4 MiB of sysctl lines need far more than 100 MiB of address space.
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/sysctl.d"));
  std::string text;
  while (text.size() < (4u << 20)) text += "net.core.somaxconn = 4096\n";
  ASSERT_TRUE(WriteFile(dir.path() + "/etc/sysctl.d/10-big.conf", text));
  const CommandResult r = RunShell("prlimit --as=" + std::to_string(100u << 20) + " " +
                                   Synlint("check --root " + Quote(dir.path())));
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("synlint: error: out of memory"), std::string::npos) << Describe(r);
}

TEST(HostileInput, ConfigThatIsAFifoIsRefusedWithoutBlocking) {
  TempDir dir;
  const std::string fifo = dir.path() + "/.synlint.yaml";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const CommandResult r = RunShell(Synlint("check --config " + Quote(fifo)), dir.path());
  EXPECT_EQ(r.exit_code, 2) << Describe(r);
  EXPECT_NE(r.err.find("not a regular file"), std::string::npos) << Describe(r);
}

TEST(HostileInput, FifoInTheTreeIsSL002WithoutBlocking) {
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/sysctl.d"));
  const std::string fifo = dir.path() + "/etc/sysctl.d/10-fifo.conf";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  const CommandResult r = RunShell(Synlint("check --format gcc --root " + Quote(dir.path())));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("not a regular file [SL002]"), std::string::npos) << Describe(r);
}

// A socket unit systemd cannot load is SL002, as a sysctl, nginx or Apache
// file would be, never "0 files checked: no findings".
void ExpectBrokenSocketReported(const std::string& root) {
  const CommandResult r = RunShell(Synlint("check --format gcc --root " + Quote(root)));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("etc/systemd/system/web.socket"), std::string::npos) << Describe(r);
  EXPECT_NE(r.out.find("[SL002]"), std::string::npos) << Describe(r);
}

TEST(HostileInput, SocketUnitThatIsAFifoIsSL002) {
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/systemd/system"));
  const std::string unit = dir.path() + "/etc/systemd/system/web.socket";
  ASSERT_EQ(mkfifo(unit.c_str(), 0600), 0);
  ExpectBrokenSocketReported(dir.path());
}

TEST(HostileInput, SocketUnitWithANulByteIsSL002) {
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/systemd/system"));
  ASSERT_TRUE(WriteFile(dir.path() + "/etc/systemd/system/web.socket",
                        std::string("[Socket]\nListenStream=80\0\n", 26)));
  ExpectBrokenSocketReported(dir.path());
}

TEST(HostileInput, UnreadableSocketUnitIsSL002) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file";
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/systemd/system"));
  const std::string unit = dir.path() + "/etc/systemd/system/web.socket";
  ASSERT_TRUE(WriteFile(unit, "[Socket]\nListenStream=80\n"));
  ASSERT_EQ(chmod(unit.c_str(), 0), 0);
  ExpectBrokenSocketReported(dir.path());
}

}  // namespace
}  // namespace synlint::testing
