// SPDX-License-Identifier: MIT
#include "parsers/systemd/units.h"

#include <gtest/gtest.h>

#include "core/file_system.h"

namespace synlint::systemd {
namespace {

constexpr const char* kEtc = "etc/systemd/system/";
constexpr const char* kRun = "run/systemd/system/";
constexpr const char* kLocal = "usr/local/lib/systemd/system/";
constexpr const char* kUsr = "usr/lib/systemd/system/";
constexpr const char* kLib = "lib/systemd/system/";

std::string P(const char* dir, const std::string& rest) { return dir + rest; }

std::vector<std::string> FilePaths(const UnitView& v) {
  std::vector<std::string> out;
  for (const UnitFile& f : v.files()) out.push_back(f.file->path);
  return out;
}

std::vector<std::string> Values(const std::vector<Assignment>& list) {
  std::vector<std::string> out;
  for (const Assignment& a : list) out.emplace_back(a.value());
  return out;
}

std::vector<std::string> Messages(const std::vector<Finding>& findings) {
  std::vector<std::string> out;
  for (const Finding& f : findings)
    out.push_back(f.rule + " " + f.location.file + ":" + std::to_string(f.location.start.line) +
                  " " + f.message);
  return out;
}

TEST(SystemdUnits, HigherDirectoryMasksLowerByName) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kEtc, "web.socket"), "[Socket]\nListenStream=8080\n");
  fs.AddFile(P(kLib, "web.socket"), "[Socket]\nListenStream=1\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->state(), UnitView::State::kLoaded);
  EXPECT_EQ(v->main_file(), "etc/systemd/system/web.socket");
  EXPECT_EQ(v->unit_dir(), "etc/systemd/system");
  EXPECT_EQ(Values(v->List("Socket", "ListenStream")), std::vector<std::string>{"8080"});
  EXPECT_EQ(sources.files().size(), 1u) << "lower copies are not read";
}

TEST(SystemdUnits, NotFound) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "other.socket"), "[Socket]\n");
  SourceSet sources(fs);
  EXPECT_FALSE(LoadUnit(sources, "web.socket"));
  EXPECT_FALSE(LoadUnit(sources, "no-type"));
}

TEST(SystemdUnits, DevNullLinkMasks) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddSymlink(P(kEtc, "web.socket"), "/dev/null");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->masked());
  EXPECT_EQ(v->main_file(), "etc/systemd/system/web.socket");
  EXPECT_TRUE(v->files().empty());
  EXPECT_TRUE(v->All("Socket", "ListenStream").empty());
}

TEST(SystemdUnits, EmptyFileMasks) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kRun, "web.socket"), "");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_TRUE(v->masked());
  EXPECT_EQ(v->main_file(), "run/systemd/system/web.socket");
}

TEST(SystemdUnits, SymlinkedUnitIsReadUnderItsRealPath) {
  MemoryFileSystem fs;
  fs.AddFile("opt/app/web.socket", "[Socket]\nListenStream=80\n");
  fs.AddSymlink(P(kEtc, "web.socket"), "/opt/app/web.socket");
  fs.AddFile(P(kUsr, "db.socket"), "[Socket]\nListenStream=5432\n");
  fs.AddSymlink(P(kEtc, "db.socket"), "../../../usr/lib/systemd/system/db.socket");
  SourceSet sources(fs);
  std::optional<UnitView> web = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(web);
  EXPECT_EQ(web->name(), "web.socket");
  EXPECT_EQ(web->main_file(), "opt/app/web.socket");
  EXPECT_EQ(web->unit_dir(), "etc/systemd/system");
  EXPECT_EQ(web->Last("Socket", "ListenStream")->ValueLocation().file, "opt/app/web.socket");
  std::optional<UnitView> db = LoadUnit(sources, "db.socket");
  ASSERT_TRUE(db);
  EXPECT_EQ(db->main_file(), "usr/lib/systemd/system/db.socket");
}

TEST(SystemdUnits, AliasLinkTakesTheTargetName) {
  MemoryFileSystem fs;
  fs.AddFile(P(kLib, "ssh.service"), "[Service]\nExecStart=/usr/sbin/sshd -D\n");
  fs.AddSymlink(P(kEtc, "sshd.service"), "/lib/systemd/system/ssh.service");
  fs.AddFile(P(kEtc, "sshd.service.d/limits.conf"), "[Service]\nLimitNOFILE=4096\n");
  fs.AddFile(P(kEtc, "ssh.service.d/env.conf"), "[Service]\nEnvironment=A=1\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "sshd.service");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->name(), "ssh.service");
  EXPECT_EQ(v->aliases(), std::vector<std::string>{"sshd.service"});
  EXPECT_EQ(FilePaths(*v),
            (std::vector<std::string>{"lib/systemd/system/ssh.service",
                                      "etc/systemd/system/ssh.service.d/env.conf",
                                      "etc/systemd/system/sshd.service.d/limits.conf"}));
}

TEST(SystemdUnits, DropinsOfOtherNamesApply) {
  // Checked with `systemd-analyze verify --root` (systemd 252): a drop-in
  // of an alias link applies to the unit loaded under its own name.
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddSymlink(P(kEtc, "alias.socket"), "/usr/lib/systemd/system/web.socket");
  fs.AddFile(P(kEtc, "alias.socket.d/z.conf"), "[Socket]\nMaxConnections=9\n");
  fs.AddSymlink(P(kUsr, "sockets.target.wants/web.socket"), "../web.socket");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->name(), "web.socket");
  EXPECT_EQ(v->aliases(), std::vector<std::string>{"alias.socket"});
  EXPECT_EQ(FilePaths(*v), (std::vector<std::string>{"usr/lib/systemd/system/web.socket",
                                                     "etc/systemd/system/alias.socket.d/z.conf"}));
}

TEST(SystemdUnits, AFragmentsTreeLivesWithItsViewAndADropinsWithTheLoader) {
  // A host of thousands of units must not keep every unit's tree after its
  // facts are taken; a drop-in shared by every unit of a type is parsed once.
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "a.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kUsr, "b.socket"), "[Socket]\nListenStream=81\n");
  fs.AddFile(P(kEtc, "socket.d/all.conf"), "[Socket]\nBacklog=9\n");
  SourceSet sources(fs);
  UnitLoader loader(sources);
  std::weak_ptr<const ParseResult> fragment, dropin;
  {
    std::optional<UnitView> a = loader.Load("a.socket");
    ASSERT_TRUE(a);
    ASSERT_EQ(FilePaths(*a), (std::vector<std::string>{"usr/lib/systemd/system/a.socket",
                                                       "etc/systemd/system/socket.d/all.conf"}));
    fragment = a->files()[0].parsed;
    dropin = a->files()[1].parsed;
  }
  EXPECT_TRUE(fragment.expired());
  ASSERT_FALSE(dropin.expired());
  std::optional<UnitView> b = loader.Load("b.socket");
  ASSERT_TRUE(b);
  ASSERT_EQ(b->files().size(), 2u);
  EXPECT_EQ(b->files()[1].parsed, dropin.lock()) << "the drop-in is parsed once";
  ASSERT_TRUE(b->Last("Socket", "Backlog"));
  EXPECT_EQ(b->Last("Socket", "Backlog")->value(), "9");
}

TEST(SystemdUnits, DropinsMergeInLexicalOrderAcrossDirectories) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\nBacklog=128\n");
  fs.AddFile(P(kUsr, "web.socket.d/10-vendor.conf"), "[Socket]\nBacklog=256\n");
  fs.AddFile(P(kUsr, "web.socket.d/30-same.conf"), "[Socket]\nBacklog=1\n");
  fs.AddFile(P(kEtc, "web.socket.d/30-same.conf"), "[Socket]\nBacklog=4096\n");
  fs.AddFile(P(kRun, "web.socket.d/20-runtime.conf"), "[Socket]\nBacklog=512\n");
  fs.AddFile(P(kLocal, "web.socket.d/05-local.conf"), "[Socket]\nBacklog=64\n");
  fs.AddFile(P(kEtc, "web.socket.d/README"), "not a drop-in");
  fs.AddFile(P(kEtc, "web.socket.d/.hidden.conf"), "[Socket]\nBacklog=2\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(FilePaths(*v),
            (std::vector<std::string>{"usr/lib/systemd/system/web.socket",
                                      "usr/local/lib/systemd/system/web.socket.d/05-local.conf",
                                      "usr/lib/systemd/system/web.socket.d/10-vendor.conf",
                                      "run/systemd/system/web.socket.d/20-runtime.conf",
                                      "etc/systemd/system/web.socket.d/30-same.conf"}));
  EXPECT_EQ(Values(v->All("Socket", "Backlog")),
            (std::vector<std::string>{"128", "64", "256", "512", "4096"}));
  std::optional<Assignment> last = v->Last("Socket", "Backlog");
  ASSERT_TRUE(last);
  const Location at = last->ValueLocation();
  EXPECT_EQ(at.file, "etc/systemd/system/web.socket.d/30-same.conf");
  EXPECT_EQ(at.start, (LineCol{2, 9}));
  EXPECT_EQ(at.span, (Span{17, 21}));
  EXPECT_TRUE(v->files()[1].dropin);
  EXPECT_FALSE(v->files()[0].dropin);
}

TEST(SystemdUnits, DevNullDropinMasksLowerOnes) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kUsr, "web.socket.d/50-tune.conf"), "[Socket]\nBacklog=16\n");
  fs.AddSymlink(P(kEtc, "web.socket.d/50-tune.conf"), "/dev/null");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(FilePaths(*v), std::vector<std::string>{"usr/lib/systemd/system/web.socket"});
  EXPECT_FALSE(v->Last("Socket", "Backlog"));
}

TEST(SystemdUnits, EmptyAssignmentResetsAList) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\nListenStream=443\n");
  fs.AddFile(P(kEtc, "web.socket.d/override.conf"), "[Socket]\nListenStream=\nListenStream=8443\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(Values(v->List("Socket", "ListenStream")), std::vector<std::string>{"8443"});
  EXPECT_EQ(Values(v->All("Socket", "ListenStream")),
            (std::vector<std::string>{"80", "443", "", "8443"}));
}

TEST(SystemdUnits, TopLevelTypeDropinsApplyWithLowestPrecedence) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kEtc, "socket.d/50-all.conf"), "[Socket]\nBacklog=1024\n");
  fs.AddFile(P(kEtc, "socket.d/60-all.conf"), "[Socket]\nBacklog=2048\n");
  fs.AddFile(P(kUsr, "web.socket.d/60-all.conf"), "[Socket]\nBacklog=99\n");
  fs.AddFile(P(kEtc, "service.d/50-all.conf"), "[Service]\nLimitNOFILE=1\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  // The unit's own 60-all.conf, even from usr/lib, beats etc/.../socket.d/.
  EXPECT_EQ(FilePaths(*v),
            (std::vector<std::string>{"usr/lib/systemd/system/web.socket",
                                      "etc/systemd/system/socket.d/50-all.conf",
                                      "usr/lib/systemd/system/web.socket.d/60-all.conf"}));
  EXPECT_EQ(v->Last("Socket", "Backlog")->value(), "99");
}

TEST(SystemdUnits, DashPrefixAndTemplateDropins) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "getty@.service"), "[Service]\nExecStart=/sbin/agetty %I\n");
  fs.AddFile(P(kEtc, "getty@tty1.service.d/a.conf"), "[Service]\nX=instance\n");
  fs.AddFile(P(kEtc, "getty@.service.d/b.conf"), "[Service]\nX=template\n");
  fs.AddFile(P(kUsr, "a-b-c.service"), "[Service]\nExecStart=/bin/true\n");
  fs.AddFile(P(kUsr, "a-b-.service.d/1.conf"), "[Service]\nY=ab\n");
  fs.AddFile(P(kEtc, "a-.service.d/2.conf"), "[Service]\nY=a\n");
  fs.AddFile(P(kEtc, "a-b-c.service.d/1.conf"), "[Service]\nY=abc\n");
  SourceSet sources(fs);
  std::optional<UnitView> getty = LoadUnit(sources, "getty@tty1.service");
  ASSERT_TRUE(getty);
  EXPECT_EQ(getty->name(), "getty@tty1.service");
  EXPECT_EQ(FilePaths(*getty),
            (std::vector<std::string>{"usr/lib/systemd/system/getty@.service",
                                      "etc/systemd/system/getty@tty1.service.d/a.conf",
                                      "etc/systemd/system/getty@.service.d/b.conf"}));
  std::optional<UnitView> abc = LoadUnit(sources, "a-b-c.service");
  ASSERT_TRUE(abc);
  // 1.conf of a-b-c.service.d (etc) masks the one of a-b-.service.d (usr).
  EXPECT_EQ(FilePaths(*abc), (std::vector<std::string>{"usr/lib/systemd/system/a-b-c.service",
                                                       "etc/systemd/system/a-b-c.service.d/1.conf",
                                                       "etc/systemd/system/a-.service.d/2.conf"}));
}

TEST(SystemdUnits, MergedUsrLibIsReadOnce) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.AddFile(P(kUsr, "web.socket.d/a.conf"), "[Socket]\nBacklog=5\n");
  fs.AddSymlink("lib", "usr/lib");
  SourceSet sources(fs);
  UnitLoader loader(sources);
  EXPECT_EQ(loader.ListUnits(".socket"), std::vector<std::string>{"web.socket"});
  std::optional<UnitView> v = loader.Load("web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(FilePaths(*v),
            (std::vector<std::string>{"usr/lib/systemd/system/web.socket",
                                      "usr/lib/systemd/system/web.socket.d/a.conf"}));
}

TEST(SystemdUnits, ListUnitsIncludesTemplatesAndSkipsDirectories) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "b.socket"), "[Socket]\n");
  fs.AddFile(P(kEtc, "a.socket"), "[Socket]\n");
  fs.AddFile(P(kUsr, "a.socket"), "[Socket]\n");
  fs.AddFile(P(kUsr, "t@.socket"), "[Socket]\n");
  fs.AddFile(P(kUsr, "a.socket.d/x.conf"), "[Socket]\n");
  fs.AddFile(P(kUsr, "sockets.target.wants/c.socket"), "[Socket]\n");
  fs.AddFile(P(kUsr, "a.service"), "[Service]\n");
  SourceSet sources(fs);
  UnitLoader loader(sources);
  EXPECT_EQ(loader.ListUnits(".socket"),
            (std::vector<std::string>{"a.socket", "b.socket", "t@.socket"}));
}

TEST(SystemdUnits, UnreadableAndLoopingFilesAreFileProblems) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "web.socket"), "[Socket]\nListenStream=80\n");
  fs.SetUnreadable(P(kEtc, "web.socket"));
  fs.AddFile(P(kUsr, "web.socket"), "[Socket]\nListenStream=81\n");
  fs.AddSymlink(P(kEtc, "loop.socket"), "loop.socket");
  fs.AddSymlink(P(kEtc, "gone.socket"), "/nowhere/gone.socket");
  fs.AddFile(P(kUsr, "gone.socket"), "[Socket]\nListenStream=82\n");
  SourceSet sources(fs);
  UnitLoader loader(sources);
  std::optional<UnitView> web = loader.Load("web.socket");
  ASSERT_TRUE(web);
  EXPECT_EQ(web->state(), UnitView::State::kBroken);
  EXPECT_EQ(Messages(web->findings()),
            std::vector<std::string>{
                "SL002 etc/systemd/system/web.socket:1 cannot read: Permission denied"});
  std::optional<UnitView> loop = loader.Load("loop.socket");
  ASSERT_TRUE(loop);
  EXPECT_EQ(loop->state(), UnitView::State::kBroken);
  ASSERT_EQ(loop->findings().size(), 1u);
  EXPECT_EQ(loop->findings()[0].rule, "SL002");
  // A dangling link hides the file below it (`systemd-analyze verify`:
  // "Unit gone.socket not found").
  std::optional<UnitView> gone = loader.Load("gone.socket");
  ASSERT_TRUE(gone);
  EXPECT_EQ(gone->state(), UnitView::State::kBroken);
  EXPECT_EQ(gone->main_file(), "etc/systemd/system/gone.socket");
  EXPECT_EQ(Messages(gone->findings()),
            std::vector<std::string>{"SL002 etc/systemd/system/gone.socket:1 symlink points "
                                     "to a file that does not exist; systemd reports the unit "
                                     "as not found"});
}

TEST(SystemdUnits, SyntaxErrorsAndUnknownSectionsAreReported) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "web.socket"),
             "[Sokcet]\nListenStream=80\n[Socket]\nListenStream 81\n[X-Extra]\nA=1\n");
  fs.AddFile(P(kEtc, "web.socket.d/a.conf"), "Backlog=1\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "web.socket");
  ASSERT_TRUE(v);
  EXPECT_EQ(Messages(v->findings()),
            (std::vector<std::string>{
                "SL001 etc/systemd/system/web.socket:4 missing '='; systemd ignores this line",
                "SL001 etc/systemd/system/web.socket:1 unknown section 'Sokcet' in a socket unit; "
                "systemd ignores it and its settings",
                "SL001 etc/systemd/system/web.socket.d/a.conf:1 assignment outside of any "
                "section; systemd ignores this line"}));
}

TEST(SystemdUnits, ServiceValuesForTheHostModel) {
  MemoryFileSystem fs;
  fs.AddFile(P(kLib, "nginx.service"),
             "[Unit]\nDescription=nginx\n\n[Service]\nType=forking\n"
             "ExecStartPre=/usr/sbin/nginx -t -q -g 'daemon on; master_process on;'\n"
             "ExecStart=/usr/sbin/nginx -g 'daemon on; master_process on;'\n"
             "LimitNOFILE=1024:4096\n");
  fs.AddFile(
      P(kEtc, "nginx.service.d/override.conf"),
      "[Service]\nLimitNOFILE=65536\nExecStart=\nExecStart=/usr/sbin/nginx -c /etc/n.conf\n");
  fs.AddFile(P(kEtc, "nginx.service.d/zz-bad.conf"), "[Service]\nLimitNOFILE=lots\n");
  SourceSet sources(fs);
  std::optional<UnitView> v = LoadUnit(sources, "nginx.service");
  ASSERT_TRUE(v);
  std::vector<Finding> rejected;
  std::optional<Setting> nofile =
      EffectiveSetting(*v, "Service", "LimitNOFILE", ValueKind::kRlimit, &rejected);
  ASSERT_TRUE(nofile);
  EXPECT_EQ(nofile->text, "65536");
  EXPECT_EQ(nofile->value, 65536);
  EXPECT_EQ(nofile->location.file, "etc/systemd/system/nginx.service.d/override.conf");
  EXPECT_EQ(nofile->location.start, (LineCol{2, 13}));
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0].message,
            "invalid value 'lots' for 'LimitNOFILE='; systemd ignores this assignment");
  EXPECT_EQ(rejected[0].location.note, "expected a number, 'infinity' or 'soft:hard'");
  EXPECT_EQ(rejected[0].location.file, "etc/systemd/system/nginx.service.d/zz-bad.conf");
  EXPECT_EQ(Values(v->List("Service", "ExecStart")),
            std::vector<std::string>{"/usr/sbin/nginx -c /etc/n.conf"});
  EXPECT_EQ(Values(v->List("Service", "ExecStartPre")),
            std::vector<std::string>{"/usr/sbin/nginx -t -q -g 'daemon on; master_process on;'"});
  EXPECT_EQ(v->Last("Service", "Type")->value(), "forking");
}

TEST(SystemdUnits, UnitNames) {
  EXPECT_EQ(UnitType("web.socket"), "socket");
  EXPECT_EQ(UnitType("web.conf"), "");
  EXPECT_EQ(UnitType(".socket"), "");
  EXPECT_TRUE(IsTemplateName("foo@.socket"));
  EXPECT_FALSE(IsTemplateName("foo@bar.socket"));
  EXPECT_TRUE(IsInstanceName("foo@bar.socket"));
  EXPECT_FALSE(IsInstanceName("foo.socket"));
  EXPECT_EQ(TemplateOf("foo@bar.baz.service"), "foo@.service");
  EXPECT_EQ(TemplateOf("foo.service"), "foo.service");
}

TEST(SystemdUnits, DropinDirIsTheUnitNameWithDotD) {
  EXPECT_EQ(DropinDir("web.socket"), "etc/systemd/system/web.socket.d");
  EXPECT_EQ(DropinDir("foo@.service", "usr/lib/systemd/system"), "usr/lib/systemd/system/foo@.service.d");
  EXPECT_EQ(UnitSearchPath().front(), kAdminUnitDir);
}

}  // namespace
}  // namespace synlint::systemd
