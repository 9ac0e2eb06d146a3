// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "linter/tune/tune_fixes.h"
#include "tests/tune/tune_test_util.h"

namespace synlint::tune {
namespace {

std::string Actions(const TuneRun& run) {
  std::string s;
  for (const Action& a : run.actions) s += a.command + "\n";
  return s;
}

TuneRun Tune(TestHost& t, const std::string& kernel, const LoadSpec& load, std::optional<int> systemd = {}) {
  t.options.kernel = KernelVersion::Parse(kernel);
  t.options.systemd_version = systemd;
  return RunTune(t.fs, t.options, FixOptions{}, load);
}

// Writes the fixed files into the test's file system, as --fix would.
void Apply(TestHost& t, const TuneRun& run) {
  std::string err;
  for (const auto& [path, text] : run.fix.fixed) ASSERT_TRUE(t.fs.WriteFile(path, text, 0644, &err)) << err;
}

TEST(TuneFixes, EditsTheWinningAssignmentsAndTheListen) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_syncookies = 0\n");
  const TuneRun run = Tune(t, "6.1", Everywhere(20000, 50));
  EXPECT_EQ(run.fix.rounds, 1);
  EXPECT_TRUE(run.fix.converged);
  EXPECT_EQ(run.fix.fixes_applied, 3u);
  EXPECT_EQ(
      run.diff,
      "--- a/etc/nginx/nginx.conf\n"
      "+++ b/etc/nginx/nginx.conf\n"
      "@@ -1,6 +1,6 @@\n"
      " events {}\n"
      " http {\n"
      "     server {\n"
      "-        listen 80;\n"
      "+        listen 80 backlog=2000;\n"
      "     }\n"
      " }\n"
      "--- a/etc/sysctl.d/60-net.conf\n"
      "+++ b/etc/sysctl.d/60-net.conf\n"
      "@@ -1,2 +1,4 @@\n"
      "-net.core.somaxconn = 1024\n"
      "-net.ipv4.tcp_syncookies = 0\n"
      "+# synlint tune: the kernel default, which covers the largest accept queue the load needs (2000)\n"
      "+net.core.somaxconn = 4096\n"
      "+# synlint tune: send cookies only when the SYN queue overflows\n"
      "+net.ipv4.tcp_syncookies = 1\n");
  EXPECT_EQ(Actions(run), "systemctl restart systemd-sysctl\nsystemctl reload nginx\n");
  EXPECT_TRUE(run.warnings.empty());
}

TEST(TuneFixes, ASecondRunChangesNothing) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("etc/sysctl.d/60-net.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_syncookies = 0\n");
  const TuneRun first = Tune(t, "3.10", Everywhere(20000, 50));
  ASSERT_FALSE(first.fix.fixed.empty());
  Apply(t, first);
  const TuneRun second = Tune(t, "3.10", Everywhere(20000, 50));
  EXPECT_FALSE(second.plan.HasChanges());
  EXPECT_TRUE(second.fix.fixed.empty());
  EXPECT_EQ(second.diff, "");
  EXPECT_TRUE(second.actions.empty());
  // What the first run promised is what the fixed host gives.
  ASSERT_EQ(second.plan.listeners.size(), 1u);
  EXPECT_EQ(second.plan.listeners[0].current, first.plan.listeners[0].proposed);
  EXPECT_EQ(second.plan.listeners[0].current.syn_queue, 2048);
}

TEST(TuneFixes, VendorSettingsAreOverriddenFromOneFile) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80)
      .File("usr/lib/sysctl.d/50-vendor.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_syncookies = 0\n");
  const TuneRun run = Tune(t, "6.1", Everywhere(20000, 50));
  // Both keys create the same file: one per round, merged as check does.
  EXPECT_EQ(run.fix.rounds, 2);
  ASSERT_EQ(run.fix.fixed.count("etc/sysctl.d/90-synlint.conf"), 1u);
  EXPECT_EQ(
      run.fix.fixed.at("etc/sysctl.d/90-synlint.conf"),
      "# Written by synlint. Files in sysctl.d apply in name order and a key's last\n"
      "# setting wins: a key below that another file sets says which one it overrides.\n"
      "# synlint tune: the kernel default, which covers the largest accept queue the load needs (2000)\n"
      "# overrides the setting in /usr/lib/sysctl.d/50-vendor.conf\n"
      "net.core.somaxconn = 4096\n"
      "# synlint tune: send cookies only when the SYN queue overflows\n"
      "# overrides the setting in /usr/lib/sysctl.d/50-vendor.conf\n"
      "net.ipv4.tcp_syncookies = 1\n");
  EXPECT_EQ(run.fix.original.count("etc/sysctl.d/90-synlint.conf"), 0u);
  EXPECT_EQ(run.fix.fixed.count("usr/lib/sysctl.d/50-vendor.conf"), 0u);
}

TEST(TuneFixes, VendorSocketUnitGetsADropIn) {
  TestHost t;
  t.File("usr/lib/systemd/systemd-sysctl", "")
      .File("usr/lib/systemd/system/app.socket", "[Socket]\nListenStream=9000\nBacklog=128\n");
  const TuneRun run = Tune(t, "6.1", Everywhere(50000, 100), 252);  // 10000
  ASSERT_EQ(run.fix.fixed.count("etc/systemd/system/app.socket.d/90-synlint.conf"), 1u);
  EXPECT_EQ(run.fix.fixed.at("etc/systemd/system/app.socket.d/90-synlint.conf"),
            "# Written by synlint.\n[Socket]\nBacklog=10000\n");
  EXPECT_EQ(run.fix.fixed.at("etc/sysctl.d/90-synlint.conf"),
            // No file sets somaxconn: the file claims to override nothing.
            "# Written by synlint. Files in sysctl.d apply in name order and a key's last\n"
            "# setting wins: a key below that another file sets says which one it overrides.\n"
            "# synlint tune: covers the largest accept queue the load needs (10000)\n"
            "net.core.somaxconn = 10000\n");
  EXPECT_EQ(Actions(run),
            "systemctl restart systemd-sysctl\n"
            "systemctl daemon-reload && systemctl stop app.service app.socket && "
            "systemctl start app.socket app.service\n");
  EXPECT_TRUE(run.warnings.empty());
  Apply(t, run);
  EXPECT_FALSE(Tune(t, "6.1", Everywhere(50000, 100), 252).plan.HasChanges());
}

TEST(TuneFixes, NginxReloadsWhenEveryChangedSocketHasANewBacklog) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const TuneRun run = Tune(t, "6.1", Everywhere(20000, 50));  // 2000 < somaxconn 4096
  EXPECT_EQ(Actions(run), "systemctl reload nginx\n");
  // Before 4.4 the SYN table is sized at the first listen() only: restart.
  const TuneRun old = Tune(t, "4.3", Everywhere(20000, 50));
  EXPECT_EQ(Actions(old), "systemctl restart systemd-sysctl\nsystemctl restart nginx\n");
  EXPECT_EQ(old.actions.back().reason,
            "on Linux < 4.4 a second listen() keeps the old SYN table, so only new sockets get the new size");
}

TEST(TuneFixes, ApacheNeedsAFullRestart) {
  TestHost t;
  t.File("etc/apache2/apache2.conf", "Listen 80\nListen 443\n");
  const TuneRun run = Tune(t, "6.1", Everywhere(20000, 50));
  EXPECT_EQ(run.fix.fixed.at("etc/apache2/apache2.conf"), "Listen 80\nListenBacklog 2000\nListen 443\n");
  EXPECT_EQ(Actions(run), "systemctl restart apache2\n");
}

TEST(TuneFixes, SomaxconnBelowTheDefaultGoesBackToIt) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80).File("etc/sysctl.d/60-net.conf", "net.core.somaxconn=256\r\n");
  const TuneRun run = Tune(t, "6.1", Everywhere(1000, 100));  // 200
  EXPECT_EQ(run.fix.fixed.at("etc/sysctl.d/60-net.conf"),
            "# synlint tune: the kernel default, which covers the largest accept queue the load needs "
            "(200)\r\nnet.core.somaxconn=4096\r\n");
  // nginx asked for 511 but got 256: the new somaxconn reaches it only on restart.
  EXPECT_EQ(Actions(run), "systemctl restart systemd-sysctl\nsystemctl restart nginx\n");
}

TEST(TuneFixes, NothingToDoMeansNoEdits) {
  TestHost t;
  t.File("etc/nginx/nginx.conf", kNginxPort80);
  const TuneRun run = Tune(t, "6.1", Everywhere(100, 100));  // 20: the defaults cover it
  EXPECT_FALSE(run.plan.HasChanges());
  EXPECT_TRUE(run.fix.fixed.empty());
  EXPECT_EQ(run.fix.rounds, 0);
  EXPECT_TRUE(run.actions.empty());
}

}  // namespace
}  // namespace synlint::tune
