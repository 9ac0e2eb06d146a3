// SPDX-License-Identifier: MIT
#include "parsers/live/netstat.h"

#include <gtest/gtest.h>

#include <string>

namespace synlint::live {
namespace {

const std::string kData = std::string(SYNLINT_SOURCE_DIR) + "/tests/parsers/live/data/";

std::string Errors(const CounterFile& f) {
  std::string out;
  for (const CounterFileError& e : f.errors) out += std::to_string(e.line) + ": " + e.message + "\n";
  return out;
}

CounterFile Read(const std::string& name) {
  std::string error;
  std::optional<CounterFile> f = ReadCounterFile(kData + name, &error);
  EXPECT_TRUE(f.has_value()) << error;
  return f.value_or(CounterFile{});
}

// Recorded on this project's build machine (Linux 6.18): cat /proc/net/netstat.
TEST(CounterFile, RecordedNetstat) {
  const CounterFile f = Read("netstat-6.18");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.groups, (std::vector<std::string>{"TcpExt", "IpExt", "MPTcpExt"}));
  EXPECT_EQ(f.counters.at("TcpExt.ListenOverflows"), 0u);
  EXPECT_EQ(f.counters.at("TcpExt.ListenDrops"), 0u);
  EXPECT_EQ(f.counters.at("TcpExt.TCPReqQFullDoCookies"), 0u);
  EXPECT_EQ(f.counters.at("TcpExt.SyncookiesFailed"), 0u);
  EXPECT_EQ(f.counters.at("TcpExt.DelayedACKs"), 2u);
  EXPECT_EQ(f.counters.at("IpExt.InOctets"), 523513204u);
  size_t tcp_ext = 0;
  for (const auto& [name, value] : f.counters) tcp_ext += name.rfind("TcpExt", 0) == 0;
  EXPECT_EQ(tcp_ext, 135u);  // every name of the header, known or not
}

// Recorded in a fresh network namespace after 10 connects to a listener with
// backlog 4, TCP_DEFER_ACCEPT and tcp_syncookies = 0 (the SYN queue holds 5).
TEST(CounterFile, RecordedSynQueueOverflow) {
  const CounterFile f = Read("netstat-6.18-synq-overflow");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.counters.at("TcpExt.TCPReqQFullDrop"), 5u);
  EXPECT_EQ(f.counters.at("TcpExt.ListenDrops"), 5u);
  EXPECT_EQ(f.counters.at("TcpExt.ListenOverflows"), 0u);
  EXPECT_EQ(f.counters.at("TcpExt.TCPReqQFullDoCookies"), 0u);
}

TEST(CounterFile, RecordedSnmpSkipsTheSignedMaxConn) {
  const CounterFile f = Read("snmp-6.18");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.groups, (std::vector<std::string>{"Ip", "Icmp", "IcmpMsg", "Tcp", "Udp", "UdpLite"}));
  EXPECT_EQ(f.counters.at("Tcp.PassiveOpens"), 4u);
  EXPECT_EQ(f.counters.at("Tcp.AttemptFails"), 1u);
  EXPECT_EQ(f.counters.at("Tcp.RtoMax"), 120000u);
  EXPECT_EQ(f.counters.count("Tcp.MaxConn"), 0u);  // -1: "no limit", not a counter
}

TEST(CounterFile, NamesAreTakenFromTheHeaderNotFromPositions) {
  const CounterFile f = ParseCounterFile("TcpExt: NewOne ListenDrops ListenOverflows\nTcpExt: 7 3 2\n");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.counters, (CounterMap{{"TcpExt.ListenDrops", 3}, {"TcpExt.ListenOverflows", 2}, {"TcpExt.NewOne", 7}}));
}

TEST(CounterFile, MissingFieldsAreAbsentNotZero) {
  // A 3.0 kernel has no TCPReqQFull* counters.
  const CounterFile f = ParseCounterFile("TcpExt: SyncookiesSent ListenOverflows ListenDrops\nTcpExt: 1 2 3\n");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.counters.count("TcpExt.TCPReqQFullDoCookies"), 0u);
}

TEST(CounterFile, CrlfBlankLinesAndTabs) {
  const CounterFile f = ParseCounterFile("\r\nTcpExt:\tA  B\r\n\nTcpExt: 1\t2\r\n");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.counters, (CounterMap{{"TcpExt.A", 1}, {"TcpExt.B", 2}}));
}

TEST(CounterFile, EmptyInputAndEmptyGroup) {
  EXPECT_TRUE(ParseCounterFile("").counters.empty());
  EXPECT_EQ(Errors(ParseCounterFile("")), "");
  const CounterFile f = ParseCounterFile("IcmpMsg:\nIcmpMsg:\n");
  EXPECT_EQ(Errors(f), "");
  EXPECT_EQ(f.groups, (std::vector<std::string>{"IcmpMsg"}));
}

TEST(CounterFile, ValueLineWithFewerOrMoreValues) {
  const CounterFile f = ParseCounterFile("TcpExt: A B C\nTcpExt: 1 2\nIpExt: X\nIpExt: 5 6\n");
  EXPECT_EQ(Errors(f),
            "2: 'TcpExt:' has 2 values for the 3 names at line 1\n"
            "4: 'IpExt:' has 2 values for the 1 names at line 3\n");
  EXPECT_EQ(f.counters, (CounterMap{{"IpExt.X", 5}, {"TcpExt.A", 1}, {"TcpExt.B", 2}}));
}

TEST(CounterFile, BadValues) {
  const CounterFile f =
      ParseCounterFile("TcpExt: A B C D E\nTcpExt: 1 x2 99999999999999999999999 +4 -\n");
  EXPECT_EQ(Errors(f),
            "2: value 'x2' of TcpExt B is not a number\n"
            "2: value '99999999999999999999999' of TcpExt C is out of range\n"
            "2: value '+4' of TcpExt D is not a number\n"
            "2: value '-' of TcpExt E is not a number\n");
  EXPECT_EQ(f.counters, (CounterMap{{"TcpExt.A", 1}}));
}

TEST(CounterFile, HeaderWithoutValuesAndLinesWithoutGroup) {
  const CounterFile f = ParseCounterFile("TcpExt: A\nIpExt: B\nIpExt: 1\ngarbage here\n: 1 2\nTcp: C\n");
  EXPECT_EQ(Errors(f),
            "1: 'TcpExt:' has no line of values after it\n"
            "4: expected 'Group: ...' (a name, a colon, then fields), got 'garbage'\n"
            "5: expected 'Group: ...' (a name, a colon, then fields), got ':'\n"
            "6: 'Tcp:' has no line of values after it\n");
  EXPECT_EQ(f.counters, (CounterMap{{"IpExt.B", 1}}));
}

TEST(CounterFile, RepeatedGroupAndRepeatedName) {
  const CounterFile f = ParseCounterFile("T: A A\nT: 1 2\nT: A\nT: 9\n");
  EXPECT_EQ(Errors(f),
            "1: 'T:' names 'A' twice; the first is kept\n"
            "3: group 'T:' appears again; the first is kept\n");
  EXPECT_EQ(f.counters, (CounterMap{{"T.A", 1}}));
}

TEST(CounterFile, BinaryBytesAreQuotedPrintably) {
  const std::string text = std::string("T: A\nT: \x01\xff\n", 11);
  const CounterFile f = ParseCounterFile(text);
  EXPECT_EQ(Errors(f), "2: value '\\x01\\xff' of T A is not a number\n");
}

TEST(CounterFile, UnreadableFileIsAClearError) {
  std::string error;
  EXPECT_FALSE(ReadCounterFile(kData + "no-such-file", &error).has_value());
  EXPECT_EQ(error, kData + "no-such-file: No such file or directory");
  EXPECT_FALSE(ReadCounterFile(kData, &error).has_value());  // a directory
  EXPECT_EQ(error, kData + ": Is a directory");
}

TEST(CounterFile, LiveProcNetNetstatParsesCleanly) {
  std::string error;
  const std::optional<CounterFile> f = ReadCounterFile("/proc/net/netstat", &error);
  if (!f) GTEST_SKIP() << "no /proc/net/netstat here: " << error;
  EXPECT_EQ(Errors(*f), "");
  EXPECT_EQ(f->counters.count("TcpExt.ListenOverflows"), 1u);
  EXPECT_EQ(f->counters.count("TcpExt.ListenDrops"), 1u);
}

}  // namespace
}  // namespace synlint::live
