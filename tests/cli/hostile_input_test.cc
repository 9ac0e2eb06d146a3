// SPDX-License-Identifier: MIT
// Bounded work on hostile input (issue #19): what the real binary does with
// FIFOs, unreadable units, deep nesting, include fan-out and too little
// memory. Every case must end promptly with a clear finding or error.
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

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string Nested(int levels, const std::string& open, const std::string& inner,
                   const std::string& close) {
  std::string text;
  for (int i = 0; i < levels; ++i) text += open;
  text += inner;
  for (int i = 0; i < levels; ++i) text += close;
  return text;
}

TEST(HostileInput, DeepApacheNestingDumpsStaySmall) {
  // 8,000 levels were 3.8 GB of JSON: the indentation grew with the depth.
  TempDir dir;
  const std::string file = dir.path() + "/deep.apache.conf";
  ASSERT_TRUE(WriteFile(file, Nested(8000, "<Directory /d>\n", "Listen 80\n", "</Directory>\n")));
  for (const char* format : {"json", "text"}) {
    const CommandResult r = RunShell(Synlint("parse --format " + std::string(format) + " " + Quote(file)));
    EXPECT_EQ(r.exit_code, 1) << format;
    EXPECT_LT(r.out.size(), 2u << 20) << format;
    EXPECT_NE((r.out + r.err).find("sections nested too deeply (more than 100 levels)"), std::string::npos)
        << format;
  }
}

TEST(HostileInput, DeepApacheNestingIsSL001) {
  // 30,000 nested sections overflowed the stack in the loader.
  TempDir dir;
  ASSERT_TRUE(MakeDirs(dir.path() + "/etc/apache2"));
  ASSERT_TRUE(WriteFile(dir.path() + "/etc/apache2/apache2.conf",
                        Nested(30000, "<IfModule x>\n", "Listen 80\n", "</IfModule>\n")));
  const CommandResult r = RunShell(Synlint("check --format gcc --root " + Quote(dir.path())));
  EXPECT_EQ(r.exit_code, 1) << Describe(r);
  EXPECT_NE(r.out.find("etc/apache2/apache2.conf:101:1: error: sections nested too deeply"),
            std::string::npos)
      << Describe(r);
}

// `n` files in DIR/conf.d that each include `include` (all of them), with
// `main` in DIR including them; checks that each include is one finding.
void ExpectOneCyclePerInclude(const std::string& dir, const std::string& main,
                              const std::string& include, int n) {
  TempDir root;
  const std::string at = root.path() + "/" + dir;
  ASSERT_TRUE(MakeDirs(at + "/conf.d"));
  ASSERT_TRUE(WriteFile(at + "/" + main, include));
  for (int i = 0; i < n; ++i) ASSERT_TRUE(WriteFile(at + "/conf.d/" + std::to_string(i), include));
  const CommandResult r = RunShell(Synlint("check --format gcc --root " + Quote(root.path())));
  EXPECT_EQ(r.exit_code, 1) << Describe(r).substr(0, 4000);
  EXPECT_EQ(Count(r.out, "include cycle"), static_cast<size_t>(n)) << r.out.substr(0, 4000);
}

TEST(HostileInput, ApacheFilesIncludingEachOtherFinish) {
  // 9 files each with IncludeOptional conf.d/* did not finish (9! walks).
  ExpectOneCyclePerInclude("etc/apache2", "apache2.conf", "IncludeOptional conf.d/*\n", 12);
}

TEST(HostileInput, NginxFilesIncludingEachOtherFinish) {
  // 1,000 such files took 93 s and 8.4 GB for 500,501 findings.
  ExpectOneCyclePerInclude("etc/nginx", "nginx.conf", "include conf.d/*;\n", 300);
}

}  // namespace
}  // namespace synlint::testing
