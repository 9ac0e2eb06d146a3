// SPDX-License-Identifier: MIT
#include "parsers/systemd/sockets.h"

#include <gtest/gtest.h>

#include "core/file_system.h"
#include "parsers/systemd/address.h"
#include "parsers/systemd/values.h"

namespace synlint::systemd {
namespace {

constexpr const char* kEtc = "etc/systemd/system/";
constexpr const char* kUsr = "usr/lib/systemd/system/";

std::string P(const char* dir, const std::string& rest) { return dir + rest; }

/// "host port unix family" of a parsed address, or "error: why".
std::string Addr(std::string_view text) {
  std::string why;
  const std::optional<ListenAddress> a = ParseListenAddress(text, &why);
  if (!a) return "error: " + why;
  std::string out =
      std::string(FamilyName(a->family)) + " host=" + a->host + " port=" + std::to_string(a->port);
  if (!a->path.empty()) out += " path=" + a->path;
  if (a->abstract) out += " abstract";
  if (a->port_only) out += " port-only";
  if (!a->interface.empty()) out += " dev=" + a->interface;
  return out;
}

TEST(SystemdAddress, Forms) {
  EXPECT_EQ(Addr("80"), "ipv6 host=:: port=80 port-only");
  EXPECT_EQ(Addr("0x50"), "ipv6 host=:: port=80 port-only");  // strtoul base 0
  EXPECT_EQ(Addr("/run/web.sock"), "unix host= port=0 path=/run/web.sock");
  EXPECT_EQ(Addr("@web"), "unix host= port=0 path=@web abstract");
  EXPECT_EQ(Addr("127.0.0.1:8080"), "ipv4 host=127.0.0.1 port=8080");
  EXPECT_EQ(Addr("0.0.0.0:111"), "ipv4 host=0.0.0.0 port=111");
  EXPECT_EQ(Addr("[::]:443"), "ipv6 host=:: port=443");
  EXPECT_EQ(Addr("[0:0::0:1]:443"), "ipv6 host=::1 port=443");
  EXPECT_EQ(Addr("[FE80::1]:80%eth0"), "ipv6 host=fe80::1 port=80 dev=eth0");
  EXPECT_EQ(Addr("10.0.0.1:80%eth0"), "ipv4 host=10.0.0.1 port=80 dev=eth0");
  EXPECT_EQ(Addr("vsock:2:1234"), "vsock host=vsock:2 port=1234");
  EXPECT_EQ(Addr("vsock::1234"), "vsock host=vsock: port=1234");
}

TEST(SystemdAddress, Errors) {
  EXPECT_EQ(Addr("0"), "error: port 0 is out of range 1-65535");
  EXPECT_EQ(Addr("65536"), "error: port 65536 is out of range 1-65535");
  EXPECT_EQ(Addr("localhost:80"), "error: invalid IPv4 address 'localhost'");
  EXPECT_EQ(Addr("*:80"), "error: invalid IPv4 address '*'");
  EXPECT_EQ(Addr("1.2.3.4"),
            "error: expected a port, 'v.w.x.y:PORT', '[ipv6]:PORT', a path or '@name'");
  EXPECT_EQ(Addr("::1"), "error: the address has no port; write '[::1]:PORT'");
  EXPECT_EQ(Addr("[::1]"), "error: expected '[ipv6]:PORT'");
  EXPECT_EQ(Addr("[::1]:0"), "error: port 0 is out of range 1-65535");
  EXPECT_EQ(Addr("1.2.3.4:http"), "error: invalid port 'http'");
  EXPECT_EQ(Addr("[::1]:80%"), "error: invalid interface name ''");
  EXPECT_EQ(Addr("1.2.3.4:80#name"), "error: a server name ('#') is not allowed here");
  EXPECT_EQ(Addr("vsock:1"), "error: expected 'vsock:CID:PORT'");
  EXPECT_EQ(Addr("/" + std::string(107, 'a')),
            "error: unix socket path is 108 bytes; the limit is 107");
  EXPECT_EQ(Addr(""), "error: the address is empty");
}

TEST(SystemdValues, Numbers) {
  EXPECT_EQ(ParseUnsigned("4096"), 4096u);
  EXPECT_EQ(ParseUnsigned(" +10"), 10u);
  EXPECT_EQ(ParseUnsigned("010"), 8u);
  EXPECT_EQ(ParseUnsigned("0x10"), 16u);
  EXPECT_EQ(ParseUnsigned("0b101"), 5u);
  EXPECT_EQ(ParseUnsigned("4294967295"), 4294967295u);
  EXPECT_FALSE(ParseUnsigned("4294967296"));
  EXPECT_FALSE(ParseUnsigned("-1"));
  EXPECT_FALSE(ParseUnsigned(""));
  EXPECT_FALSE(ParseUnsigned("12k"));
  EXPECT_EQ(ParseIecSize("8M"), 8u << 20);
  EXPECT_EQ(ParseIecSize("65536"), 65536u);
  EXPECT_EQ(ParseIecSize("1.5K"), 1536u);
  EXPECT_EQ(ParseIecSize("1G 512M"), (1u << 30) + (512u << 20));
  EXPECT_EQ(ParseIecSize("4 K"), 4096u);
  EXPECT_FALSE(ParseIecSize("512M 1G"));
  EXPECT_FALSE(ParseIecSize("8X"));
  EXPECT_FALSE(ParseIecSize("-1"));
  EXPECT_FALSE(ParseIecSize(""));
  EXPECT_EQ(ParseBoolean("Yes"), true);
  EXPECT_EQ(ParseBoolean("off"), false);
  EXPECT_FALSE(ParseBoolean("maybe"));
}

TEST(SystemdValues, Rlimits) {
  auto r = ParseRlimit("1024:524288");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->soft, 1024u);
  EXPECT_EQ(r->hard, 524288u);
  r = ParseRlimit("infinity");
  ASSERT_TRUE(r);
  EXPECT_FALSE(r->soft);
  EXPECT_FALSE(r->hard);
  r = ParseRlimit("4096:infinity");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->soft, 4096u);
  EXPECT_FALSE(r->hard);
  EXPECT_FALSE(ParseRlimit("10:5"));
  EXPECT_FALSE(ParseRlimit("infinity:5"));
  EXPECT_FALSE(ParseRlimit(""));
}

TEST(SystemdValues, Specifiers) {
  EXPECT_EQ(ExpandSpecifiers("%t/%p/%i.sock", "web@a-b.socket"), "/run/web/a-b.sock");
  EXPECT_EQ(ExpandSpecifiers("%I %n %N %j %%", "x-y@a-b.socket"), "a/b x-y@a-b.socket x-y@a-b y %");
  EXPECT_FALSE(ExpandSpecifiers("/run/%H.sock", "web.socket"));
  EXPECT_FALSE(ExpandSpecifiers("50%", "web.socket"));
}

TEST(SystemdSockets, ListenerFromEtcUnit) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "web.socket"),
             "[Unit]\nDescription=web\n\n[Socket]\nListenStream=0.0.0.0:80\nBacklog=511\n\n"
             "[Install]\nWantedBy=sockets.target\n");
  fs.AddFile(P(kUsr, "web.service"), "[Service]\nExecStart=/usr/bin/web\nLimitNOFILE=8192\n");
  SourceSet sources(fs);
  const SocketUnits units = DiscoverSocketUnits(sources);
  ASSERT_EQ(units.sockets.size(), 1u);
  const ServiceFacts& f = units.sockets[0];
  EXPECT_EQ(f.service, "web.socket");
  EXPECT_EQ(f.kind, ConfigFormat::kSystemd);
  EXPECT_EQ(f.main_file, "etc/systemd/system/web.socket");
  ASSERT_EQ(f.files.size(), 1u);
  EXPECT_EQ(f.files[0],
            (std::pair<std::string, ConfigFormat>{"etc/systemd/system/web.socket", ConfigFormat::kSystemd}));
  EXPECT_TRUE(f.findings.empty());
  ASSERT_EQ(f.listeners.size(), 1u);
  const Listener& l = f.listeners[0];
  EXPECT_EQ(l.service, "web.socket");
  EXPECT_EQ(l.address_text, "0.0.0.0:80");
  EXPECT_EQ(l.host, "0.0.0.0");
  EXPECT_EQ(l.port, 80u);
  EXPECT_FALSE(l.is_unix);
  EXPECT_EQ(l.context, "ListenStream");
  EXPECT_EQ(l.declared_at.start, (LineCol{5, 1}));
  EXPECT_EQ(l.declared_at.end, (LineCol{5, 24}));
  ASSERT_TRUE(l.backlog);
  EXPECT_EQ(l.backlog->text, "511");
  EXPECT_EQ(l.backlog->value, 511);
  EXPECT_EQ(l.backlog->location.start, (LineCol{6, 9}));
  ASSERT_TRUE(l.insert_at);
  EXPECT_EQ(l.insert_at->file, "etc/systemd/system/web.socket");
  EXPECT_EQ(l.insert_at->span, (Span{68, 68}));  // after "Backlog=511"
  EXPECT_EQ(l.insert_at->start, (LineCol{6, 12}));
  EXPECT_EQ(l.extra.at("family"), "ipv4");
  EXPECT_EQ(f.extra.at("accept"), "no");
  EXPECT_EQ(f.extra.at("paired_service"), "web.service");
  EXPECT_EQ(f.extra.at("dropin_dir"), "etc/systemd/system/web.socket.d");
  EXPECT_EQ(f.extra.at("newline"), "\n");
  EXPECT_EQ(l.extra.size(), 1u) << "what holds for the unit is kept on the service";
  EXPECT_EQ(f.limits.at("Backlog").value, 511);
  EXPECT_EQ(f.limits.at("LimitNOFILE").value, 8192);
  EXPECT_EQ(f.limits.at("LimitNOFILE").location.file, "usr/lib/systemd/system/web.service");
  EXPECT_EQ(f.limits.count("ReceiveBuffer"), 0u);
}

TEST(SystemdSockets, VendorUnitHasNoInsertPointAndDropinBacklogWins) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"),
             "[Socket]\r\nListenStream=[::]:443\r\nListenStream=/run/web.sock\r\n"
             "ListenDatagram=514\r\nListenSequentialPacket=@seq\r\nBacklog=128\r\n"
             "ReceiveBuffer=8M\r\nSendBuffer=64K\r\nMaxConnections=100\r\n");
  fs.AddFile(P(kEtc, "web.socket.d/backlog.conf"), "[Socket]\nBacklog=4096\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 1u);
  const ServiceFacts& f = sockets[0];
  EXPECT_EQ(f.files.size(), 2u);
  EXPECT_EQ(f.files[1].first, "etc/systemd/system/web.socket.d/backlog.conf");
  ASSERT_EQ(f.listeners.size(), 3u) << "ListenDatagram= never listens";
  EXPECT_EQ(f.listeners[0].host, "::");
  EXPECT_EQ(f.listeners[0].port, 443u);
  EXPECT_EQ(f.listeners[0].extra.at("family"), "ipv6");
  EXPECT_TRUE(f.listeners[1].is_unix);
  EXPECT_EQ(f.listeners[1].host, "");
  EXPECT_EQ(f.listeners[1].port, 0u);
  EXPECT_EQ(f.listeners[2].context, "ListenSequentialPacket");
  EXPECT_TRUE(f.listeners[2].is_unix);
  for (const Listener& l : f.listeners) {
    EXPECT_FALSE(l.insert_at);
    ASSERT_TRUE(l.backlog);
    EXPECT_EQ(l.backlog->value, 4096);
    EXPECT_EQ(l.backlog->location.file, "etc/systemd/system/web.socket.d/backlog.conf");
  }
  EXPECT_EQ(f.extra.at("newline"), "\r\n");
  EXPECT_EQ(f.limits.at("ReceiveBuffer").value, 8 << 20);
  EXPECT_EQ(f.limits.at("SendBuffer").value, 64 << 10);
  EXPECT_EQ(f.limits.at("MaxConnections").value, 100);
  EXPECT_EQ(f.limits.count("LimitNOFILE"), 0u) << "web.service does not exist";
}

TEST(SystemdSockets, EmptyListenAssignmentClearsEveryAddress) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "web.socket"),
             "[Socket]\nListenStream=80\nListenDatagram=/run/log\nListenFIFO=/run/f\n");
  fs.AddFile(P(kEtc, "web.socket.d/a.conf"), "[Socket]\nListenDatagram=\nListenStream=8080\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 1u);
  ASSERT_EQ(sockets[0].listeners.size(), 1u);
  EXPECT_EQ(sockets[0].listeners[0].port, 8080u);
  EXPECT_EQ(sockets[0].listeners[0].declared_at.file, "etc/systemd/system/web.socket.d/a.conf");
}

TEST(SystemdSockets, MaskedTemplatesAndAliases) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "a.socket"), "[Socket]\nListenStream=1\n");
  fs.AddSymlink(P(kEtc, "a.socket"), "/dev/null");
  fs.AddFile(P(kUsr, "b.socket"), "[Socket]\nListenStream=2\n");
  fs.AddSymlink(P(kEtc, "b-alias.socket"), "/usr/lib/systemd/system/b.socket");
  fs.AddFile(P(kUsr, "t@.socket"), "[Socket]\nListenStream=/run/t-%i.sock\n");
  fs.AddSymlink(P(kEtc, "dangling.socket"), "/usr/lib/systemd/system/nothing.socket");
  SourceSet sources(fs);
  const SocketUnits units = DiscoverSocketUnits(sources);
  ASSERT_EQ(units.sockets.size(), 1u);
  EXPECT_EQ(units.sockets[0].service, "b.socket");
  ASSERT_EQ(units.masked.size(), 1u);
  EXPECT_EQ(units.masked[0].name, "a.socket");
  EXPECT_EQ(units.masked[0].path, "etc/systemd/system/a.socket");
  EXPECT_EQ(units.templates, std::vector<std::string>{"t@.socket"});
  ASSERT_EQ(units.findings.size(), 1u);
  EXPECT_EQ(units.findings[0].location.file, "etc/systemd/system/dangling.socket");
}

TEST(SystemdSockets, ServicePairing) {
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "named.socket"), "[Socket]\nListenStream=1\nService=%p-daemon.service\n");
  fs.AddFile(P(kUsr, "named-daemon.service"), "[Service]\nLimitNOFILE=100\n");
  fs.AddFile(P(kUsr, "acc.socket"), "[Socket]\nListenStream=2\nAccept=yes\n");
  fs.AddFile(P(kUsr, "acc@.service"), "[Service]\nLimitNOFILE=infinity\n");
  fs.AddFile(P(kEtc, "acc@.service.d/x.conf"), "[Service]\nLimitNOFILE=200:300\n");
  fs.AddFile(P(kUsr, "plain.socket"), "[Socket]\nListenStream=3\n");
  fs.AddFile(P(kUsr, "plain.service"), "[Service]\nLimitNOFILE=infinity\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 3u);
  EXPECT_EQ(sockets[0].service, "acc.socket");
  EXPECT_EQ(sockets[0].extra.at("paired_service"), "acc@.service");
  EXPECT_EQ(sockets[0].extra.at("accept"), "yes");
  EXPECT_EQ(sockets[0].limits.at("LimitNOFILE").value, 200);
  EXPECT_EQ(sockets[0].limits.at("LimitNOFILE").location.file,
            "etc/systemd/system/acc@.service.d/x.conf");
  EXPECT_EQ(sockets[1].service, "named.socket");
  EXPECT_EQ(sockets[1].extra.at("paired_service"), "named-daemon.service");
  EXPECT_EQ(sockets[1].limits.at("LimitNOFILE").value, 100);
  EXPECT_EQ(sockets[2].service, "plain.socket");
  EXPECT_EQ(sockets[2].limits.at("LimitNOFILE").text, "infinity");
  EXPECT_FALSE(sockets[2].limits.at("LimitNOFILE").value);
}

TEST(SystemdSockets, BadValuesAreReportedAndIgnored) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "web.socket"),
             "[Socket]\nListenStream=localhost:80\nListenStream=8080\nBacklog=1024\nBacklog=-1\n"
             "Accept=sometimes\nListenStream=/run/%H.sock\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 1u);
  const ServiceFacts& f = sockets[0];
  std::vector<std::string> messages;
  for (const Finding& x : f.findings)
    messages.push_back(x.rule + " " + std::to_string(x.location.start.line) + ":" +
                       std::to_string(x.location.start.column) + " " + x.message + " (" +
                       x.location.note + ")");
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "SL001 5:9 invalid value '-1' for 'Backlog='; systemd ignores this assignment "
                "(expected an unsigned number)",
                "SL001 6:8 invalid value 'sometimes' for 'Accept='; systemd ignores this "
                "assignment (expected 'yes' or 'no')",
                "SL001 2:14 invalid address 'localhost:80' for 'ListenStream='; systemd ignores "
                "this assignment (invalid IPv4 address 'localhost')"}));
  ASSERT_EQ(f.listeners.size(), 2u);
  EXPECT_EQ(f.listeners[0].port, 8080u);
  EXPECT_EQ(f.listeners[0].backlog->value, 1024) << "the rejected -1 keeps 1024";
  EXPECT_EQ(f.listeners[1].address_text, "/run/%H.sock");
  EXPECT_TRUE(f.listeners[1].is_unix);
  EXPECT_EQ(f.listeners[1].extra.at("unresolved_specifiers"), "true");
}

TEST(SystemdSockets, EtcUnitWithoutSocketSectionHasNoInsertPoint) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "web.socket"), "[Unit]\nDescription=x\n");
  fs.AddFile(P(kEtc, "web.socket.d/l.conf"), "[Socket]\nListenStream=80\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 1u);
  ASSERT_EQ(sockets[0].listeners.size(), 1u);
  EXPECT_FALSE(sockets[0].listeners[0].insert_at);
  EXPECT_FALSE(sockets[0].listeners[0].backlog);
}

TEST(SystemdSockets, FragmentSystemdRejectsIsMarked) {
  MemoryFileSystem fs;
  fs.AddFile(P(kEtc, "bad.socket"), "[Socket]\nListenStream=80\n[Sock\n");
  fs.AddFile(P(kEtc, "good.socket"), "[Socket]\nListenStream=81\n");
  fs.AddFile(P(kEtc, "good.socket.d/x.conf"), "[Sock\n");  // only cuts the drop-in short
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 2u);
  EXPECT_EQ(sockets[0].extra.at("unit_fails_to_load"), "true");
  EXPECT_EQ(sockets[0].findings.at(0).message,
            "invalid section header '[Sock'; systemd stops reading the file here");
  EXPECT_EQ(sockets[1].extra.count("unit_fails_to_load"), 0u);
  EXPECT_EQ(sockets[1].findings.size(), 1u);
}

TEST(SystemdSockets, NoAddressLeft) {
  // `systemd-analyze verify`: "Unit has no Listen setting (ListenStream=, ...). Refusing."
  MemoryFileSystem fs;
  fs.AddFile(P(kUsr, "r.socket"),
             "[Unit]\nDescription=r\n[Socket]\nListenStream=80\nListenDatagram=\n");
  SourceSet sources(fs);
  const std::vector<ServiceFacts> sockets = LoadSocketUnits(sources);
  ASSERT_EQ(sockets.size(), 1u);
  EXPECT_TRUE(sockets[0].listeners.empty());
  ASSERT_EQ(sockets[0].findings.size(), 1u);
  EXPECT_EQ(sockets[0].findings[0].message,
            "'r.socket' has no Listen*= address; systemd refuses to load it");
  EXPECT_EQ(sockets[0].findings[0].location.start, (LineCol{3, 1}));
}

}  // namespace
}  // namespace synlint::systemd
