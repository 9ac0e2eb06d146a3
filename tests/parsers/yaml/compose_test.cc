// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "parsers/yaml/compose.h"

namespace synlint::yaml {
namespace {

ComposeFile Extract(const std::string& text) {
  const YamlFile f = ReadYaml(text);
  EXPECT_FALSE(f.error);
  EXPECT_TRUE(LooksLikeCompose(f.docs));
  ComposeFile out;
  ExtractCompose(text, f.docs, &out);
  return out;
}

TEST(Compose, SysctlsAsListOrMapAndMounts) {
  const std::string text = R"(services:
  web:
    image: nginx
    sysctls:
      - net.core.somaxconn=1024
      - "net.ipv4.tcp_syncookies=1"
    volumes:
      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro
      - data:/var/lib/x
      - {type: bind, source: ./site.conf, target: /etc/nginx/conf.d/site.conf}
    configs:
      - source: extra
        target: /etc/nginx/conf.d/extra.conf
  db:
    image: postgres
    sysctls:
      net.core.somaxconn: '512'
  host:
    network_mode: host
    image: x
configs:
  extra: {file: ./extra.conf}
)";
  const ComposeFile c = Extract(text);
  EXPECT_TRUE(c.errors.empty());
  ASSERT_EQ(c.services.size(), 3u);
  const ComposeService& web = c.services[0];
  ASSERT_EQ(web.sysctls.size(), 2u);
  EXPECT_EQ(web.sysctls[0].value, "1024");
  EXPECT_EQ(text.substr(web.sysctls[0].value_span.begin, web.sysctls[0].value_span.size()), "1024");
  EXPECT_EQ(text.substr(web.sysctls[1].key_span.begin, web.sysctls[1].key_span.size()), "net.ipv4.tcp_syncookies");
  ASSERT_EQ(web.mounts.size(), 3u);
  EXPECT_EQ(web.mounts[0].target, "/etc/nginx/nginx.conf");
  EXPECT_EQ(web.mounts[2].source, "./extra.conf");
  ASSERT_TRUE(web.add_sysctl);
  EXPECT_EQ(web.add_sysctl->indent, "      ");
  const ComposeService& db = c.services[1];
  EXPECT_TRUE(db.sysctls_as_map);
  EXPECT_EQ(text.substr(db.sysctls[0].value_span.begin, db.sysctls[0].value_span.size()), "'512'");
  EXPECT_TRUE(c.services[2].host_network);
  ASSERT_TRUE(c.services[2].add_sysctl);
  EXPECT_EQ(c.services[2].add_sysctl->open, "sysctls");
}

TEST(Compose, BadEntriesAreErrors) {
  const ComposeFile c = Extract("services:\n  a:\n    sysctls: [novalue]\n  b:\n    sysctls: 3\n");
  EXPECT_EQ(c.errors.size(), 2u);
}

}  // namespace
}  // namespace synlint::yaml
