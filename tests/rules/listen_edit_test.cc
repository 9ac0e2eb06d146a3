// SPDX-License-Identifier: MIT
// Where SetListenerBacklogFix writes a socket unit's Backlog=: in place under
// etc/, else a drop-in in etc/systemd/system/UNIT.d/ that sorts after the
// vendor drop-in it overrides (drop-ins apply in file-name order across
// directories; systemd.unit(5)).
#include "rules/edits/listen_edit.h"

#include <gtest/gtest.h>

#include "core/md5.h"
#include "rules/edits/sysctl_edit.h"

namespace synlint {
namespace {

std::string FixFor(MemoryFileSystem& fs, int64_t backlog) {
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  o.systemd_version = 250;
  auto host = LoadHost(fs, o);
  const auto views = ListenerViews(*host);
  if (views.size() != 1) return "views: " + std::to_string(views.size());
  const auto fix = SetListenerBacklogFix(*host, views[0], backlog, Applicability::kUnsafe);
  if (!fix) return "no fix";
  std::string text = fix->title + "\n";
  for (const TextEdit& e : fix->edits)
    text += e.file + " " + std::to_string(e.span.begin) + "+" + std::to_string(e.span.size()) + " [" +
            e.replacement + "]\n";
  return text;
}

TEST(SetListenerBacklogFix, EditsBacklogInPlaceUnderEtc) {
  MemoryFileSystem fs;
  fs.AddFile("etc/systemd/system/q.socket", "[Socket]\nListenStream=5672\nBacklog=100\n");
  EXPECT_EQ(FixFor(fs, 4096), "set 'Backlog=4096'\netc/systemd/system/q.socket 35+3 [4096]\n");
}

TEST(SetListenerBacklogFix, VendorUnitBacklogGetsADropIn) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/systemd/system/q.socket", "[Socket]\nListenStream=5672\nBacklog=100\n");
  EXPECT_EQ(FixFor(fs, 4096),
            "add 'Backlog=4096' in a drop-in\netc/systemd/system/q.socket.d/90-synlint.conf 0+0 "
            "[# Written by synlint.\n[Socket]\nBacklog=4096\n]\n");
}

TEST(SetListenerBacklogFix, DropInSortsAfterTheVendorDropInItOverrides) {
  MemoryFileSystem fs;
  fs.AddFile("usr/lib/systemd/system/q.socket", "[Socket]\nListenStream=5672\n");
  fs.AddFile("usr/lib/systemd/system/q.socket.d/95-vendor.conf", "[Socket]\nBacklog=100\n");
  EXPECT_EQ(FixFor(fs, 4096),
            "add 'Backlog=4096' in a drop-in\netc/systemd/system/q.socket.d/zz-synlint.conf 0+0 "
            "[# Written by synlint.\n[Socket]\nBacklog=4096\n]\n");
  // A vendor drop-in that sorts before ours needs nothing special.
  MemoryFileSystem early;
  early.AddFile("usr/lib/systemd/system/q.socket", "[Socket]\nListenStream=5672\n");
  early.AddFile("usr/lib/systemd/system/q.socket.d/10-vendor.conf", "[Socket]\nBacklog=100\n");
  EXPECT_EQ(FixFor(early, 4096).substr(0, 82),
            "add 'Backlog=4096' in a drop-in\netc/systemd/system/q.socket.d/90-synlint.conf 0+0 ");
}

// A dpkg status file in which `package` ships `path` (as `shipped`) as a conffile.
void Dpkg(MemoryFileSystem& fs, const std::string& package, const std::string& path, const std::string& shipped) {
  fs.AddFile("var/lib/dpkg/status", "Package: " + package + "\nStatus: install ok installed\nVersion: 1.0-1\n"
                                    "Conffiles:\n /" + path + " " + Md5Hex(shipped) + "\n");
}

// A unit under etc/ that a package ships is not edited: a drop-in overrides it.
TEST(SetListenerBacklogFix, PackageUnitUnderEtcGetsADropIn) {
  const std::string unit = "[Socket]\nListenStream=5672\nBacklog=100\n";
  MemoryFileSystem fs;
  fs.AddFile("etc/systemd/system/q.socket", unit);
  Dpkg(fs, "rabbit", "etc/systemd/system/q.socket", unit);
  EXPECT_EQ(FixFor(fs, 4096),
            "add 'Backlog=4096' in a drop-in\netc/systemd/system/q.socket.d/90-synlint.conf 0+0 "
            "[# Written by synlint.\n[Socket]\nBacklog=4096\n]\n");
  // Once the administrator has changed the conffile it is theirs: edited in place.
  MemoryFileSystem changed;
  changed.AddFile("etc/systemd/system/q.socket", unit + "# mine\n");
  Dpkg(changed, "rabbit", "etc/systemd/system/q.socket", unit);
  EXPECT_EQ(FixFor(changed, 4096), "set 'Backlog=4096'\netc/systemd/system/q.socket 35+3 [4096]\n");
}

// nginx has no file that sorts after a site: a package's site as shipped gets no fix.
TEST(SetListenerBacklogFix, PackageNginxSiteAsShippedGetsNoFix) {
  const std::string site = "server { listen 80 backlog=100; }\n";
  MemoryFileSystem fs;
  fs.AddFile("etc/nginx/nginx.conf", "events {}\nhttp { include sites-enabled/*; }\n");
  fs.AddFile("etc/nginx/sites-enabled/default", site);
  Dpkg(fs, "nginx-common", "etc/nginx/sites-enabled/default", site);
  EXPECT_EQ(FixFor(fs, 4096), "no fix");
}

// A sysctl a package's conffile sets is overridden from a file of the
// administrator's that sorts after it, never edited in place.
TEST(SetSysctlFix, PackageConffileIsOverriddenNotEdited) {
  const std::string conf = "net.ipv4.tcp_syncookies = 0\n";
  MemoryFileSystem fs;
  fs.AddFile("etc/sysctl.d/95-vendor.conf", conf);
  Dpkg(fs, "vendor", "etc/sysctl.d/95-vendor.conf", conf);
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  auto host = LoadHost(fs, o);
  EXPECT_FALSE(IsAdminFile(*host, "etc/sysctl.d/95-vendor.conf"));
  const Fix fix = EnableSyncookiesFix(*host, FixOptions{}, "0");
  ASSERT_EQ(fix.edits.size(), 1u);
  EXPECT_EQ(fix.edits[0].file, "etc/sysctl.d/95-vendor.conf-synlint.conf");
  // Changed locally: the administrator's file, edited where the value is.
  fs.AddFile("etc/sysctl.d/95-vendor.conf", "# mine\n" + conf);
  host = LoadHost(fs, o);
  EXPECT_TRUE(IsAdminFile(*host, "etc/sysctl.d/95-vendor.conf"));
  const Fix in_place = EnableSyncookiesFix(*host, FixOptions{}, "0");
  ASSERT_EQ(in_place.edits.size(), 2u);
  EXPECT_EQ(in_place.edits[1].file, "etc/sysctl.d/95-vendor.conf");
}

}  // namespace
}  // namespace synlint
