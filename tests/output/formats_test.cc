// SPDX-License-Identifier: MIT
// The registry of formats, and each machine format on hostile text.

#include <gtest/gtest.h>

#include <sstream>

#include "linter/output/formatter.h"
#include "tests/output/json_check.h"
#include "tests/output/sample_report.h"

namespace synlint {
namespace {

std::string Render(std::string_view format, const Report& r) {
  std::ostringstream out;
  MakeFormatter(format)->Write(r, out);
  return out.str();
}

TEST(FormatterRegistry, KnowsEveryFormatByName) {
  const std::vector<std::string_view> expected = {"text",       "json",       "sarif",  "github",
                                                  "gcc",        "junit",      "json-lines", "checkstyle",
                                                  "gitlab",     "rdjson"};
  EXPECT_EQ(FormatterNames(), expected);
  for (std::string_view name : FormatterNames())
    EXPECT_NE(MakeFormatter(name), nullptr) << name;
  EXPECT_EQ(MakeFormatter("xml"), nullptr);
  EXPECT_EQ(MakeFormatter(""), nullptr);
  EXPECT_EQ(MakeFormatter("TEXT"), nullptr);
}

TEST(FormatterRegistry, EmptyReportPrintsSomethingValidEverywhere) {
  Report r;
  EXPECT_EQ(Render("text", r), "0 files checked: no findings\n");
  EXPECT_EQ(Render("gcc", r), "");
  EXPECT_EQ(Render("github", r), "");
  EXPECT_EQ(CheckJson(Render("json", r)), "");
  EXPECT_EQ(CheckJson(Render("sarif", r)), "");
  EXPECT_EQ(Render("json-lines", r), "");
  EXPECT_EQ(Render("gitlab", r), "[]\n");
  EXPECT_EQ(CheckJson(Render("rdjson", r)), "");
  EXPECT_EQ(Render("checkstyle", r), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n</checkstyle>\n");
  EXPECT_EQ(Render("junit", r),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"synlint\" tests=\"0\" failures=\"0\">\n"
            "  <testsuite name=\"synlint\" tests=\"0\" failures=\"0\" "
            "errors=\"0\" skipped=\"0\">\n"
            "  </testsuite>\n</testsuites>\n");
}

TEST(GccFormat, EscapesControlsAndBadBytes) {
  auto s = MakeNastyReport();
  EXPECT_EQ(Render("gcc", s->report),
            "etc/a,b:c%d <&>.conf:1:7: warning: value \"a\\b\" has 'quotes' & "
            "<tags>,\\na new line\\r, 100% bad \\xff\\xfe bytes and "
            "\\x1b[31mescapes [SL104]\n");
}

TEST(GithubFormat, EscapesPropertiesAndData) {
  auto s = MakeNastyReport();
  EXPECT_EQ(Render("github", s->report),
            "::warning file=etc/a%2Cb%3Ac%25d <&>.conf,line=1,col=7,endLine=1,"
            "endColumn=10,title=SL104::value \"a\\b\" has 'quotes' & <tags>,"
            "%0Aa new line%0D, 100%25 bad \uFFFD\uFFFD bytes and "
            "\x1b[31mescapes\n");
}

TEST(GithubFormat, WholeFileFindingHasNoLine) {
  auto s = MakeSampleReport();
  const std::string out = Render("github", s->report);
  EXPECT_NE(out.find("::error file=etc/sysctl.d/99-local.conf,title=SL002::"
                     "cannot read: permission denied\n"),
            std::string::npos)
      << out;
}

TEST(GithubFormat, NameThatIsNotUtf8IsNeverRenamed) {
  // file= cannot carry the byte 0xff: the annotation names no file and the
  // message starts with the name quoted as git quotes it (%25 is GitHub's '%').
  auto s = MakeNastyReport();
  Finding& f = s->report.findings[0];
  f.location.file = PathRef("etc/caf\xff.conf");
  f.message = "m";
  EXPECT_EQ(Render("github", s->report), "::warning title=SL104::\"etc/caf\\377.conf\":1:7: m\n");
}

TEST(JunitFormat, EscapesAttributesAndText) {
  auto s = MakeNastyReport();
  EXPECT_EQ(Render("junit", s->report),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"synlint\" tests=\"1\" failures=\"1\">\n"
            "  <testsuite name=\"synlint\" tests=\"1\" failures=\"1\" "
            "errors=\"0\" skipped=\"0\">\n"
            "    <testcase classname=\"etc/a,b:c%d &lt;&amp;&gt;.conf\" "
            "name=\"SL104 etc/a,b:c%d &lt;&amp;&gt;.conf:1:7\">\n"
            "      <failure type=\"SL104\" message=\"value &quot;a\\b&quot; "
            "has 'quotes' &amp; &lt;tags&gt;,&#10;a new line&#13;, "
            "100% bad \uFFFD\uFFFD bytes and \uFFFD[31mescapes\">"
            "etc/a,b:c%d &lt;&amp;&gt;.conf:1:7: warning: value \"a\\b\" has "
            "'quotes' &amp; &lt;tags&gt;,\na new line&#13;, 100% bad "
            "\uFFFD\uFFFD bytes and \uFFFD[31mescapes [SL104]\n"
            "  etc/a,b:c%d &lt;&amp;&gt;.conf:1:1: note: note with \"quotes\"\n"
            "and a newline\n"
            "  help: replace with \"&lt;ok&gt;\" &amp; 50% (display-only fix)"
            "</failure>\n"
            "    </testcase>\n"
            "  </testsuite>\n</testsuites>\n");
}

TEST(JsonFormat, EscapesIntoValidJson) {
  auto s = MakeNastyReport();
  const std::string out = Render("json", s->report);
  EXPECT_EQ(CheckJson(out), "");
  EXPECT_NE(out.find(R"("message": "value \"a\\b\" has 'quotes' & <tags>,\na new line\r, )"
                     "100% bad \uFFFD\uFFFD bytes and \\u001b[31mescapes\""),
            std::string::npos)
      << out;
  EXPECT_NE(out.find(R"("replacement": "\"ok\"\n")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("applicability": "display-only")"), std::string::npos);
  EXPECT_NE(out.find(R"("diff": null)"), std::string::npos);
}

TEST(SarifFormat, EscapesIntoValidJsonWithUriPaths) {
  auto s = MakeNastyReport();
  const std::string out = Render("sarif", s->report);
  EXPECT_EQ(CheckJson(out), "");
  EXPECT_NE(out.find(R"("uri": "etc/a%2Cb%3Ac%25d%20%3C%26%3E.conf")"),
            std::string::npos)
      << out;
  // A relative root defines no base URI.
  EXPECT_EQ(out.find("originalUriBaseIds"), std::string::npos);
}

TEST(SarifFormat, ColumnsCountUtf16UnitsAndBytesStayExact) {
  auto s = MakeSampleReport();
  const std::string out = Render("sarif", s->report);
  // "\t\tserver_name café.example;": the value starts at byte column 15 and
  // ends at byte column 28, character columns 15 and 27.
  EXPECT_NE(out.find("\"startLine\": 4,\n"
                     "                  \"startColumn\": 15,\n"
                     "                  \"endLine\": 4,\n"
                     "                  \"endColumn\": 27,\n"
                     "                  \"byteOffset\": 44,\n"
                     "                  \"byteLength\": 13\n"),
            std::string::npos)
      << out;
}

TEST(AllFormats, SurviveLocationsThatDoNotFitTheFile) {
  auto s = MakeSampleReport();
  Finding f;
  f.rule = "SL999";  // not in r.rules
  f.location.file = "etc/sysctl.conf";
  f.location.span = {500, 3};  // past the end, reversed
  f.location.start = {99, 0};
  f.location.end = {0, 4000};
  f.related.push_back(f.location);
  f.fix = Fix{"t", Applicability::kSafe, {{"etc/sysctl.conf", {7, 2}, ""}}};
  s->report.findings.push_back(f);
  for (std::string_view name : FormatterNames()) {
    const std::string out = Render(name, s->report);
    EXPECT_NE(out.find("SL999"), std::string::npos) << name;
    if (name == "json" || name == "sarif") {
      EXPECT_EQ(CheckJson(out), "") << name;
    }
  }
}

}  // namespace
}  // namespace synlint
