// SPDX-License-Identifier: MIT
// The text format's pieces: excerpt and caret, summary wording, findings on
// files without text, escaping.

#include <gtest/gtest.h>

#include <sstream>

#include "linter/output/excerpt.h"
#include "linter/output/formatter.h"
#include "tests/output/sample_report.h"

namespace synlint {
namespace {

// "line\ncaret" for the span [begin, end) of `text`.
std::string Show(std::string_view text, uint32_t begin, uint32_t end) {
  const SourceFile file("f", std::string(text));
  const Excerpt e = MakeExcerpt(file, MakeLocation(file, {begin, end}));
  return e.line + "\n" + e.caret;
}

TEST(Excerpt, UnderlinesTheSpan) {
  EXPECT_EQ(Show("a = 1\nkey = value\n", 12, 17), "key = value\n      ^~~~~");
}

TEST(Excerpt, KeepsTabsSoTheCaretLinesUp) {
  EXPECT_EQ(Show("\t\tlisten 80;\n", 9, 11), "\t\tlisten 80;\n\t\t       ^~");
}

TEST(Excerpt, DropsTheCrOfCrlf) {
  EXPECT_EQ(Show("a\r\nb = 2\r\n", 3, 8), "b = 2\n^~~~~");
}

TEST(Excerpt, EmptySpanGetsOneCaret) {
  EXPECT_EQ(Show("abc\n", 1, 1), "abc\n ^");
}

TEST(Excerpt, SpanAtEndOfLinePointsPastIt) {
  EXPECT_EQ(Show("key =\nnext\n", 5, 6), "key =\n     ^");
  EXPECT_EQ(Show("no newline", 10, 10), "no newline\n          ^");
}

TEST(Excerpt, ClipsAMultiLineSpanToItsFirstLine) {
  EXPECT_EQ(Show("http {\n  a;\n}\n", 0, 13), "http {\n^~~~~~");
}

TEST(Excerpt, CountsCharactersNotBytes) {
  EXPECT_EQ(Show("name café.example x\n", 5, 18),
            "name café.example x\n     ^~~~~~~~~~~~");
}

TEST(Excerpt, ShowsControlBytesEscapedAndAlignsWithThem) {
  EXPECT_EQ(Show("a\x1b" "b \xff c\n", 5, 6), "a\\x1bb \\xff c\n           ^");
  EXPECT_EQ(Show("\xff" "x\n", 0, 1), "\\xffx\n^~~~");
}

std::string Text(const Report& r) {
  std::ostringstream out;
  MakeFormatter("text")->Write(r, out);
  return out.str();
}

TEST(TextFormat, NoFindingsIsOneSummaryLine) {
  Report r;
  r.files_count = 4;
  EXPECT_EQ(Text(r), "4 files checked: no findings\n");
  r.files_count = 1;
  EXPECT_EQ(Text(r), "1 file checked: no findings\n");
}

TEST(TextFormat, SummaryUsesSingularsAndSkipsZeroCounts) {
  Report r;
  r.files_count = 1;
  Finding f;
  f.rule = "SL104";
  f.location.file = "etc/sysctl.conf";
  f.message = "m";
  r.findings = {f};
  r.fixes_available = 1;
  EXPECT_EQ(Text(r),
            "etc/sysctl.conf:1:1: warning: m [SL104]\n\n"
            "1 file checked: 1 warning; 1 fix available (run with --diff to "
            "see it, --fix to apply)\n"
            "For more information: synlint explain SL104\n");
}

TEST(TextFormat, ActionsPrintEvenWithoutFindings) {
  Report r;
  r.files_count = 2;
  r.actions = {{"systemctl restart web.socket", "", "web.socket"}};
  EXPECT_EQ(Text(r),
            "2 files checked: no findings\n"
            "After applying these changes:\n"
            "  $ systemctl restart web.socket\n");
}

TEST(TextFormat, EscapesEverythingFromConfigFiles) {
  auto s = MakeNastyReport();
  EXPECT_EQ(Text(s->report),
            "etc/a,b:c%d <&>.conf:1:7: warning: value \"a\\b\" has 'quotes' & "
            "<tags>,\\na new line\\r, 100% bad \\xff\\xfe bytes and "
            "\\x1b[31mescapes [SL104]\n"
            "key = \"va\tl\\x1b[31m\\xff\"\n"
            "      ^~~\n"
            "  etc/a,b:c%d <&>.conf:1:1: note: note with \"quotes\"\\nand a newline\n"
            "  key = \"va\tl\\x1b[31m\\xff\"\n"
            "  ^~~\n"
            "  help: replace with \"<ok>\" & 50% (display-only fix)\n"
            "\n"
            "1 file checked: 1 warning\n"
            "For more information: synlint explain SL104\n"
            "After applying these changes:\n"
            "  $ echo \"a\\nb\"  # reason\\twith tab\n");
}

}  // namespace
}  // namespace synlint
