// SPDX-License-Identifier: MIT
// The host's systemd, nginx and Apache versions read from the root, never by
// running anything (model/software_versions.h), and that the model uses them.
#include "model/software_versions.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "model/host.h"
#include "model/listen_model.h"
#include "model/restart_advice.h"

namespace synlint {
namespace {

std::string Status(const std::string& package, const std::string& version,
                   const std::string& state = "install ok installed") {
  return "Package: " + package + "\nStatus: " + state + "\nVersion: " + version + "\nDescription: x\n\n";
}

// A binary's bytes: NULs, a decoy path, then the version string.
std::string Binary(const std::string& version_string) {
  return std::string("\x7f" "ELF\0\0", 6) + "/etc/nginx/nginx.conf" + std::string(3, '\0') + "Apache/" +
         std::string(1, '\0') + version_string + std::string(2, '\0');
}

TEST(SoftwareVersions, ParsesVersionTexts) {
  EXPECT_EQ(DebianUpstreamVersion("252.38-1~deb12u1"), (ServerVersion{252, 38, 0}));
  EXPECT_EQ(DebianUpstreamVersion("1.22.1-9+deb12u1"), (ServerVersion{1, 22, 1}));
  EXPECT_EQ(DebianUpstreamVersion("1:2.4.62-1~deb12u2"), (ServerVersion{2, 4, 62}));
  EXPECT_EQ(DebianUpstreamVersion("1.26.2-1~bookworm"), (ServerVersion{1, 26, 2}));
  EXPECT_EQ(DebianUpstreamVersion("257"), (ServerVersion{257, 0, 0}));
  EXPECT_EQ(DebianUpstreamVersion("abc-1"), std::nullopt);
  EXPECT_EQ(SystemdSharedLibraryVersion("libsystemd-shared-252.so"), 252);
  EXPECT_EQ(SystemdSharedLibraryVersion("libsystemd-shared-255.4-1.fc40.so"), 255);
  EXPECT_EQ(SystemdSharedLibraryVersion("libsystemd-core-252.so"), std::nullopt);
  EXPECT_EQ(SystemdSharedLibraryVersion("libsystemd-shared-.so"), std::nullopt);
  EXPECT_EQ(SystemdSharedLibraryVersion("libsystemd-shared-252.so.bak"), std::nullopt);
  EXPECT_EQ(FindVersionString(Binary("nginx/1.22.1"), "nginx/"), (ServerVersion{1, 22, 1}));
  EXPECT_EQ(FindVersionString("nginx/1.22", "nginx/"), std::nullopt);  // not a full version
  EXPECT_EQ(FindVersionString("nginx/1.22.", "nginx/"), std::nullopt);
  EXPECT_EQ(FindVersionString("Apache/2.4.57 (Debian)", "Apache/"), (ServerVersion{2, 4, 57}));
  EXPECT_EQ(FindVersionString("Apache/99999999999.1.1", "Apache/"), std::nullopt);  // overflow
}

TEST(SoftwareVersions, FromDpkgStatusOnly) {
  MemoryFileSystem fs;
  fs.AddFile("var/lib/dpkg/status", Status("systemd", "252.38-1~deb12u1") + Status("nginx-core", "1.22.1-9") +
                                        Status("nginx", "1.22.1-9") + Status("apache2-bin", "2.4.62-1~deb12u2") +
                                        Status("apache2", "1.0-1", "deinstall ok config-files"));
  const SoftwareVersions v = DetectSoftwareVersions(fs, LoadPackageFiles(fs));
  ASSERT_TRUE(v.systemd.version);
  EXPECT_EQ(v.systemd.version->major, 252);
  EXPECT_EQ(v.systemd.origin, "var/lib/dpkg/status, systemd 252.38-1~deb12u1");
  EXPECT_EQ(v.nginx.version, (ServerVersion{1, 22, 1}));
  EXPECT_EQ(v.nginx.origin, "var/lib/dpkg/status, nginx-core 1.22.1-9");
  EXPECT_EQ(v.apache.version, (ServerVersion{2, 4, 62}));
  EXPECT_EQ(v.apache.origin, "var/lib/dpkg/status, apache2-bin 2.4.62-1~deb12u2");
  EXPECT_EQ(v.nginx.note, "");
}

// systemd's stable release decides Backlog='s default on 252 and 253
// (docs/fact-checks.md #7): only dpkg's record says it.
TEST(SoftwareVersions, SystemdStableReleaseFromDpkgDecidesTheDefaultBacklog) {
  auto load = [](const std::string& library, const std::string& dpkg) {
    MemoryFileSystem fs;
    if (!library.empty()) fs.AddFile("usr/lib/x86_64-linux-gnu/systemd/" + library, "\x7f" "ELF");
    if (!dpkg.empty()) fs.AddFile("var/lib/dpkg/status", Status("systemd", dpkg));
    fs.AddFile("etc/systemd/system/app.socket", "[Socket]\nListenStream=8080\n");
    HostOptions o;
    o.kernel = KernelVersion{6, 1};
    return LoadHost(fs, o);
  };
  auto backlog = [](const Host& host) { return ServerDefaultBacklog(host, host.services.at(0)); };
  auto deluxe = load("libsystemd-shared-252.so", "252.38-1~deb12u1");
  EXPECT_EQ(deluxe->systemd_stable, 38);
  EXPECT_EQ(backlog(*deluxe).value, INT_MAX);
  EXPECT_FALSE(backlog(*deluxe).uncertain);
  auto before = load("", "252.6-1");
  EXPECT_EQ(before->systemd_stable, 6);
  EXPECT_EQ(backlog(*before).value, 4096);
  EXPECT_FALSE(backlog(*before).uncertain);
  EXPECT_EQ(backlog(*load("", "253.5-1")).value, 4096);
  EXPECT_EQ(backlog(*load("", "253.6-1")).value, INT_MAX);
  // The library name alone, or a dpkg record of another major: not known.
  EXPECT_TRUE(backlog(*load("libsystemd-shared-252.so", "")).uncertain);
  auto other = load("libsystemd-shared-253.so", "252.38-1~deb12u1");
  EXPECT_EQ(other->systemd_stable, std::nullopt);
  EXPECT_TRUE(backlog(*other).uncertain);
}

TEST(SoftwareVersions, SystemdFromTheSharedLibraryOnly) {
  for (const std::string dir : {"usr/lib/systemd", "lib/systemd", "usr/lib/x86_64-linux-gnu/systemd"}) {
    MemoryFileSystem fs;
    fs.AddFile(dir + "/libsystemd-shared-252.so", "\x7f" "ELF");
    fs.AddFile(dir + "/libsystemd-core-249.so", "\x7f" "ELF");
    const SoftwareVersions v = DetectSoftwareVersions(fs, LoadPackageFiles(fs));
    ASSERT_TRUE(v.systemd.version) << dir;
    EXPECT_EQ(v.systemd.version->major, 252);
    EXPECT_EQ(v.systemd.origin, dir + "/libsystemd-shared-252.so");
    EXPECT_FALSE(v.nginx.version);
    EXPECT_FALSE(v.apache.version);
  }
}

TEST(SoftwareVersions, ServersFromTheStringsInTheirBinaries) {
  MemoryFileSystem fs;
  fs.AddFile("usr/sbin/nginx", Binary("nginx/1.25.3"), 0755);
  fs.AddFile("usr/sbin/httpd", Binary("Apache/2.4.57 (Red Hat Enterprise Linux)"), 0755);
  const SoftwareVersions v = DetectSoftwareVersions(fs, LoadPackageFiles(fs));
  EXPECT_EQ(v.nginx.version, (ServerVersion{1, 25, 3}));
  EXPECT_EQ(v.nginx.origin, "usr/sbin/nginx");
  EXPECT_EQ(v.apache.version, (ServerVersion{2, 4, 57}));
  EXPECT_EQ(v.apache.origin, "usr/sbin/httpd");
}

// What is on disk wins: dpkg's record is stale when a binary was replaced
// outside dpkg, and the binary is what runs. The loser is named.
TEST(SoftwareVersions, TheFileOnDiskWinsOverDpkgsRecord) {
  MemoryFileSystem fs;
  fs.AddFile("var/lib/dpkg/status", Status("nginx-core", "1.22.1-9") + Status("systemd", "247.3-7"));
  fs.AddFile("usr/sbin/nginx", Binary("nginx/1.25.3"), 0755);
  fs.AddFile("usr/lib/systemd/libsystemd-shared-252.so", "");
  const SoftwareVersions v = DetectSoftwareVersions(fs, LoadPackageFiles(fs));
  EXPECT_EQ(v.nginx.version, (ServerVersion{1, 25, 3}));
  EXPECT_EQ(v.nginx.origin, "usr/sbin/nginx");
  EXPECT_EQ(v.nginx.note,
            "var/lib/dpkg/status, nginx-core 1.22.1-9, says 1.22.1; the file on disk wins (it is what runs; "
            "dpkg's record is stale when a binary was replaced outside dpkg)");
  EXPECT_EQ(v.systemd.version->major, 252);
  EXPECT_NE(v.systemd.note.find("says 247"), std::string::npos) << v.systemd.note;
}

TEST(SoftwareVersions, ABinaryWithoutAVersionStringFallsBackToDpkg) {
  MemoryFileSystem fs;
  fs.AddFile("var/lib/dpkg/status", Status("nginx-light", "1.18.0-6.1+deb11u3"));
  fs.AddFile("usr/sbin/nginx", "stripped", 0755);
  const SoftwareVersions v = DetectSoftwareVersions(fs, LoadPackageFiles(fs));
  EXPECT_EQ(v.nginx.version, (ServerVersion{1, 18, 0}));
  EXPECT_EQ(v.nginx.origin, "var/lib/dpkg/status, nginx-light 1.18.0-6.1+deb11u3");
}

TEST(SoftwareVersions, ExplicitVersionsWin) {
  MemoryFileSystem fs;
  fs.AddFile("usr/sbin/nginx", Binary("nginx/1.25.3"), 0755);
  fs.AddFile("usr/lib/systemd/libsystemd-shared-252.so", "");
  HostOptions o;
  o.nginx_version = ServerVersion{1, 4, 0};
  o.systemd_version = 255;
  const auto host = LoadHost(fs, o);
  EXPECT_EQ(host->nginx_version, (ServerVersion{1, 4, 0}));
  EXPECT_EQ(host->versions.nginx.origin, "given");
  EXPECT_EQ(host->systemd_version, 255);
  EXPECT_EQ(host->versions.systemd.origin, "given");
}

// The detected systemd decides the default Backlog= of a socket unit.
TEST(SoftwareVersions, DetectedSystemdDecidesTheDefaultBacklog) {
  auto requested = [](const std::string& library) {
    MemoryFileSystem fs;
    if (!library.empty()) fs.AddFile("usr/lib/systemd/" + library, "");
    fs.AddFile("etc/systemd/system/app.socket", "[Socket]\nListenStream=8080\n");
    fs.AddSymlink("etc/systemd/system/sockets.target.wants/app.socket", "../app.socket");
    HostOptions o;
    o.kernel = KernelVersion{6, 1};
    const auto host = LoadHost(fs, o);
    const auto views = ListenerViews(*host);
    EXPECT_EQ(views.size(), 1u);
    return views.empty() ? std::string() : views[0].default_reason;
  };
  EXPECT_NE(requested("").find("assumed systemd >= 254"), std::string::npos);
  EXPECT_NE(requested("libsystemd-shared-249.so").find("systemd 249 default Backlog= is libc's SOMAXCONN"),
            std::string::npos);
}

// The detected nginx decides whether a reload re-listens (fixed in 1.5.12).
TEST(SoftwareVersions, DetectedNginxDecidesReloadOrRestart) {
  auto command = [](const std::string& version_string) {
    MemoryFileSystem before, after;
    for (MemoryFileSystem* fs : {&before, &after}) fs->AddFile("usr/sbin/nginx", Binary(version_string), 0755);
    before.AddFile("etc/nginx/nginx.conf", "events {}\nhttp { server { listen 80 backlog=100; } }\n");
    after.AddFile("etc/nginx/nginx.conf", "events {}\nhttp { server { listen 80 backlog=200; } }\n");
    HostOptions o;
    o.kernel = KernelVersion{6, 1};
    const auto old_host = LoadHost(before, o);
    const auto new_host = LoadHost(after, o);
    const auto actions = RestartActions(*old_host, *new_host);
    return actions.empty() ? std::string() : actions[0].command;
  };
  EXPECT_EQ(command("nginx/1.22.1"), "systemctl reload nginx");
  EXPECT_EQ(command("nginx/1.4.7"), "systemctl restart nginx");
}

}  // namespace
}  // namespace synlint

namespace synlint {
namespace {

// Hostile roots cost nothing: a FIFO where dpkg's status and the nginx binary
// should be does not block, and a sparse 1 GiB "binary" is not read.
TEST(SoftwareVersions, FifosAndHugeFilesAreNotRead) {
  char tmpl[] = "/tmp/synlint-versions-XXXXXX";
  ASSERT_NE(mkdtemp(tmpl), nullptr);
  const std::string dir = tmpl;
  std::filesystem::create_directories(dir + "/var/lib/dpkg/info");
  std::filesystem::create_directories(dir + "/usr/sbin");
  ASSERT_EQ(mkfifo((dir + "/var/lib/dpkg/status").c_str(), 0644), 0);
  ASSERT_EQ(mkfifo((dir + "/var/lib/dpkg/info/x.list").c_str(), 0644), 0);
  ASSERT_EQ(mkfifo((dir + "/usr/sbin/nginx").c_str(), 0755), 0);
  {
    std::ofstream huge(dir + "/usr/sbin/apache2", std::ios::binary);
    huge << "Apache/2.4.57";
  }
  std::filesystem::resize_file(dir + "/usr/sbin/apache2", 1ull << 30);
  DiskFileSystem fs(dir);
  const PackageFiles p = LoadPackageFiles(fs);
  EXPECT_EQ(p.problems, (std::vector<std::string>{"var/lib/dpkg/status: not a regular file",
                                                  "var/lib/dpkg/info/x.list: not a regular file"}));
  const SoftwareVersions v = DetectSoftwareVersions(fs, p);
  EXPECT_FALSE(v.nginx.version);
  EXPECT_FALSE(v.apache.version);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace synlint
