// SPDX-License-Identifier: MIT
// Package ownership from a dpkg database inside the root (model/package_files.h).
#include "model/package_files.h"

#include <gtest/gtest.h>

#include "core/md5.h"
#include "model/host.h"

namespace synlint {
namespace {

constexpr char kCephConf[] = "fs.aio-max-nr = 1048576\nkernel.pid_max = 4194304\n";

MemoryFileSystem DebianRoot() {
  MemoryFileSystem fs;
  fs.AddFile("var/lib/dpkg/status",
             "Package: ceph-osd\nStatus: install ok installed\nVersion: 16.2.15+ds-0+deb12u2\n"
             "Conffiles:\n /etc/sysctl.d/30-ceph-osd.conf 207e0b8eb797392b83e547344dbf35c2\n"
             "Description: OSD server\n multi-line description\n\n"
             "Package: procps\nStatus: install ok installed\nVersion: 2:4.0.2-3\nConffiles:\n"
             " /etc/sysctl.conf c0c09cba30da0565737cace8000d64ee\n"
             " /etc/sysctl.d/old.conf 0123456789abcdef0123456789abcdef obsolete\n\n"
             "Package: gone\nStatus: deinstall ok config-files\nVersion: 1.0-1\nConffiles:\n"
             " /etc/sysctl.d/40-gone.conf 0123456789abcdef0123456789abcdef\n\n"
             "Package: half\nStatus: install ok half-installed\nVersion: 2.0-1\nConffiles:\n"
             " /etc/sysctl.d/42-half.conf newconffile\n\n"
             "Package: never\nStatus: purge ok not-installed\nConffiles:\n"
             " /etc/sysctl.d/41-never.conf 0123456789abcdef0123456789abcdef\n");
  fs.AddFile("var/lib/dpkg/info/ceph-osd.list",
             "/.\n/etc\n/etc/sysctl.d\n/etc/sysctl.d/30-ceph-osd.conf\n/usr/bin/ceph-osd\n");
  fs.AddFile("var/lib/dpkg/info/systemd:amd64.list",
             "/.\n/lib/systemd/system/systemd-sysctl.service\n/usr/lib/sysctl.d/50-pid-max.conf\n");
  fs.AddSymlink("lib", "usr/lib");
  fs.AddDir("usr/lib/systemd/system");
  fs.AddFile("etc/sysctl.d/30-ceph-osd.conf", kCephConf);
  return fs;
}

TEST(PackageFiles, ReadsConffilesAndListsInScope) {
  const MemoryFileSystem fs = DebianRoot();
  const PackageFiles p = LoadPackageFiles(fs);
  EXPECT_EQ(p.manager, "dpkg");
  ASSERT_NE(p.Owner("etc/sysctl.d/30-ceph-osd.conf"), nullptr);
  EXPECT_EQ(p.Owner("etc/sysctl.d/30-ceph-osd.conf")->package, "ceph-osd");
  EXPECT_TRUE(p.Owner("etc/sysctl.d/30-ceph-osd.conf")->conffile);
  EXPECT_TRUE(p.Owner("etc/sysctl.conf")->conffile);
  // A non-conffile from a multi-arch list ("systemd:amd64.list" is package systemd).
  ASSERT_NE(p.Owner("usr/lib/sysctl.d/50-pid-max.conf"), nullptr);
  EXPECT_EQ(p.Owner("usr/lib/sysctl.d/50-pid-max.conf")->package, "systemd");
  EXPECT_FALSE(p.Owner("usr/lib/sysctl.d/50-pid-max.conf")->conffile);
  // /lib/systemd on a merged-/usr root is found where synlint reads it.
  EXPECT_NE(p.Owner("usr/lib/systemd/system/systemd-sysctl.service"), nullptr);
  EXPECT_EQ(p.Owner("lib/systemd/system/systemd-sysctl.service"), nullptr);
  // Out of scope, directories, obsolete conffiles, not-installed packages: not kept.
  EXPECT_EQ(p.Owner("usr/bin/ceph-osd"), nullptr);
  EXPECT_EQ(p.Owner("etc/sysctl.d"), nullptr);
  EXPECT_EQ(p.Owner("etc/sysctl.d/old.conf"), nullptr);
  EXPECT_EQ(p.Owner("etc/sysctl.d/41-never.conf"), nullptr);
  // A removed package's conffiles stay dpkg's until purged.
  EXPECT_NE(p.Owner("etc/sysctl.d/40-gone.conf"), nullptr);
  EXPECT_EQ(p.versions.at("ceph-osd"), "16.2.15+ds-0+deb12u2");
  EXPECT_EQ(p.versions.count("gone"), 0u);
  EXPECT_TRUE(p.problems.empty());
}

TEST(PackageFiles, NotEditableUnlessAConffileChangedLocally) {
  MemoryFileSystem fs = DebianRoot();
  fs.AddFile("etc/sysctl.conf", "vm.swappiness = 10\n");  // the admin's edit
  fs.AddFile("etc/sysctl.d/42-half.conf", "vm.swappiness = 10\n");  // not configured yet: no checksum
  HostOptions o;
  const auto host = LoadHost(fs, o);
  EXPECT_FALSE(host->packages.Editable("etc/sysctl.d/30-ceph-osd.conf"));  // as shipped
  EXPECT_FALSE(host->packages.Owner("etc/sysctl.d/30-ceph-osd.conf")->changed_locally);
  EXPECT_TRUE(host->packages.Editable("etc/sysctl.conf"));
  EXPECT_TRUE(host->packages.Owner("etc/sysctl.conf")->changed_locally);
  EXPECT_FALSE(host->packages.Editable("usr/lib/sysctl.d/50-pid-max.conf"));
  EXPECT_FALSE(host->packages.Editable("etc/sysctl.d/42-half.conf"));
  EXPECT_TRUE(host->packages.Editable("etc/sysctl.d/60-mine.conf"));
  EXPECT_EQ(host->packages.Describe("etc/sysctl.d/30-ceph-osd.conf"),
            "package ceph-osd, conffile as shipped: never edited");
  EXPECT_EQ(host->packages.Describe("etc/sysctl.conf"), "package procps, conffile changed locally");
}

// A run reads the database once (HostOptions::packages) and decides
// "changed locally" again from each host's bytes.
TEST(PackageFiles, ReadOnceChangedLocallyDecidedPerHost) {
  MemoryFileSystem fs = DebianRoot();
  HostOptions o;
  auto first = LoadHost(fs, o);
  o.packages = std::make_shared<PackageFiles>(first->packages);
  MemoryFileSystem later;  // no dpkg database: what the run read is used
  later.AddFile("etc/sysctl.d/30-ceph-osd.conf", "# changed\n" + std::string(kCephConf));
  auto second = LoadHost(later, o);
  EXPECT_EQ(second->packages.manager, "dpkg");
  EXPECT_TRUE(second->packages.Owner("etc/sysctl.d/30-ceph-osd.conf")->changed_locally);
  o.packages = std::make_shared<PackageFiles>(second->packages);  // carries changed_locally = true
  auto third = LoadHost(fs, o);
  EXPECT_FALSE(third->packages.Owner("etc/sysctl.d/30-ceph-osd.conf")->changed_locally);
}

TEST(PackageFiles, NoDatabaseNoOwners) {
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.conf", "vm.swappiness = 10\n");
  const PackageFiles p = LoadPackageFiles(fs);
  EXPECT_EQ(p.manager, "");
  EXPECT_TRUE(p.owned.empty());
  EXPECT_TRUE(p.Editable("etc/sysctl.conf"));
}

TEST(PackageFiles, BadInputIsBoundedAndNamed) {
  MemoryFileSystem fs;
  // Garbage, CRLF, a stanza without a blank line at the end, a list that is a directory.
  fs.AddFile("var/lib/dpkg/status",
             "no colon here\r\n\r\nPackage: a\r\nStatus: install ok installed\r\nVersion: 1.2-3\r\n"
             "Conffiles:\r\n /etc/nginx/nginx.conf abc\r\n weird\r\n");
  fs.AddDir("var/lib/dpkg/info/x.list");
  fs.AddFile("var/lib/dpkg/info/y.list", std::string("/etc/nginx/\0bin", 15));
  const PackageFiles p = LoadPackageFiles(fs);
  EXPECT_EQ(p.versions.at("a"), "1.2-3");
  ASSERT_NE(p.Owner("etc/nginx/nginx.conf"), nullptr);
  EXPECT_EQ(p.Owner("etc/nginx/nginx.conf")->md5, "abc");
  ASSERT_EQ(p.problems.size(), 1u);
  EXPECT_EQ(p.problems[0], "var/lib/dpkg/info/x.list: not a regular file");
}

}  // namespace
}  // namespace synlint
