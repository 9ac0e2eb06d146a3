// SPDX-License-Identifier: MIT
#include "parsers/sysctl/parser.h"

#include <gtest/gtest.h>

namespace synlint::sysctl {
namespace {

std::string Dump(std::string_view text) {
  const ParseResult r = Parse(text);
  EXPECT_TRUE(TokensCover(r.tokens, text)) << text;
  return DumpTokens(text, r);
}

TEST(SysctlParser, KeepsCommentsAndBlankLinesAsTrivia) {
  EXPECT_EQ(Dump("# c\n\n; d\n  # e\n"), "[comment # c][nl][nl][comment ; d][nl][comment # e][nl]");
}

TEST(SysctlParser, Assignment) {
  const std::string text = "net.core.somaxconn = 4096\n";
  EXPECT_EQ(Dump(text), "[key net.core.somaxconn][eq =][value 4096][nl]");
  const ParseResult r = Parse(text);
  ASSERT_EQ(r.assignments.size(), 1u);
  EXPECT_EQ(r.assignments[0].name, "net.core.somaxconn");
  EXPECT_EQ(r.assignments[0].text, "4096");
  EXPECT_EQ(r.assignments[0].value, (Span{21, 25}));
  EXPECT_EQ(r.assignments[0].line, (Span{0, 26}));
}

TEST(SysctlParser, ValueWithInnerSpacesAndNoSpacesAroundEquals) {
  const ParseResult r = Parse("net.ipv4.ip_local_port_range=32768   60999  \n");
  ASSERT_EQ(r.assignments.size(), 1u);
  EXPECT_EQ(r.assignments[0].text, "32768   60999");
}

TEST(SysctlParser, IgnoreFailurePrefixAndExclusion) {
  const ParseResult r = Parse("-net.ipv4.tcp_tw_recycle = 0\n-net.ipv4.conf.eth0.rp_filter\n");
  ASSERT_EQ(r.assignments.size(), 2u);
  EXPECT_TRUE(r.assignments[0].ignore_failure);
  EXPECT_FALSE(r.assignments[0].exclusion);
  EXPECT_TRUE(r.assignments[1].exclusion);
  EXPECT_EQ(r.assignments[1].name, "net.ipv4.conf.eth0.rp_filter");
  EXPECT_TRUE(r.errors.empty());
}

TEST(SysctlParser, NormalisesSlashSeparators) {
  EXPECT_EQ(NormalizeKey("net/ipv4/conf/enp3s0.200/forwarding"),
            "net.ipv4.conf.enp3s0/200.forwarding");
  EXPECT_EQ(NormalizeKey("net.ipv4.conf.enp3s0/200.forwarding"),
            "net.ipv4.conf.enp3s0/200.forwarding");
  EXPECT_EQ(NormalizeKey("kernel"), "kernel");
}

TEST(SysctlParser, GlobKeys) {
  const ParseResult r = Parse("net.ipv4.conf.*.rp_filter = 2\n");
  ASSERT_EQ(r.assignments.size(), 1u);
  EXPECT_TRUE(r.assignments[0].is_glob());
}

TEST(SysctlParser, CrlfAndMissingFinalNewline) {
  const std::string text = "a = 1\r\nb = 2";
  EXPECT_EQ(Dump(text), "[key a][eq =][value 1][nl][key b][eq =][value 2]");
  const ParseResult r = Parse(text);
  EXPECT_EQ(r.assignments[0].text, "1");
  EXPECT_EQ(r.assignments[1].line, (Span{7, 12}));
}

TEST(SysctlParser, HashInsideValueIsPartOfTheValue) {
  const ParseResult r = Parse("kernel.core_pattern = core # not a comment\n");
  EXPECT_EQ(r.assignments[0].text, "core # not a comment");
}

TEST(SysctlParser, MalformedLineIsReportedAndParsingContinues) {
  const std::string text = "net.core.somaxconn 4096\n= 5\nvm.swappiness = 10\n";
  const ParseResult r = Parse(text);
  EXPECT_TRUE(TokensCover(r.tokens, text));
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].message, "line is not an assignment; expected 'key = value'");
  EXPECT_EQ(r.errors[0].span, (Span{0, 23}));
  EXPECT_EQ(r.errors[1].message, "missing key before '='");
  ASSERT_EQ(r.assignments.size(), 1u);
  EXPECT_EQ(r.assignments[0].name, "vm.swappiness");
}

TEST(SysctlParser, EmptyValueIsKeptForValidation) {
  const ParseResult r = Parse("vm.swappiness =\n");
  ASSERT_EQ(r.assignments.size(), 1u);
  EXPECT_EQ(r.assignments[0].text, "");
}

TEST(SysctlParser, RoundTripsArbitraryBytes) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text.push_back(static_cast<char>((i * 131 + 7) % 256));
  const ParseResult r = Parse(text);
  EXPECT_TRUE(TokensCover(r.tokens, text));
}

TEST(SysctlParser, WithoutTokensGivesTheSameAssignmentsAndErrors) {
  const std::string text = "a.b = 1\r\n-x.y\n# c\nbad line\n = 2\nnet/ipv4/x.y=3";
  const ParseResult full = Parse(text);
  const ParseResult lean = Parse(text, {.tokens = false});
  EXPECT_FALSE(full.tokens.empty());
  EXPECT_TRUE(lean.tokens.empty());
  ASSERT_EQ(lean.assignments.size(), full.assignments.size());
  for (size_t i = 0; i < full.assignments.size(); ++i) {
    EXPECT_EQ(lean.assignments[i].line, full.assignments[i].line);
    EXPECT_EQ(lean.assignments[i].key, full.assignments[i].key);
    EXPECT_EQ(lean.assignments[i].value, full.assignments[i].value);
    EXPECT_EQ(lean.assignments[i].name, full.assignments[i].name);
    EXPECT_EQ(lean.assignments[i].text, full.assignments[i].text);
  }
  ASSERT_EQ(lean.errors.size(), full.errors.size());
  for (size_t i = 0; i < full.errors.size(); ++i) EXPECT_EQ(lean.errors[i].span, full.errors[i].span);
}

TEST(SysctlParser, InBlocksGivesTheWholeFileParseAtEveryBlockSize) {
  // CRLF, errors, an exclusion, blank and comment lines, no final newline.
  const std::string text =
      "a.b = 1\r\n-x.y\n# c\nbad line\n\n = 2\n; d\nnet/ipv4/x.y=3\r\nkernel.z = a b  c\nlast=9";
  for (bool tokens : {true, false}) {
    const ParseResult whole = Parse(text, {.tokens = tokens});
    for (size_t block = 0; block <= text.size() + 1; ++block) {
      std::vector<Token> got_tokens;
      std::vector<Assignment> got;
      std::vector<SyntaxError> got_errors;
      std::string dump;
      size_t blocks = 0;
      uint32_t next = 0;
      ParseInBlocks(text, {.tokens = tokens}, block,
                    [&](const ParseResult& r, std::string_view part, uint32_t base) {
                      ++blocks;
                      EXPECT_EQ(base, next) << "blocks must follow each other";
                      EXPECT_EQ(part, std::string_view(text).substr(base, part.size()));
                      next = base + static_cast<uint32_t>(part.size());
                      AppendTokens(part, r, &dump);
                      for (Token t : r.tokens) {
                        t.span = {t.span.begin + base, t.span.end + base};
                        got_tokens.push_back(t);
                      }
                      for (Assignment a : r.assignments) {
                        for (Span* s : {&a.line, &a.key, &a.value, &a.equals})
                          *s = {s->begin + base, s->end + base};
                        got.push_back(a);
                      }
                      for (SyntaxError e : r.errors) {
                        e.span = {e.span.begin + base, e.span.end + base};
                        got_errors.push_back(e);
                      }
                    });
      SCOPED_TRACE("block " + std::to_string(block) + (tokens ? " with tokens" : ""));
      EXPECT_EQ(next, text.size());
      if (block == 0) {
        EXPECT_EQ(blocks, 10u) << "one line per block";
      }
      if (block >= text.size()) {
        EXPECT_EQ(blocks, 1u);
      }
      EXPECT_EQ(dump, DumpTokens(text, whole));
      ASSERT_EQ(got_tokens.size(), whole.tokens.size());
      for (size_t i = 0; i < got_tokens.size(); ++i) {
        EXPECT_EQ(got_tokens[i].kind, whole.tokens[i].kind);
        EXPECT_EQ(got_tokens[i].span, whole.tokens[i].span);
      }
      ASSERT_EQ(got.size(), whole.assignments.size());
      for (size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].line, whole.assignments[i].line);
        EXPECT_EQ(got[i].key, whole.assignments[i].key);
        // A missing value or '=' is an empty span with no meaningful place.
        for (auto [g, w] : {std::pair{got[i].value, whole.assignments[i].value},
                            std::pair{got[i].equals, whole.assignments[i].equals}}) {
          if (w.empty()) {
            EXPECT_TRUE(g.empty());
          } else {
            EXPECT_EQ(g, w);
          }
        }
        EXPECT_EQ(got[i].name, whole.assignments[i].name);
        EXPECT_EQ(got[i].text, whole.assignments[i].text);
        EXPECT_EQ(got[i].exclusion, whole.assignments[i].exclusion);
        EXPECT_EQ(got[i].ignore_failure, whole.assignments[i].ignore_failure);
      }
      ASSERT_EQ(got_errors.size(), whole.errors.size());
      for (size_t i = 0; i < got_errors.size(); ++i) {
        EXPECT_EQ(got_errors[i].span, whole.errors[i].span);
        EXPECT_EQ(got_errors[i].message, whole.errors[i].message);
      }
    }
  }
}

TEST(SysctlParser, InBlocksCallsOnceForAnEmptyText) {
  size_t calls = 0;
  ParseInBlocks("", {}, 16, [&](const ParseResult& r, std::string_view part, uint32_t base) {
    ++calls;
    EXPECT_TRUE(r.tokens.empty());
    EXPECT_TRUE(part.empty());
    EXPECT_EQ(base, 0u);
  });
  EXPECT_EQ(calls, 1u);
}

}  // namespace
}  // namespace synlint::sysctl
