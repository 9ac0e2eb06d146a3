// SPDX-License-Identifier: MIT
#include "parsers/apache/listen_address.h"

#include <gtest/gtest.h>

namespace synlint::apache {
namespace {

std::string Show(std::string_view text) {
  const ListenAddress a = ParseListenAddress(text);
  if (!a.error.empty()) return "error: " + a.error;
  return (a.ipv6 ? "v6 " : "") + std::string("host=") + a.host +
         " port=" + std::to_string(a.port);
}

TEST(ApacheListenAddress, Forms) {
  EXPECT_EQ("host= port=80", Show("80"));
  EXPECT_EQ("host= port=80", Show("*:80"));
  EXPECT_EQ("host=0.0.0.0 port=8080", Show("0.0.0.0:8080"));
  EXPECT_EQ("host=127.0.0.1 port=443", Show("127.0.0.1:443"));
  EXPECT_EQ("v6 host=:: port=80", Show("[::]:80"));
  EXPECT_EQ("v6 host=2001:db8::a00:20ff:fea7:ccea port=80",
            Show("[2001:db8::a00:20ff:fea7:ccea]:80"));
  EXPECT_EQ("host=www.example.com port=81", Show("www.example.com:81"));
}

TEST(ApacheListenAddress, Errors) {
  EXPECT_EQ("error: invalid address or port", Show(""));
  EXPECT_EQ("error: invalid address or port", Show("0"));
  EXPECT_EQ("error: invalid address or port", Show("65536"));
  EXPECT_EQ("error: invalid address or port", Show("99999999999999999999"));
  EXPECT_EQ("error: invalid address or port", Show(":80"));
  EXPECT_EQ("error: invalid address or port", Show("a:0"));
  EXPECT_EQ("error: invalid address or port", Show("[::1:80"));
  EXPECT_EQ("error: invalid address or port", Show("[zz]:80"));
  EXPECT_EQ("error: invalid address or port", Show("[fe80::1%]:80"));
  EXPECT_EQ("error: scope id is not supported", Show("[fe80::1%eth0]:80"));
  EXPECT_EQ("error: port must be specified", Show("localhost"));
  EXPECT_EQ("error: port must be specified", Show("[::1]"));
  EXPECT_EQ("error: port must be specified", Show("a:"));
}

}  // namespace
}  // namespace synlint::apache
