// SPDX-License-Identifier: MIT
#include "parsers/shell/sysctl_calls.h"

#include <gtest/gtest.h>

#include <string>

namespace synlint::shell {
namespace {

std::string At(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.size())); }

// "KEY=VALUE[key span text|value span text|removal text]" per write, for compact checks.
std::string Dump(std::string_view text, const Extraction& x) {
  std::string out;
  for (const SysctlWrite& w : x.writes) {
    out += w.key + "=" + w.value + "[" + At(text, w.key_span) + "|" + At(text, w.value_span) + "|" +
           At(text, w.removal) + "]" + (w.value_exact ? "" : "~") + (w.kind == WriteKind::kContainer ? "@c" : "") + "\n";
  }
  for (const NotEvaluated& n : x.not_evaluated) out += "? " + At(text, n.span) + ": " + n.why + "\n";
  return out;
}

TEST(ShellSysctl, WriteFormsWithExactSpans) {
  const std::string s =
      "#!/bin/sh\n"
      "sysctl -w net.core.somaxconn=4096\n"
      "/sbin/sysctl -q -w net.ipv4.tcp_syncookies=1 'net.ipv4.tcp_max_syn_backlog=8192'\n"
      "sudo sysctl -e \"net.ipv4.ip_local_port_range = 1024 65000\"\n"
      "sysctl net.core.netdev_max_backlog=\"2000\"  # tuned\n";
  const Extraction x = ExtractSysctlWrites(s);
  EXPECT_EQ(Dump(s, x),
            "net.core.somaxconn=4096[net.core.somaxconn|4096|sysctl -w net.core.somaxconn=4096\n]\n"
            "net.ipv4.tcp_syncookies=1[net.ipv4.tcp_syncookies|1| net.ipv4.tcp_syncookies=1]\n"
            "net.ipv4.tcp_max_syn_backlog=8192[net.ipv4.tcp_max_syn_backlog|8192| 'net.ipv4.tcp_max_syn_backlog=8192']\n"
            "net.ipv4.ip_local_port_range=1024 65000[net.ipv4.ip_local_port_range|1024 65000|sudo sysctl -e \"net.ipv4.ip_local_port_range = 1024 65000\"\n]\n"
            "net.core.netdev_max_backlog=2000[net.core.netdev_max_backlog|2000|sysctl net.core.netdev_max_backlog=\"2000\"]\n");
  EXPECT_EQ(x.sysctl_commands, 4u);
  EXPECT_TRUE(x.errors.empty());
}

TEST(ShellSysctl, ProcSysRedirectionsPrintfAndTee) {
  const std::string s =
      "echo 1 > /proc/sys/net/ipv4/tcp_syncookies\n"
      "printf '%s\\n' 4096 >/proc/sys/net/core/somaxconn\n"
      "echo 8192 | sudo tee /proc/sys/net/ipv4/tcp_max_syn_backlog > /dev/null\n"
      "echo 0 > /proc/sys/net/ipv4/conf/eth0.100/rp_filter\n"
      "echo hello > /tmp/x\n";
  const Extraction x = ExtractSysctlWrites(s);
  EXPECT_EQ(Dump(s, x),
            "net.ipv4.tcp_syncookies=1[/proc/sys/net/ipv4/tcp_syncookies|1|echo 1 > /proc/sys/net/ipv4/tcp_syncookies\n]\n"
            "net.core.somaxconn=4096[/proc/sys/net/core/somaxconn|4096|printf '%s\\n' 4096 >/proc/sys/net/core/somaxconn\n]\n"
            "net.ipv4.tcp_max_syn_backlog=8192[/proc/sys/net/ipv4/tcp_max_syn_backlog|8192|echo 8192 | sudo tee /proc/sys/net/ipv4/tcp_max_syn_backlog > /dev/null\n]\n"
            "net.ipv4.conf.eth0/100.rp_filter=0[/proc/sys/net/ipv4/conf/eth0.100/rp_filter|0|echo 0 > /proc/sys/net/ipv4/conf/eth0.100/rp_filter\n]\n");
}

TEST(ShellSysctl, VariablesAssignedOnceAreValuesAndOthersAreNotEvaluated) {
  const std::string s =
      "CONN=4096\n"
      "sysctl -w net.core.somaxconn=$CONN\n"
      "sysctl -w \"net.ipv4.tcp_max_syn_backlog=${CONN}\"\n"
      "N=1\nN=2\n"
      "sysctl -w net.ipv4.tcp_syncookies=$N\n"
      "sysctl -w net.ipv4.tcp_fin_timeout=$(cat /etc/fin)\n"
      "for k in a b; do sysctl -w net.ipv4.$k=1; done\n"
      "echo $((1+1)) > /proc/sys/net/ipv4/tcp_synack_retries\n";
  const Extraction x = ExtractSysctlWrites(s);
  EXPECT_EQ(Dump(s, x),
            "net.core.somaxconn=4096[net.core.somaxconn|net.core.somaxconn=$CONN|sysctl -w net.core.somaxconn=$CONN\n]~\n"
            "net.ipv4.tcp_max_syn_backlog=4096[net.ipv4.tcp_max_syn_backlog|\"net.ipv4.tcp_max_syn_backlog=${CONN}\"|sysctl -w \"net.ipv4.tcp_max_syn_backlog=${CONN}\"\n]~\n"
            "? net.ipv4.tcp_syncookies=$N: sysctl argument 'net.ipv4.tcp_syncookies=$N': '$N' is assigned more than once\n"
            "? net.ipv4.tcp_fin_timeout=$(cat /etc/fin): sysctl argument 'net.ipv4.tcp_fin_timeout=$(cat /etc/fin)': command substitution\n"
            "? net.ipv4.$k=1: sysctl argument 'net.ipv4.$k=1': '$k' is assigned more than once\n"
            "? echo $((1+1)) > /proc/sys/net/ipv4/tcp_synack_retries: value written to /proc/sys is computed: arithmetic expansion\n");
}

TEST(ShellSysctl, WritesInsideCompoundsCannotBeRemovedAlone) {
  const std::string s = "if true; then\n  sysctl -w net.core.somaxconn=1024\nfi\ntrue && sysctl -w a.b=1\n";
  const Extraction x = ExtractSysctlWrites(s);
  ASSERT_EQ(x.writes.size(), 2u);
  EXPECT_TRUE(x.writes[0].removal.empty());
  EXPECT_TRUE(x.writes[1].removal.empty());
  EXPECT_EQ(At(s, x.writes[0].value_span), "1024");
}

TEST(ShellSysctl, LoadsAndHereDocuments) {
  const std::string s =
      "sysctl -p\n"
      "sysctl -p /etc/sysctl.d/90-net.conf\n"
      "sysctl --system\n"
      "sysctl -p - <<'EOF'\n"
      "# tuned\n"
      "net.core.somaxconn = 4096\n"
      "EOF\n"
      "sysctl -n net.core.somaxconn\n";
  const Extraction x = ExtractSysctlWrites(s);
  ASSERT_EQ(x.loads.size(), 3u);
  EXPECT_TRUE(x.loads[0].files.empty());
  EXPECT_EQ(x.loads[1].files, std::vector<std::string>{"/etc/sysctl.d/90-net.conf"});
  EXPECT_TRUE(x.loads[2].system);
  EXPECT_EQ(Dump(s, x), "net.core.somaxconn=4096[net.core.somaxconn|4096|net.core.somaxconn = 4096\n]\n");
  EXPECT_EQ(x.sysctl_commands, 5u);
  EXPECT_EQ(x.sysctl_reads, 1u);
}

TEST(ShellSysctl, ContainerSysctlsAreTheirOwnKind) {
  const std::string s = "docker run --sysctl net.core.somaxconn=1024 --sysctl=net.ipv4.tcp_syncookies=1 nginx\n";
  EXPECT_EQ(Dump(s, ExtractSysctlWrites(s)),
            "net.core.somaxconn=1024[net.core.somaxconn|1024|]@c\n"
            "net.ipv4.tcp_syncookies=1[net.ipv4.tcp_syncookies|1|]@c\n");
}

TEST(ShellSysctl, MalformedScriptsAreReportedNotFatal) {
  const std::string s = "if then sysctl -w a.b=1 (((\n\"unterminated\n";
  const Extraction x = ExtractSysctlWrites(s);
  EXPECT_FALSE(x.errors.empty());
}

TEST(ShellSysctl, ProcSysKeyMapsDotsAndSlashes) {
  EXPECT_EQ(ProcSysKey("/proc/sys/net/core/somaxconn"), "net.core.somaxconn");
  EXPECT_EQ(ProcSysKey("/proc/sys/net/ipv4/conf/eth0.100/rp_filter"), "net.ipv4.conf.eth0/100.rp_filter");
  EXPECT_EQ(ProcSysKey("/proc/net/x"), "");
}

}  // namespace
}  // namespace synlint::shell
