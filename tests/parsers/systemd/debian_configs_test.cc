// SPDX-License-Identifier: MIT
// Real unit files from Debian packages, unpacked by
// tests/parsers/systemd/fetch_debian_configs.sh BUILD_DIR into
// BUILD_DIR/debian-configs/systemd. Skipped when that directory is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/file_system.h"
#include "parsers/systemd/sockets.h"
#include "parsers/systemd/units.h"

namespace synlint::systemd {
namespace {

std::string Root() { return std::string(SYNLINT_BINARY_DIR) + "/debian-configs/systemd"; }

bool HaveRoot() { return std::filesystem::is_directory(Root() + "/lib/systemd/system"); }

#define SKIP_WITHOUT_DEBIAN_CONFIGS()                      \
  if (!HaveRoot())                                         \
  GTEST_SKIP() << Root()                                   \
               << " is absent; run tests/parsers/systemd/" \
                  "fetch_debian_configs.sh " SYNLINT_BINARY_DIR " first"

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings)
    out += f.rule + " " + f.location.file + ":" + std::to_string(f.location.start.line) + ":" +
           std::to_string(f.location.start.column) + " " + f.message + "\n";
  return out;
}

TEST(DebianConfigs, EveryUnitLoadsWithoutSyntaxErrors) {
  SKIP_WITHOUT_DEBIAN_CONFIGS();
  DiskFileSystem fs(Root());
  SourceSet sources(fs);
  UnitLoader loader(sources);
  size_t loaded = 0;
  std::vector<Finding> syntax;
  for (const char* suffix : {".socket", ".service"}) {
    for (const std::string& name : loader.ListUnits(suffix)) {
      std::optional<UnitView> v = loader.Load(name);
      ASSERT_TRUE(v) << name;
      if (v->state() == UnitView::State::kLoaded) ++loaded;
      for (const Finding& f : v->findings())
        if (f.rule == "SL001") syntax.push_back(f);
    }
  }
  EXPECT_GE(loaded, 100u);
  EXPECT_TRUE(syntax.empty()) << Describe(syntax);
}

TEST(DebianConfigs, SocketListeners) {
  SKIP_WITHOUT_DEBIAN_CONFIGS();
  DiskFileSystem fs(Root());
  SourceSet sources(fs);
  const SocketUnits units = DiscoverSocketUnits(sources);
  std::vector<Finding> syntax;
  std::map<std::string, const ServiceFacts*> by_name;
  for (const ServiceFacts& f : units.sockets) {
    by_name[f.service] = &f;
    for (const Finding& x : f.findings)
      if (x.rule == "SL001") syntax.push_back(x);
  }
  EXPECT_TRUE(syntax.empty()) << Describe(syntax);
  EXPECT_TRUE(units.findings.empty()) << Describe(units.findings);
  EXPECT_GE(units.sockets.size(), 20u);

  ASSERT_TRUE(by_name.count("ssh.socket"));
  const ServiceFacts& ssh = *by_name["ssh.socket"];
  EXPECT_EQ(ssh.main_file, "lib/systemd/system/ssh.socket");
  ASSERT_EQ(ssh.listeners.size(), 1u);
  EXPECT_EQ(ssh.listeners[0].host, "::");
  EXPECT_EQ(ssh.listeners[0].port, 22u);
  EXPECT_FALSE(ssh.listeners[0].backlog);
  EXPECT_FALSE(ssh.listeners[0].insert_at) << "vendor unit";
  EXPECT_EQ(ssh.extra.at("paired_service"), "ssh.service");

  ASSERT_TRUE(by_name.count("systemd-journald.socket"));
  const ServiceFacts& journald = *by_name["systemd-journald.socket"];
  ASSERT_EQ(journald.listeners.size(), 1u) << "the datagram socket does not listen";
  EXPECT_EQ(journald.listeners[0].address_text, "/run/systemd/journal/stdout");
  EXPECT_TRUE(journald.listeners[0].is_unix);
  EXPECT_EQ(journald.limits.at("ReceiveBuffer").value, 8 << 20);

  ASSERT_TRUE(by_name.count("systemd-udevd-control.socket"));
  EXPECT_EQ(by_name["systemd-udevd-control.socket"]->listeners.at(0).context,
            "ListenSequentialPacket");

  ASSERT_TRUE(by_name.count("rpcbind.socket"));
  const ServiceFacts& rpcbind = *by_name["rpcbind.socket"];
  std::vector<std::string> addrs;
  for (const Listener& l : rpcbind.listeners)
    addrs.push_back(l.is_unix ? "unix " + l.address_text : l.host + " " + std::to_string(l.port));
  EXPECT_EQ(addrs, (std::vector<std::string>{"unix /run/rpcbind.sock", "0.0.0.0 111", ":: 111"}));
  EXPECT_EQ(rpcbind.extra.at("bind_ipv6_only"), "ipv6-only");

  if (by_name.count("systemd-coredump.socket")) {
    EXPECT_EQ(by_name["systemd-coredump.socket"]->extra.at("paired_service"),
              "systemd-coredump@.service");
  }
  std::vector<std::string> templates = units.templates;
  EXPECT_NE(std::find(templates.begin(), templates.end(), "systemd-journald@.socket"),
            templates.end());
}

TEST(DebianConfigs, ServiceLimitsForTheHostModel) {
  SKIP_WITHOUT_DEBIAN_CONFIGS();
  DiskFileSystem fs(Root());
  SourceSet sources(fs);
  std::optional<UnitView> nginx = LoadUnit(sources, "nginx.service");
  ASSERT_TRUE(nginx);
  EXPECT_EQ(nginx->main_file(), "lib/systemd/system/nginx.service");
  const std::vector<Assignment> start = nginx->List("Service", "ExecStart");
  ASSERT_EQ(start.size(), 1u);
  EXPECT_EQ(start[0].value().rfind("/usr/sbin/nginx", 0), 0u);
  EXPECT_FALSE(nginx->List("Service", "ExecStartPre").empty());
  std::optional<UnitView> apache = LoadUnit(sources, "apache2.service");
  ASSERT_TRUE(apache);
  EXPECT_TRUE(apache->findings().empty()) << Describe(apache->findings());
}

}  // namespace
}  // namespace synlint::systemd
