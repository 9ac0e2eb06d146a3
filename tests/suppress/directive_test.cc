// SPDX-License-Identifier: MIT
#include "linter/suppress/directive.h"

#include <gtest/gtest.h>

namespace synlint::suppress {
namespace {

using Lines = std::vector<std::string>;

std::string Pos(const SourceFile& f, uint32_t offset) {
  const LineCol at = f.lines().At(offset);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

/// One line per directive or problem, in a bracketed form.
Lines Scan(std::string text, std::string_view format) {
  const SourceFile f("etc/x.conf", std::move(text));
  const ScanResult r = ScanDirectives(f, ParseConfigFormat(format));  // "" is no format
  Lines out;
  for (const Directive& d : r.directives) {
    std::string s = "[" + std::to_string(d.line) + "->" + std::to_string(d.target_line) + "][";
    s += d.scope == Directive::Scope::kFile       ? "file"
         : d.scope == Directive::Scope::kSameLine ? "same"
                                                  : "next";
    s += "][";
    for (size_t i = 0; i < d.ids.size(); ++i)
      s += (i ? "," : "") + d.ids[i] + "@" + Pos(f, d.id_spans[i].begin);
    s += "]";
    if (d.reason) s += "[reason=" + *d.reason + "]";
    s += "[" + std::string(f.Slice(d.comment)) + "][cut " + Pos(f, d.removal.begin) + "-" +
         Pos(f, d.removal.end) + "]";
    out.push_back(s);
  }
  for (const DirectiveProblem& p : r.problems) {
    out.push_back("problem " + Pos(f, p.span.begin) + "-" + Pos(f, p.span.end) + ": " + p.message);
  }
  return out;
}

TEST(Directive, SysctlLines) {
  EXPECT_EQ(Lines({
                "[1->2][next][SL104@1:20][reason=outbound proxy][# synlint: disable=SL104 reason=\"outbound "
                "proxy\"][cut 1:1-2:1]",
                "[3->5][next][SL105@3:20,SL106@3:26][; synlint: disable=SL105,SL106][cut 3:1-4:1]",
                "[6->0][file][SL108@6:23][reason=legacy box][#synlint:disable-file=SL108 reason=\"legacy "
                "box\"][cut 6:1-7:1]",
                "problem 7:11-7:35: '# synlint:' after a value is not a comment in sysctl files, which only "
                "have whole-line comments; put the suppression on its own line above",
            }),
            Scan("# synlint: disable=SL104 reason=\"outbound proxy\"\n"
                 "net.ipv4.tcp_syn_retries = 3\n"
                 "; synlint: disable=SL105,SL106\n"
                 "  # plain comment\n"
                 "net.ipv4.tcp_synack_retries = 5\n"
                 "#synlint:disable-file=SL108 reason=\"legacy box\"\n"
                 "net.x = 1 # synlint: disable=SL104\n",
                 "sysctl"));
}

TEST(Directive, NginxTrailingComments) {
  EXPECT_EQ(Lines({
                "[2->3][next][SL203@2:24][reason=dup on purpose][# synlint: disable=SL203 reason=\"dup on "
                "purpose\"][cut 2:1-3:1]",
                "[3->3][same][SL201@3:48,SL204@3:54][# synlint: disable=SL201,SL204][cut 3:27-3:59]",
                "[7->0][next][SL201@7:20][# synlint: disable=SL201][cut 7:1-7:26]",
            }),
            Scan("server {\n"
                 "    # synlint: disable=SL203 reason=\"dup on purpose\"\n"
                 "    listen 80 backlog=511;  # synlint: disable=SL201,SL204\n"
                 "    return 200 \"a # synlint: disable=SL104\";\n"
                 "    add_header X-A a#synlint:disable=SL104;\n"
                 "}\n"
                 "# synlint: disable=SL201\n",
                 "nginx"));
}

TEST(Directive, OtherFormatsHaveNoTrailingComments) {
  EXPECT_EQ(
      Lines({"problem 1:11-1:35: '# synlint:' after a value is not a comment in apache files, which only "
             "have whole-line comments; put the suppression on its own line above"}),
      Scan("Listen 80 # synlint: disable=SL201\n; synlint: disable=SL201\n", "apache"));
  EXPECT_EQ(Lines({"[2->3][next][SL201@2:20][; synlint: disable=SL201][cut 2:1-3:1]"}),
            Scan("[Socket]\n; synlint: disable=SL201\nBacklog=4096\n", "systemd"));
  EXPECT_EQ(Lines({}), Scan("; synlint: disable=SL201\n", ""));
  EXPECT_EQ(Lines({}), Scan("X=1 # synlint: disable=SL201\n", "apache-envvars"));
}

TEST(Directive, CrlfAndNoFinalNewline) {
  EXPECT_EQ(Lines({"[1->2][next][SL104@1:20][# synlint: disable=SL104][cut 1:1-2:1]"}),
            Scan("# synlint: disable=SL104\r\nx = 1\r\n", "sysctl"));
  EXPECT_EQ(Lines({"[1->0][next][SL104@1:20][# synlint: disable=SL104][cut 1:1-1:25]"}),
            Scan("# synlint: disable=SL104", "sysctl"));
}

TEST(Directive, Malformed) {
  const std::string hint = "write '# synlint: disable=SL104 reason=\"why\"'";
  EXPECT_EQ(Lines({
                "[7->10][next][SL104@7:20,SL105@7:27][reason=a \"b\"][# synlint: disable=SL104, SL105  "
                "reason=\"a \\\"b\\\"\"][cut 7:1-8:1]",
                "problem 1:1-1:19: malformed suppression: expected 'disable=' or 'disable-file=' after "
                "'synlint:'; " +
                    hint,
                "problem 2:1-2:20: malformed suppression: no rule IDs after 'disable='; " + hint,
                "problem 3:1-3:35: malformed suppression: 'SL10' is not a rule ID such as 'SL104'",
                "problem 4:1-4:33: malformed suppression: unexpected 'because' after the rule IDs; " + hint,
                "problem 5:1-5:35: malformed suppression: reason is missing its closing '\"'",
                "problem 6:1-6:34: malformed suppression: reason must be quoted: reason=\"why\"",
                "problem 8:1-8:24: malformed suppression: expected 'disable=' or 'disable-file=' after "
                "'synlint:'; " +
                    hint,
                "problem 9:1-9:26: malformed suppression: a rule ID must follow ','; " + hint,
            }),
            Scan("# synlint: disable\n"
                 "# synlint: disable=\n"
                 "# synlint: disable=SL10 reason=\"x\"\n"
                 "# synlint: disable=SL104 because\n"
                 "# synlint: disable=SL104 reason=\"x\n"
                 "# synlint: disable=SL104 reason=x\n"
                 "# synlint: disable=SL104, SL105  reason=\"a \\\"b\\\"\"\n"
                 "# synlint: enable=SL104\n"
                 "# synlint: disable=SL104,\n"
                 "x = 1\n",
                 "sysctl"));
}

}  // namespace
}  // namespace synlint::suppress

namespace synlint::suppress {
namespace {

TEST(Directive, ArbitraryInputStaysInBounds) {
  const std::string_view alphabet = "#;\"'\\\n\r =,synlint:disable-fileSL104reason{}";
  uint32_t seed = 7;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    seed = seed * 1103515245 + 12345;
    const size_t n = (seed >> 16) % 64;
    for (size_t i = 0; i < n; ++i) {
      seed = seed * 1103515245 + 12345;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    if (round % 3 == 0) text = "# synlint: disable=SL104" + text;
    const SourceFile f("x", text);
    for (const ConfigFormatTraits& format : AllConfigFormats()) {
      const ScanResult r = ScanDirectives(f, format.format);
      for (const Directive& d : r.directives) {
        ASSERT_LE(d.removal.end, text.size());
        ASSERT_LE(d.comment.end, text.size());
        ASSERT_LE(d.id_list.end, d.comment.end);
        ASSERT_EQ(d.ids.size(), d.id_spans.size());
      }
      for (const DirectiveProblem& p : r.problems) ASSERT_LE(p.span.end, text.size());
    }
  }
}

}  // namespace
}  // namespace synlint::suppress
