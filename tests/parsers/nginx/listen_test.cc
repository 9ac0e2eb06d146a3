// SPDX-License-Identifier: MIT
#include "parsers/nginx/listen.h"

#include <gtest/gtest.h>

namespace synlint::nginx {
namespace {

std::string Addr(std::string_view text) {
  const ListenAddress a = ParseListenAddress(text);
  if (!a.error.empty()) return "error: " + a.error;
  if (a.is_unix) return "unix " + a.unix_path;
  return a.host + " " + std::to_string(a.port);
}

TEST(NginxListen, AddressNormalisation) {
  EXPECT_EQ("0.0.0.0 80", Addr("80"));
  EXPECT_EQ("0.0.0.0 80", Addr("*:80"));
  EXPECT_EQ("0.0.0.0 80", Addr("*"));
  EXPECT_EQ("0.0.0.0 8080", Addr("0.0.0.0:8080"));
  EXPECT_EQ(":: 80", Addr("[::]:80"));
  EXPECT_EQ(":: 80", Addr("[::]"));
  EXPECT_EQ("::1 443", Addr("[0:0::1]:443"));
  EXPECT_EQ("localhost 8080", Addr("localhost:8080"));
  EXPECT_EQ("127.0.0.1 80", Addr("127.0.0.1"));
  EXPECT_EQ("unix /run/nginx.sock", Addr("unix:/run/nginx.sock"));
}

TEST(NginxListen, InvalidAddresses) {
  EXPECT_EQ("error: invalid port", Addr("0"));
  EXPECT_EQ("error: invalid port", Addr("65536"));
  EXPECT_EQ("error: invalid port", Addr("a:b"));
  EXPECT_EQ("error: no host", Addr(":80"));
  EXPECT_EQ("error: invalid host", Addr("[::1"));
  EXPECT_EQ("error: invalid IPv6 address", Addr("[zz]:80"));
  EXPECT_EQ("error: no path in the unix domain socket", Addr("unix:"));
}

TEST(NginxListen, Numbers) {
  EXPECT_EQ(511, ParseNginxInt("511"));
  EXPECT_EQ(std::nullopt, ParseNginxInt("-1"));
  EXPECT_EQ(std::nullopt, ParseNginxInt(""));
  EXPECT_EQ(std::nullopt, ParseNginxInt("99999999999999999999"));
  EXPECT_EQ(65536, ParseNginxSize("64k"));
  EXPECT_EQ(1048576, ParseNginxSize("1M"));
  EXPECT_EQ(2147483648, ParseNginxSize("2g"));
  EXPECT_EQ(100, ParseNginxSize("100"));
  EXPECT_EQ(std::nullopt, ParseNginxSize("k"));
}

std::optional<Listener> ListenerOf(const std::string& text, SourceFile* file) {
  *file = SourceFile("t.conf", text);
  const ParseResult r = Parse(*file);
  return MakeListener(*file, r, 0, "http");
}

TEST(NginxListen, OptionsBacklogAndInsertPoint) {
  SourceFile f;
  const auto l = ListenerOf(
      "listen 127.0.0.1:8080 default_server backlog=4096 reuseport rcvbuf=64k ssl "
      "so_keepalive=on \"deferred\";",
      &f);
  ASSERT_TRUE(l);
  EXPECT_EQ("nginx", l->service);
  EXPECT_EQ("http", l->context);
  EXPECT_EQ("127.0.0.1:8080", l->address_text);
  EXPECT_EQ("127.0.0.1", l->host);
  EXPECT_EQ(8080u, l->port);
  EXPECT_FALSE(l->is_unix);
  ASSERT_TRUE(l->backlog);
  EXPECT_EQ("4096", l->backlog->text);
  EXPECT_EQ(4096, l->backlog->value);
  EXPECT_EQ((Span{37, 49}), l->backlog->location.span);
  ASSERT_EQ(5u, l->options.size());
  EXPECT_EQ("backlog=4096", l->options[0].text);
  EXPECT_EQ("reuseport", l->options[1].text);
  EXPECT_EQ("rcvbuf=64k", l->options[2].text);
  EXPECT_EQ(65536, l->options[2].value);
  EXPECT_EQ("so_keepalive=on", l->options[3].text);
  EXPECT_EQ(std::nullopt, l->options[3].value);
  EXPECT_EQ("deferred", l->options[4].text);
  EXPECT_EQ((Span{91, 101}), l->options[4].location.span);
  EXPECT_EQ("true", l->extra.at("default_server"));
  EXPECT_EQ((Span{0, 102}), l->declared_at.span);
  ASSERT_TRUE(l->insert_at);
  EXPECT_EQ((Span{101, 101}), l->insert_at->span);
  EXPECT_EQ("t.conf", l->insert_at->file);
}

TEST(NginxListen, InvalidBacklogKeepsText) {
  SourceFile f;
  auto l = ListenerOf("listen 80 backlog=0;", &f);
  ASSERT_TRUE(l && l->backlog);
  EXPECT_EQ("0", l->backlog->text);
  EXPECT_EQ(std::nullopt, l->backlog->value);
  l = ListenerOf("listen 80 backlog=-5;", &f);
  ASSERT_TRUE(l && l->backlog);
  EXPECT_EQ("-5", l->backlog->text);
  EXPECT_EQ(std::nullopt, l->backlog->value);
  l = ListenerOf("listen 80 backlog=lots;", &f);
  EXPECT_EQ(std::nullopt, l->backlog->value);
}

TEST(NginxListen, UnixAndDatagramListeners) {
  SourceFile f;
  auto l = ListenerOf("listen unix:/run/a.sock backlog=10;", &f);
  ASSERT_TRUE(l);
  EXPECT_TRUE(l->is_unix);
  EXPECT_EQ("", l->host);
  EXPECT_EQ(0u, l->port);
  EXPECT_EQ(10, l->backlog->value);
  EXPECT_FALSE(ListenerOf("listen 53 udp;", &f));
  EXPECT_FALSE(ListenerOf("listen 443 quic reuseport;", &f));
}

TEST(NginxListen, MissingSemicolonInsertsAtLastWord) {
  SourceFile f;
  const auto l = ListenerOf("listen 80\n}", &f);
  ASSERT_TRUE(l && l->insert_at);
  EXPECT_EQ((Span{9, 9}), l->insert_at->span);
}

}  // namespace
}  // namespace synlint::nginx
