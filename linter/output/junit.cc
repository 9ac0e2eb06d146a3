// SPDX-License-Identifier: MIT
// JUnit XML for CI test reports: one testcase per file (files with no
// findings pass), one <failure> per finding, its type the rule ID.
//
// <testsuites name="synlint" tests="3" failures="2">
//   <testsuite name="synlint" tests="3" failures="2" errors="0" skipped="0">
//     <testcase classname="etc/sysctl.conf" name="etc/sysctl.conf">
//       <failure type="SL104" message="MESSAGE">etc/sysctl.conf:3:1: warning: MESSAGE [SL104]
//   help: set ...</failure>
//     </testcase>
//     <testcase classname="etc/hosts.conf" name="etc/hosts.conf"/>
//   ...
// "failures" counts the failing testcases (files), not the findings.

#include <map>
#include <string>
#include <vector>

#include "linter/output/escape.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

// The failure body: the diagnostic line, its notes and its fix hint.
std::string FailureText(const Finding& f) {
  std::string text = PositionText(f.location) + ": " +
                     std::string(SeverityName(f.severity)) + ": " + f.message +
                     " [" + f.rule + "]";
  for (const Location& rel : f.related)
    text += "\n  " + PositionText(rel) + ": note: " + rel.note;
  if (f.fix) {
    text += "\n  help: " + f.fix->title;
    if (f.fix->applicability == Applicability::kUnsafe) text += " (unsafe fix)";
    if (f.fix->applicability == Applicability::kDisplayOnly)
      text += " (display-only fix)";
  }
  return text;
}

class JunitFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    std::map<std::string, std::vector<const Finding*>> by_file;
    for (const Finding& f : r.findings) by_file[f.location.file].push_back(&f);
    const std::vector<std::string> files = ReportedFiles(r);
    const std::string counts = " tests=\"" + std::to_string(files.size()) +
                               "\" failures=\"" +
                               std::to_string(by_file.size()) + "\"";

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"synlint\"" << counts << ">\n";
    out << "  <testsuite name=\"synlint\"" << counts
        << " errors=\"0\" skipped=\"0\">\n";
    for (const std::string& file : files) {
      const std::string name = EscapeXml(file, true);
      out << "    <testcase classname=\"" << name << "\" name=\"" << name << "\"";
      auto it = by_file.find(file);
      if (it == by_file.end()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      for (const Finding* f : it->second) {
        out << "      <failure type=\"" << EscapeXml(f->rule, true)
            << "\" message=\"" << EscapeXml(f->message, true) << "\">"
            << EscapeXml(FailureText(*f), false) << "</failure>\n";
      }
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeJunitFormatter() {
  return std::make_unique<JunitFormatter>();
}

}  // namespace synlint
