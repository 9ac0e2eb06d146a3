// SPDX-License-Identifier: MIT
#include "parsers/systemd/parser.h"

#include <gtest/gtest.h>

#include <sstream>

#include "core/service.h"
#include "parsers/systemd/tree_dump.h"

namespace synlint::systemd {
namespace {

ParseResult ParseChecked(std::string_view text) {
  ParseResult r = Parse(text);
  EXPECT_TRUE(TokensCover(r.tokens, text)) << "tokens do not cover the input";
  // Without tokens (as the unit loader parses) the tree and errors are the same.
  const ParseResult lean = Parse(text, {.tokens = false});
  EXPECT_TRUE(lean.tokens.empty());
  EXPECT_EQ(DumpTree(r), DumpTree(lean)) << text;
  EXPECT_EQ(r.errors.size(), lean.errors.size()) << text;
  EXPECT_EQ(r.rejected_by_systemd, lean.rejected_by_systemd) << text;
  EXPECT_EQ(r.newline, lean.newline) << text;
  return r;
}

std::string Tokens(std::string_view text) { return DumpTokens(text, ParseChecked(text)); }
std::string Tree(std::string_view text) { return DumpTree(ParseChecked(text)); }

TEST(SystemdParser, SectionAndEntry) {
  const std::string_view text = "[Socket]\nListenStream=80\n";
  EXPECT_EQ(Tokens(text), "[section [Socket]][nl]\n[key ListenStream][eq =][value 80][nl]\n");
  EXPECT_EQ(Tree(text),
            "[section 'Socket' 0..8]\n"
            "  [entry 'ListenStream' 9..21 = '80' 22..24]\n");
}

TEST(SystemdParser, BlanksAroundEqualsAreTrimmed) {
  const std::string_view text = "[Socket]\n  Backlog \t=  4096  \n";
  EXPECT_EQ(Tokens(text), "[section [Socket]][nl]\n[key Backlog][eq =][value 4096][nl]\n");
  EXPECT_EQ(Tree(text),
            "[section 'Socket' 0..8]\n"
            "  [entry 'Backlog' 11..18 = '4096' 23..27]\n");
}

TEST(SystemdParser, ValueKeepsInnerBlanksAndEquals) {
  EXPECT_EQ(Tree("[Service]\nEnvironment=A=1 B=2\n"),
            "[section 'Service' 0..9]\n"
            "  [entry 'Environment' 10..21 = 'A=1 B=2' 22..29]\n");
}

TEST(SystemdParser, CommentsAreWholeLinesOnly) {
  const std::string_view text = "# a\n; b\n  # c\n[Socket]\nListenStream=80 # not a comment\n";
  EXPECT_EQ(Tokens(text),
            "[comment # a][nl]\n[comment ; b][nl]\n[comment # c][nl]\n[section [Socket]][nl]\n"
            "[key ListenStream][eq =][value 80 # not a comment][nl]\n");
}

TEST(SystemdParser, EmptyAssignment) {
  const std::string_view text = "[Socket]\nListenStream=\nBacklog =  \n";
  EXPECT_EQ(Tree(text),
            "[section 'Socket' 0..8]\n"
            "  [entry 'ListenStream' 9..21 = '' 22..22]\n"
            "  [entry 'Backlog' 23..30 = '' 32..32]\n");
  EXPECT_EQ(Tokens(text),
            "[section [Socket]][nl]\n[key ListenStream][eq =][nl]\n[key Backlog][eq =][nl]\n");
}

TEST(SystemdParser, SectionHeaderJoinedFromContinuationLines) {
  const std::string_view text = "[Soc\\\nket]\nA=b \\\n c\n[Socket]\nListenStream=80\n";
  const ParseResult r = Parse(text);
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.Name(r.sections[0]), "Soc ket");
  EXPECT_EQ(r.Name(r.sections[1]), "Socket");
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "b   c");
  EXPECT_EQ(DumpTree(r),
            "[section 'Soc ket' 0..10]\n"
            "  [entry 'A' 11..12 = 'b   c' 13..19]\n"
            "[section 'Socket' 20..28]\n"
            "  [entry 'ListenStream' 29..41 = '80' 42..44]\n");
}

TEST(SystemdParser, ContinuationJoinsLinesWithASpace) {
  const std::string_view text = "[Service]\nExecStart=/bin/foo \\\n  --bar\n";
  const ParseResult r = ParseChecked(text);
  ASSERT_EQ(r.sections.size(), 1u);
  ASSERT_EQ(r.sections[0].entries.size(), 1u);
  // '/bin/foo ' + ' ' for the '\' + '  --bar'.
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "/bin/foo    --bar");
  EXPECT_EQ(DumpTokens(text, r),
            "[section [Service]][nl]\n[key ExecStart][eq =][value /bin/foo ][cont \\\\][nl]\n"
            "[value   --bar][nl]\n");
  EXPECT_EQ(DumpTree(r),
            "[section 'Service' 0..9]\n"
            "  [entry 'ExecStart' 10..19 = '/bin/foo    --bar' 20..38]\n");
}

TEST(SystemdParser, CommentInsideContinuationIsSkipped) {
  const std::string_view text = "[Service]\nExecStart=a \\\n# note \\\n  ; other\n b\nX=1\n";
  const ParseResult r = ParseChecked(text);
  ASSERT_EQ(r.sections[0].entries.size(), 2u);
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "a   b");
  EXPECT_EQ(r.Key(r.sections[0].entries[1]), "X");
  EXPECT_EQ(DumpTokens(text, r),
            "[section [Service]][nl]\n[key ExecStart][eq =][value a ][cont \\\\][nl]\n"
            "[comment # note \\\\][nl]\n[comment ; other][nl]\n[value  b][nl]\n"
            "[key X][eq =][value 1][nl]\n");
}

TEST(SystemdParser, EmptyLineEndsContinuation) {
  const ParseResult r = ParseChecked("[S]\nA=a\\\n\nB=b\n");
  ASSERT_EQ(r.sections[0].entries.size(), 2u);
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "a");
  EXPECT_EQ(r.sections[0].entries[0].value_span, (Span{6, 7}));
  EXPECT_EQ(r.Value(r.sections[0].entries[1]), "b");
  EXPECT_TRUE(r.errors.empty());
}

TEST(SystemdParser, EscapedBackslashDoesNotContinue) {
  const ParseResult r = ParseChecked("[S]\nA=a\\\\\nB=\\\\\\\nc\n");
  ASSERT_EQ(r.sections[0].entries.size(), 2u);
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "a\\\\");
  EXPECT_EQ(r.Value(r.sections[0].entries[1]), "\\\\ c");
}

TEST(SystemdParser, CommentLineEndingInBackslashDoesNotContinue) {
  EXPECT_EQ(Tree("[S]\n# a \\\nA=1\n"), "[section 'S' 0..3]\n  [entry 'A' 10..11 = '1' 12..13]\n");
}

TEST(SystemdParser, ContinuationAtEndOfFile) {
  const std::string_view text = "[S]\nA=a\\";
  EXPECT_EQ(Tokens(text), "[section [S]][nl]\n[key A][eq =][value a][cont \\\\]");
  EXPECT_EQ(Tree(text), "[section 'S' 0..3]\n  [entry 'A' 4..5 = 'a' 6..7]\n");
}

TEST(SystemdParser, KeySplitByContinuation) {
  const ParseResult r = ParseChecked("[S]\nLis\\\nten=1\n");
  ASSERT_EQ(r.sections[0].entries.size(), 1u);
  EXPECT_EQ(r.Key(r.sections[0].entries[0]), "Lis ten");
  EXPECT_EQ(r.sections[0].entries[0].key_span, (Span{4, 12}));
}

TEST(SystemdParser, CrlfAndNoFinalNewline) {
  const std::string_view text = "[Socket]\r\nListenStream=80\r\nBacklog=8";
  const ParseResult r = ParseChecked(text);
  EXPECT_EQ(DumpTokens(text, r),
            "[section [Socket]][nl]\n[key ListenStream][eq =][value 80][nl]\n"
            "[key Backlog][eq =][value 8]");
  EXPECT_EQ(r.newline, "\r\n");
  EXPECT_EQ(r.sections[0].body_span, (Span{0, 36}));
  EXPECT_EQ(text.substr(r.sections[0].entries[1].value_span.begin, 1), "8");
}

TEST(SystemdParser, OldMacAndReversedLineEnds) {
  // read_line() ends lines at "\r" and "\n\r" too.
  const ParseResult r = ParseChecked("[S]\rA=1\n\rB=2\r\n");
  ASSERT_EQ(r.sections.size(), 1u);
  ASSERT_EQ(r.sections[0].entries.size(), 2u);
  EXPECT_EQ(r.Value(r.sections[0].entries[0]), "1");
  EXPECT_EQ(r.Value(r.sections[0].entries[1]), "2");
}

TEST(SystemdParser, ByteOrderMarkIsDropped) {
  const std::string_view text = "\xEF\xBB\xBF[Socket]\nListenStream=80\n";
  EXPECT_EQ(Tokens(text),
            "[bom \xEF\xBB\xBF][section [Socket]][nl]\n[key ListenStream][eq =][value 80][nl]\n");
  EXPECT_EQ(Tree(text),
            "[section 'Socket' 3..11]\n  [entry 'ListenStream' 12..24 = '80' 25..27]\n");
}

TEST(SystemdParser, SectionsRepeatAndKeepOrder) {
  EXPECT_EQ(Tree("[Unit]\nA=1\n[Socket]\nB=2\n[Unit]\nC=3\n"),
            "[section 'Unit' 0..6]\n  [entry 'A' 7..8 = '1' 9..10]\n"
            "[section 'Socket' 11..19]\n  [entry 'B' 20..21 = '2' 22..23]\n"
            "[section 'Unit' 24..30]\n  [entry 'C' 31..32 = '3' 33..34]\n");
}

TEST(SystemdParser, SectionBodyEndsAtItsLastEntry) {
  const ParseResult r = ParseChecked("[Socket]\nA=1\n\n# trailing\n[Install]\n");
  ASSERT_EQ(r.sections.size(), 2u);
  EXPECT_EQ(r.sections[0].body_span, (Span{0, 12}));
  EXPECT_EQ(r.sections[1].body_span, (Span{25, 34}));
}

TEST(SystemdParser, SectionNameKeepsInnerBlanks) {
  EXPECT_EQ(Tree("[ Socket ]\n[]\n"), "[section ' Socket ' 0..10]\n[section '' 11..13]\n");
}

TEST(SystemdParser, JsonDump) {
  const SourceFile file("etc/systemd/system/a.socket", "[Socket]\nBacklog=1\nx\n");
  const ParseResult r = Parse(file.text);
  EXPECT_EQ(DumpJson(file, r, /*with_tokens=*/false, /*indent=*/0),
            "{\"format\":\"systemd\",\"file\":\"etc/systemd/system/a.socket\","
            "\"sections\":[{\"name\":\"Socket\",\"header\":"
            "{\"begin\":0,\"end\":8,\"line\":1,\"column\":1},\"entries\":[{\"key\":\"Backlog\","
            "\"value\":\"1\",\"key_span\":{\"begin\":9,\"end\":16,\"line\":2,\"column\":1},"
            "\"value_span\":{\"begin\":17,\"end\":18,\"line\":2,\"column\":9}}]}],"
            "\"errors\":[{\"message\":\"missing '='; systemd ignores this line\",\"span\":"
            "{\"begin\":19,\"end\":20,\"line\":3,\"column\":1}}],"
            "\"rejected_by_systemd\":false}");
  const std::string with_tokens = DumpJson(file, r, true, 0);
  EXPECT_NE(with_tokens.find("\"tokens\":[{\"kind\":\"section\",\"begin\":0,\"end\":8}"),
            std::string::npos);
}

// ---------------------------------------------------------------- errors

TEST(SystemdParser, MissingEquals) {
  const std::string_view text = "[Socket]\nListenStream 80\nBacklog=1\n";
  const ParseResult r = ParseChecked(text);
  EXPECT_EQ(DumpTree(r),
            "[section 'Socket' 0..8]\n  [entry 'Backlog' 25..32 = '1' 33..34]\n"
            "[error 9..24 missing '='; systemd ignores this line]\n");
  EXPECT_EQ(
      DumpTokens(text, r),
      "[section [Socket]][nl]\n[invalid ListenStream 80][nl]\n[key Backlog][eq =][value 1][nl]\n");
  EXPECT_FALSE(r.rejected_by_systemd);
  const SourceFile file("etc/systemd/system/a.socket", std::string(text));
  const Finding f = SyntaxFinding(file, r.errors[0]);
  EXPECT_EQ(f.rule, "SL001");
  EXPECT_EQ(f.location.start, (LineCol{2, 1}));
  EXPECT_EQ(f.location.end, (LineCol{2, 16}));
}

TEST(SystemdParser, MissingKey) {
  EXPECT_EQ(
      Tree("[S]\n  =1\n"),
      "[section 'S' 0..3]\n[error 6..8 missing key name before '='; systemd ignores this line]\n");
}

TEST(SystemdParser, AssignmentBeforeAnySection) {
  EXPECT_EQ(Tree("ListenStream=80\nfoo\n[Socket]\nBacklog=1\n"),
            "[section 'Socket' 20..28]\n  [entry 'Backlog' 29..36 = '1' 37..38]\n"
            "[error 0..15 assignment outside of any section; systemd ignores this line]\n"
            "[error 16..19 assignment outside of any section; systemd ignores this line]\n");
}

TEST(SystemdParser, InvalidSectionHeaderStopsSystemd) {
  const std::string_view text = "[Socket\nListenStream=80\n[Install]\nWantedBy=x\n";
  const ParseResult r = ParseChecked(text);
  EXPECT_EQ(DumpTree(r),
            "[section 'Install' 24..33]\n  [entry 'WantedBy' 34..42 = 'x' 43..44]\n"
            "[error 0..7 invalid section header '[Socket'; systemd stops reading the file here]\n");
  // The lines after a broken header are ignored without more errors.
  EXPECT_EQ(DumpTokens(text, r),
            "[invalid [Socket][nl]\n[invalid ListenStream=80][nl]\n[section [Install]][nl]\n"
            "[key WantedBy][eq =][value x][nl]\n");
  EXPECT_TRUE(r.rejected_by_systemd);
}

TEST(SystemdParser, UnsafeSectionName) {
  EXPECT_EQ(Tree("[So\"cket]\n"),
            "[error 0..9 section header '[So\"cket]' has quotes, backslashes or control "
            "characters; systemd stops reading the file here]\n");
}

TEST(SystemdParser, InvalidUtf8) {
  const ParseResult r = ParseChecked("[S]\nA=\xff\xfe\nB=2\n");
  EXPECT_EQ(DumpTree(r),
            "[section 'S' 0..3]\n  [entry 'B' 9..10 = '2' 11..12]\n"
            "[error 4..8 line is not valid UTF-8; systemd stops reading the file here]\n");
  EXPECT_TRUE(r.rejected_by_systemd);
}

TEST(SystemdParser, OverlongLine) {
  std::string text = "[S]\nA=" + std::string(kMaxLineLength, 'x') + "\nB=1\n";
  const ParseResult r = ParseChecked(text);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].message, "line is longer than 1 MiB; systemd stops reading the file here");
  EXPECT_EQ(r.errors[0].span, (Span{4, static_cast<uint32_t>(6 + kMaxLineLength)}));
  EXPECT_TRUE(r.rejected_by_systemd);
  EXPECT_EQ(r.sections[0].entries.size(), 2u);
}

TEST(SystemdParser, EmptyAndBlankInputs) {
  for (std::string_view text : {"", "\n", "  \t", "\r\n\r\n", "\\", "\\\n\\", "[", "=", "#"}) {
    SCOPED_TRACE(std::string(text));
    ParseChecked(text);
  }
  ParseChecked(std::string_view());
  EXPECT_EQ(Tokens(" \n"), "[nl]\n");
  EXPECT_EQ(Tree("\\"), "");
}

TEST(SystemdParser, BinaryBytesDoNotBreakCoverage) {
  std::string text = "[S]\nA=\x01\x02\x7f\n";
  text += std::string("B=\0\0\n", 5);
  const ParseResult r = ParseChecked(text);
  ASSERT_EQ(r.sections.size(), 1u);
  EXPECT_EQ(r.sections[0].entries.size(), 2u);
}


TEST(SystemdTreeDump, StreamedDumpEqualsTheStringDump) {
  std::string text;
  for (int i = 0; i < 3000; ++i)
    text += "[Socket]\nListenStream=" + std::to_string(8000 + i) +
            "\nBacklog=\\\n  4096\nbad line\n[Service]\nExecStart=/bin/x\\t'y'\n";
  const ParseResult r = Parse(text, {.tokens = false});
  const std::string whole = DumpTree(r);
  ASSERT_GT(whole.size(), 3u * 65536u);
  EXPECT_NE(whole.find("[error "), std::string::npos);
  std::ostringstream os;
  TextSink sink(&os);
  DumpTree(r, &sink);
  sink.Flush();
  EXPECT_EQ(os.str(), whole);
  EXPECT_EQ(whole, DumpTree(Parse(text))) << "the tree dump needs no tokens";
}

}  // namespace
}  // namespace synlint::systemd
