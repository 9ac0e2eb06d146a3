// SPDX-License-Identifier: MIT
// inet_diag reply parsing on replies recorded from a real kernel (samples/),
// and on malformed and error replies.
#include "parsers/live/inet_diag.h"

#include <gtest/gtest.h>
#include <linux/netlink.h>
#include <sys/socket.h>

#include <cstring>
#include <fstream>

namespace synlint::live {
namespace {

std::vector<std::string> Datagrams(const std::string& name) {
  std::ifstream in(std::string(SYNLINT_SOURCE_DIR) + "/tests/parsers/live/samples/" + name);
  EXPECT_TRUE(in) << name;
  std::vector<std::string> out;
  for (std::string line; std::getline(in, line);) {
    std::string bytes;
    for (size_t i = 0; i + 1 < line.size(); i += 2) bytes += static_cast<char>(std::stoi(line.substr(i, 2), nullptr, 16));
    out.push_back(bytes);
  }
  return out;
}

std::vector<InetSocket> ParseAll(const std::vector<std::string>& datagrams, ReplyStatus* last) {
  std::vector<InetSocket> out;
  std::string err;
  for (const std::string& d : datagrams) {
    *last = ParseInetDiagReply(d.data(), d.size(), 0, 0, &out, &err);
    EXPECT_NE(*last, ReplyStatus::kError) << err;
  }
  return out;
}

TEST(InetDiag, RecordedIpv4ListenersAndSynRecvRequests) {
  ReplyStatus last;
  const auto s = ParseAll(Datagrams("inet_diag_listen_synrecv_v4.hex"), &last);
  EXPECT_EQ(last, ReplyStatus::kDone);
  ASSERT_EQ(s.size(), 5u);
  EXPECT_EQ(s[0].family, AF_INET);
  EXPECT_EQ(s[0].state, 10);  // TCP_LISTEN
  EXPECT_EQ(s[0].address, "0.0.0.0");
  EXPECT_EQ(s[0].port, 9000);
  EXPECT_EQ(s[0].wqueue, 16u);
  EXPECT_EQ(s[0].rqueue, 0u);
  EXPECT_NE(s[0].inode, 0u);
  EXPECT_EQ(s[1].address, "127.0.0.1");
  EXPECT_EQ(s[1].port, 8080);
  EXPECT_EQ(s[1].wqueue, 128u);  // listen(511) under somaxconn 128
  EXPECT_EQ(s[1].rqueue, 2u);    // two connections not accepted
  for (size_t i = 2; i < 5; ++i) {
    EXPECT_EQ(s[i].state, 3);  // TCP_SYN_RECV: a request socket
    EXPECT_EQ(s[i].address, "127.0.0.1");
    EXPECT_EQ(s[i].port, 9000);
    EXPECT_EQ(s[i].inode, 0u);
  }
}

TEST(InetDiag, RecordedIpv6Listener) {
  ReplyStatus last;
  const auto s = ParseAll(Datagrams("inet_diag_listen_v6.hex"), &last);
  EXPECT_EQ(last, ReplyStatus::kDone);
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].family, AF_INET6);
  EXPECT_EQ(s[0].address, "::");
  EXPECT_EQ(s[0].port, 8443);
  EXPECT_EQ(s[0].wqueue, 64u);
  EXPECT_EQ(s[0].rqueue, 1u);
}

TEST(InetDiag, ATruncatedMessageIsAnError) {
  std::string d = Datagrams("inet_diag_listen_v6.hex").front();
  d.resize(d.size() - 10);
  std::vector<InetSocket> out;
  std::string err;
  EXPECT_EQ(ParseInetDiagReply(d.data(), d.size(), 0, 0, &out, &err), ReplyStatus::kError);
  EXPECT_NE(err.find("sock_diag: truncated reply ("), std::string::npos) << err;
}

TEST(InetDiag, AMessageTooShortForInetDiagMsgIsAnError) {
  alignas(4) char buf[NLMSG_HDRLEN + 8] = {};
  auto* nlh = reinterpret_cast<nlmsghdr*>(buf);
  nlh->nlmsg_len = sizeof buf;
  nlh->nlmsg_type = 20;  // SOCK_DIAG_BY_FAMILY
  std::vector<InetSocket> out;
  std::string err;
  EXPECT_EQ(ParseInetDiagReply(buf, sizeof buf, 0, 0, &out, &err), ReplyStatus::kError);
  EXPECT_EQ(err, "sock_diag: reply of 24 bytes is too short");
}

TEST(InetDiag, AKernelErrorIsReportedWithItsErrno) {
  alignas(4) char buf[NLMSG_HDRLEN + sizeof(nlmsgerr)] = {};
  auto* nlh = reinterpret_cast<nlmsghdr*>(buf);
  nlh->nlmsg_len = sizeof buf;
  nlh->nlmsg_type = NLMSG_ERROR;
  auto* e = reinterpret_cast<nlmsgerr*>(buf + NLMSG_HDRLEN);
  e->error = -ENOENT;
  std::vector<InetSocket> out;
  std::string err;
  EXPECT_EQ(ParseInetDiagReply(buf, sizeof buf, 0, 0, &out, &err), ReplyStatus::kError);
  EXPECT_EQ(err, std::string("sock_diag: ") + std::strerror(ENOENT) +
                     " (is the tcp_diag module available? 'modprobe tcp_diag')");
}

}  // namespace
}  // namespace synlint::live
