// SPDX-License-Identifier: MIT
// Fingerprints (SARIF partialFingerprints, GitLab's fingerprint) follow a
// finding when lines around it move, and tell different findings apart.

#include <gtest/gtest.h>

#include "linter/output/fingerprint.h"
#include "tests/output/sample_report.h"

namespace synlint {
namespace {

/// One finding of `rule` on the line holding `needle` of `text`, as file
/// etc/sysctl.conf.
std::vector<std::string> PrintsOf(const std::string& text, const std::vector<std::string>& needles,
                                  const std::string& rule = "SL104", const std::string& host = "") {
  SampleReport s;
  s.fs.AddFile("etc/sysctl.conf", text);
  const SourceFile& file = *s.sources.Read("etc/sysctl.conf").file;
  s.report.sources = &s.sources;
  s.report.root = "/srv";
  if (!host.empty()) s.report.hosts.push_back({host, 0});
  size_t from = 0;
  for (const std::string& needle : needles) {
    const size_t at = text.find(needle, from);
    EXPECT_NE(at, std::string::npos) << needle;
    from = at + 1;
    Finding f;
    f.rule = rule;
    f.location = MakeLocation(file, Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())});
    f.message = "m";
    s.report.findings.push_back(f);
  }
  return FindingFingerprints(s.report);
}

TEST(Fingerprint, SurvivesLinesMovingAndBlanksChanging) {
  const auto before = PrintsOf("a = 1\nnet.ipv4.tcp_syncookies = 0\n", {"net.ipv4"});
  const auto after = PrintsOf("# added\n\na = 1\n  net.ipv4.tcp_syncookies   =\t0  \n", {"net.ipv4"});
  ASSERT_EQ(before.size(), 1u);
  EXPECT_EQ(before, after);
  EXPECT_EQ(before[0].size(), 16u);
  EXPECT_EQ(before[0].find_first_not_of("0123456789abcdef"), std::string::npos) << before[0];
}

TEST(Fingerprint, DiffersByContentRuleAndHost) {
  const auto base = PrintsOf("net.ipv4.tcp_syncookies = 0\n", {"net"});
  EXPECT_NE(base, PrintsOf("net.ipv4.tcp_syncookies = 2\n", {"net"}));
  EXPECT_NE(base, PrintsOf("net.ipv4.tcp_syncookies = 0\n", {"net"}, "SL105"));
  EXPECT_NE(base, PrintsOf("net.ipv4.tcp_syncookies = 0\n", {"net"}, "SL104", "web"));
}

TEST(Fingerprint, AlikeFindingsAreNumbered) {
  const auto prints = PrintsOf("x = 1\nx = 1\nx = 1\n", {"x", "x", "x"});
  ASSERT_EQ(prints.size(), 3u);
  EXPECT_EQ(prints[1], prints[0] + ":2");
  EXPECT_EQ(prints[2], prints[0] + ":3");
}

}  // namespace
}  // namespace synlint
