// SPDX-License-Identifier: MIT
// Restart advice for nginx by kernel and nginx version (kernel-facts.md §5,
// rule 10): a changed backlog= is applied by reload on nginx >= 1.5.12 and
// Linux >= 4.4; a raised somaxconn alone needs a restart.
#include "model/restart_advice.h"

#include <gtest/gtest.h>

namespace synlint {
namespace {

struct Change {
  MemoryFileSystem before, after;
  std::unique_ptr<Host> old_host, new_host;
  Change(const std::string& listen_before, const std::string& listen_after, const std::string& kernel,
         std::optional<ServerVersion> nginx) {
    const std::string sysctl = "net.core.somaxconn = 8192\n";
    before.AddFile("etc/sysctl.d/50-test.conf", sysctl);
    after.AddFile("etc/sysctl.d/50-test.conf", sysctl);
    before.AddFile("etc/nginx/nginx.conf", "events {}\nhttp { server { " + listen_before + " } }\n");
    after.AddFile("etc/nginx/nginx.conf", "events {}\nhttp { server { " + listen_after + " } }\n");
    HostOptions o;
    o.kernel = KernelVersion::Parse(kernel);
    o.nginx_version = nginx;
    old_host = LoadHost(before, o);
    new_host = LoadHost(after, o);
  }
  std::vector<std::string> Commands() const {
    std::vector<std::string> out;
    for (const Action& a : RestartActions(*old_host, *new_host)) out.push_back(a.command + " # " + a.reason);
    return out;
  }
};

TEST(ServerVersion, Parses) {
  EXPECT_EQ(ServerVersion::Parse("1.22.1"), (ServerVersion{1, 22, 1}));
  EXPECT_EQ(ServerVersion::Parse("nginx/1.5.12"), (ServerVersion{1, 5, 12}));
  EXPECT_EQ(ServerVersion::Parse("1.5"), (ServerVersion{1, 5, 0}));
  for (const char* bad : {"", "1", "1.", "1.2.", "1.2.3.4", "-1.2", "1.x", "v1.2", "1.2.3 ", "99999999999.1"})
    EXPECT_EQ(ServerVersion::Parse(bad), std::nullopt) << bad;
  EXPECT_LT((ServerVersion{1, 5, 11}), kNginxRelistenOnReload);
  EXPECT_GT((ServerVersion{1, 10, 0}), kNginxRelistenOnReload);
}

TEST(RestartAdvice, ChangedBacklogReloadsACurrentNginx) {
  const Change unknown("listen 80 backlog=511;", "listen 80 backlog=4096;", "6.1", std::nullopt);
  ASSERT_EQ(unknown.Commands().size(), 1u);
  EXPECT_EQ(unknown.Commands()[0],
            "systemctl reload nginx # nginx calls listen() again on reload when 'backlog=' changed "
            "(nginx >= 1.5.12)");
  const Change fixed("listen 80 backlog=511;", "listen 80 backlog=4096;", "6.1", ServerVersion{1, 5, 12});
  EXPECT_EQ(fixed.Commands(), unknown.Commands());
}

TEST(RestartAdvice, ChangedBacklogRestartsNginxBefore1512) {
  const Change c("listen 80 backlog=511;", "listen 80 backlog=4096;", "6.1", ServerVersion{1, 4, 7});
  ASSERT_EQ(c.Commands().size(), 1u);
  EXPECT_EQ(c.Commands()[0],
            "systemctl restart nginx # nginx 1.4.7 compares the wrong sockets' backlogs on reload "
            "(fixed in 1.5.12), so a changed 'backlog=' may not reach listen() before a restart");
}

TEST(RestartAdvice, ChangedBacklogRestartsNginxBeforeLinux44) {
  const Change c("listen 80 backlog=511;", "listen 80 backlog=4096;", "4.3", std::nullopt);
  ASSERT_EQ(c.Commands().size(), 1u);
  EXPECT_EQ(c.Commands()[0].substr(0, 32), "systemctl restart nginx # on Lin");
}

// A socket unit re-listens only when it starts, and with Accept=no systemd
// refuses to start it while its service runs ("Socket service app.service
// already active, refusing.", socket_start() in src/core/socket.c): the
// advice stops the service first. Accept=yes sockets restart alone.
std::vector<std::string> SocketCommands(const std::string& accept) {
  MemoryFileSystem before, after;
  const std::string unit = "[Socket]\nListenStream=9000\n" + accept + "Backlog=";
  before.AddFile("etc/systemd/system/app.socket", unit + "128\n");
  after.AddFile("etc/systemd/system/app.socket", unit + "1024\n");
  before.AddSymlink("etc/systemd/system/sockets.target.wants/app.socket", "../app.socket");
  after.AddSymlink("etc/systemd/system/sockets.target.wants/app.socket", "../app.socket");
  HostOptions o;
  o.kernel = KernelVersion{6, 1};
  o.systemd_version = 252;
  const auto old_host = LoadHost(before, o);
  const auto new_host = LoadHost(after, o);
  std::vector<std::string> out;
  for (const Action& a : RestartActions(*old_host, *new_host)) out.push_back(a.command);
  return out;
}

TEST(RestartAdvice, SocketUnitWithAcceptNoStopsItsServiceFirst) {
  EXPECT_EQ(SocketCommands(""), (std::vector<std::string>{
                                    "systemctl daemon-reload && systemctl stop app.service app.socket && "
                                    "systemctl start app.socket app.service"}));
  EXPECT_EQ(SocketCommands("Accept=yes\n"),
            (std::vector<std::string>{"systemctl daemon-reload && systemctl restart app.socket"}));
}

}  // namespace
}  // namespace synlint
