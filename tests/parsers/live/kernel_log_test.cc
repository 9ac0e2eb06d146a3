// SPDX-License-Identifier: MIT
#include "parsers/live/kernel_log.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

namespace synlint::live {
namespace {

// One line per match: "LINE port=P addr=A v6 ACTION wording=W proto=X ctx=C".
std::string Dump(std::string_view text) {
  const FloodScan scan = FindSynFloodLines(text);
  std::string out;
  for (const FloodLine& l : scan.lines) {
    out += std::to_string(l.line) + " port=" + std::to_string(l.port);
    if (!l.address.empty()) out += " addr=" + l.address;
    if (l.ipv6) out += " v6";
    out += " " + std::string(FloodActionText(l.action)) + " (" +
           std::string(FloodWordingKernels(l.wording)) + ")";
    if (!l.proto.empty()) out += " proto=" + l.proto;
    if (!l.context.empty()) out += " ctx=" + l.context;
    out += "\n";
  }
  for (const uint32_t line : scan.unrecognised) out += std::to_string(line) + " unrecognised\n";
  return out;
}

// The format strings, as each kernel printed them (tcp_syn_flood_action(),
// syn_flood_warning() before 3.1).
TEST(KernelLog, Linux2_6_2xLowercase) {
  EXPECT_EQ(Dump("possible SYN flooding on port 80. Sending cookies.\n"),
            "1 port=80 Sending cookies (Linux 2.6.2x and before)\n");
}

TEST(KernelLog, Linux2_6_3xTo3_0) {
  EXPECT_EQ(Dump("[  100.5] TCP: Possible SYN flooding on port 8080. Dropping request.\n"),
            "1 port=8080 Dropping request (Linux 2.6.3x to 3.0) ctx=[  100.5]\n");
}

TEST(KernelLog, Linux3_xProtoTcpAndTcpv6) {
  EXPECT_EQ(Dump("TCP: TCP: Possible SYN flooding on port 80. Sending cookies.  Check SNMP counters.\n"
                 "TCP: TCPv6: Possible SYN flooding on port 443. Dropping request.  Check SNMP counters.\n"),
            "1 port=80 Sending cookies (Linux 3.1 to 6.1) proto=TCP\n"
            "2 port=443 v6 Dropping request (Linux 3.1 to 6.1) proto=TCPv6\n");
}

TEST(KernelLog, Linux4_xTo6_1RequestSockProto) {
  EXPECT_EQ(Dump("Dec  7 22:00:01 web kernel: [ 5.1] TCP: request_sock_TCP: Possible SYN flooding on port 80. "
                 "Sending cookies.  Check SNMP counters.\n"),
            "1 port=80 Sending cookies (Linux 3.1 to 6.1) proto=request_sock_TCP "
            "ctx=Dec  7 22:00:01 web kernel: [ 5.1]\n");
}

TEST(KernelLog, Linux6_2WithAddressIpv4AndIpv6) {
  EXPECT_EQ(Dump("Dec 07 22:00:01 web kernel: TCP: request_sock_TCP: Possible SYN flooding on port 0.0.0.0:80. "
                 "Dropping request.\n"
                 "2026-12-07T22:00:02+0000 web kernel: TCP: request_sock_TCPv6: Possible SYN flooding on port "
                 "[fc00::1]:443. Sending cookies.\n"
                 "TCP: request_sock_TCPv6: Possible SYN flooding on port [::ffff:10.0.0.1]:25. Sending cookies.\n"),
            "1 port=80 addr=0.0.0.0 Dropping request (Linux 6.2 and later) proto=request_sock_TCP "
            "ctx=Dec 07 22:00:01 web kernel:\n"
            "2 port=443 addr=fc00::1 v6 Sending cookies (Linux 6.2 and later) proto=request_sock_TCPv6 "
            "ctx=2026-12-07T22:00:02+0000 web kernel:\n"
            "3 port=25 addr=::ffff:10.0.0.1 v6 Sending cookies (Linux 6.2 and later) proto=request_sock_TCPv6\n");
}

// Recorded on this machine (Linux 6.18): dmesg and dmesg -T after the
// namespace tests that overflow a SYN queue on 127.0.0.1 and ::1.
TEST(KernelLog, RecordedDmesg6_18) {
  std::ifstream in(std::string(SYNLINT_SOURCE_DIR) + "/tests/parsers/live/data/dmesg-6.18-flood");
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_FALSE(text.str().empty());
  EXPECT_EQ(Dump(text.str()),
            "1 port=56469 addr=127.0.0.1 Dropping request (Linux 6.2 and later) proto=request_sock_TCP "
            "ctx=[11203.158460]\n"
            "2 port=57685 addr=127.0.0.1 Sending cookies (Linux 6.2 and later) proto=request_sock_TCP "
            "ctx=[11205.403162]\n"
            "3 port=37217 addr=127.0.0.1 Dropping request (Linux 6.2 and later) proto=request_sock_TCP "
            "ctx=[11213.066672]\n"
            "4 port=52345 addr=::1 v6 Sending cookies (Linux 6.2 and later) proto=request_sock_TCPv6 "
            "ctx=[11406.800343]\n"
            "5 port=52345 addr=::1 v6 Sending cookies (Linux 6.2 and later) proto=request_sock_TCPv6 "
            "ctx=[Mon Dec  7 22:49:08 2026]\n");
}

// /dev/kmsg records: "PRIORITY,SEQ,USEC,FLAGS;TEXT".
TEST(KernelLog, DevKmsgRecord) {
  EXPECT_EQ(Dump("6,3043,11203158460,-;TCP: request_sock_TCP: Possible SYN flooding on port 127.0.0.1:56469. "
                 "Dropping request.\n"),
            "1 port=56469 addr=127.0.0.1 Dropping request (Linux 6.2 and later) proto=request_sock_TCP "
            "ctx=6,3043,11203158460,-;\n");
}

TEST(KernelLog, LineNumbersAmongOtherLinesAndCrlf) {
  EXPECT_EQ(Dump("a\r\nb\r\n\r\nTCP: TCP: Possible SYN flooding on port 22. Sending cookies.  Check SNMP "
                 "counters.\r\nc\nTCP: Possible SYN flooding on port 23. Dropping request."),
            "4 port=22 Sending cookies (Linux 3.1 to 6.1) proto=TCP\n"
            "6 port=23 Dropping request (Linux 2.6.3x to 3.0)\n");
}

TEST(KernelLog, CutOrEditedLinesAreReportedNotGuessed) {
  EXPECT_EQ(Dump("TCP: Possible SYN flooding on port 80\n"                         // cut
                 "TCP: Possible SYN flooding on port 99999. Sending cookies.\n"    // no such port
                 "TCP: Possible SYN flooding on port 1.2.3:80. Sending cookies.\n" // bad address
                 "TCP: Possible SYN flooding on port [zz]:80. Sending cookies.\n"  // bad address
                 "TCP: Possible SYN flooding on port 80. Sending biscuits.\n"      // unknown action
                 "TCP: SYN flooding on port 80. Sending cookies.\n"                 // no "Possible"
                 "UDP: flooding on port 53. whatever\n"),                          // not the message
            "1 unrecognised\n2 unrecognised\n3 unrecognised\n4 unrecognised\n5 unrecognised\n6 unrecognised\n");
}

TEST(KernelLog, NothingInOrdinaryText) {
  EXPECT_EQ(Dump(""), "");
  EXPECT_EQ(Dump("[    0.000000] Linux version 6.18\n[    1.0] TCP established hash table entries: 262144\n"), "");
}

TEST(KernelLog, KeepsAtMostTheLimitAndCountsTheRest) {
  std::string text;
  for (size_t i = 0; i < kMaxFloodLines + 3; ++i) text += "TCP: Possible SYN flooding on port 80. Sending cookies.\n";
  const FloodScan scan = FindSynFloodLines(text);
  EXPECT_EQ(scan.lines.size(), kMaxFloodLines);
  EXPECT_EQ(scan.not_kept, 3u);
  EXPECT_EQ(scan.lines.back().line, kMaxFloodLines);
}

}  // namespace
}  // namespace synlint::live
