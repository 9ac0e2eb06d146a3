// Where SetListenerBacklogFix writes a socket unit's Backlog=: in place under
// etc/, else a drop-in in etc/systemd/system/UNIT.d/ that sorts after the
// vendor drop-in it overrides (drop-ins apply in file-name order across
// directories; systemd.unit(5)).
#include "rules/edits/listen_edit.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace synlint
