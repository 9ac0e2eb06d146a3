// SPDX-License-Identifier: MIT
// Version detection on real bytes: this machine's '/' (its dpkg database and
// libsystemd-shared) and the real nginx and Apache binaries that
// tools/install_servers.sh unpacks from Debian's packages. Like
// server_check_test, nothing is skipped: a missing piece fails with how to get it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/file_system.h"
#include "model/software_versions.h"
#include "tests/integration/integration_util.h"

namespace synlint::testing {
namespace {

namespace fs = std::filesystem;

std::string ServersDir() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("SYNLINT_SERVERS_DIR")) candidates.push_back(env);
  candidates.push_back(std::string(SYNLINT_SOURCE_DIR) + "/build/tools/servers");
  candidates.push_back(std::string(SYNLINT_BINARY_DIR) + "/tools/servers");
  for (const std::string& c : candidates) {
    if (fs::exists(c + "/usr/sbin/nginx") && fs::exists(c + "/usr/sbin/apache2") && fs::exists(c + "/.packages"))
      return c;
  }
  return "";
}

// "nginx 1.22.1-9+deb12u12" lines that install_servers.sh wrote: the Debian
// version of each package it unpacked.
std::string PackageVersion(const std::string& dir, const std::string& package) {
  std::ifstream in(dir + "/.packages");
  std::string name, version;
  while (in >> name >> version) {
    if (name == package) return version;
  }
  return "";
}

TEST(HostVersions, RealNginxAndApacheBinaries) {
  const std::string dir = ServersDir();
  ASSERT_FALSE(dir.empty()) << "run tools/install_servers.sh BUILD/tools/servers: it unpacks Debian's nginx "
                               "and Apache (never installs them)";
  DiskFileSystem root(dir);
  // No dpkg database in the unpacked tree: the versions come from the bytes.
  const SoftwareVersions v = DetectSoftwareVersions(root, LoadPackageFiles(root));
  const auto nginx = DebianUpstreamVersion(PackageVersion(dir, "nginx"));
  const auto apache = DebianUpstreamVersion(PackageVersion(dir, "apache2-bin"));
  ASSERT_TRUE(nginx && apache) << "unexpected " << dir << "/.packages";
  EXPECT_EQ(v.nginx.version, nginx);
  EXPECT_EQ(v.nginx.origin, "usr/sbin/nginx");
  EXPECT_EQ(v.apache.version, apache);
  EXPECT_EQ(v.apache.origin, "usr/sbin/apache2");
}

// systemd on this machine, against what dpkg-query (a tool synlint never
// runs) says about the installed package.
TEST(HostVersions, ThisMachinesSystemd) {
  const CommandResult q = RunShell("dpkg-query -W -f='${Version}' systemd 2>/dev/null");
  ASSERT_EQ(q.exit_code, 0) << "this test needs a Debian machine with systemd installed (tools/setup.sh)";
  const auto want = DebianUpstreamVersion(q.out);
  ASSERT_TRUE(want) << q.out;
  DiskFileSystem root("/");
  const SoftwareVersions v = DetectSoftwareVersions(root, LoadPackageFiles(root));
  ASSERT_TRUE(v.systemd.version);
  EXPECT_EQ(v.systemd.version->major, want->major) << v.systemd.origin;
  // Debian 12 keeps the library in the multiarch directory; when it is there
  // it is the source, and dpkg's record agrees with it.
  const CommandResult lib = RunShell("ls /usr/lib/*/systemd/libsystemd-shared-*.so /usr/lib/systemd/libsystemd-shared-*.so 2>/dev/null");
  if (!lib.out.empty()) {
    EXPECT_NE(v.systemd.origin.find("libsystemd-shared-"), std::string::npos) << v.systemd.origin;
    EXPECT_EQ(v.systemd.note, "");
  } else {
    EXPECT_EQ(v.systemd.origin.rfind("var/lib/dpkg/status, systemd ", 0), 0u) << v.systemd.origin;
  }
}

}  // namespace
}  // namespace synlint::testing
