// SPDX-License-Identifier: MIT
// JUnit XML for CI test reports: one failing testcase per finding (GitLab
// and Jenkins show one failure per testcase), named by rule and place, and
// one passing testcase per file without findings.
//
// <testsuites name="synlint" tests="3" failures="2">
//   <testsuite name="synlint" tests="3" failures="2" errors="0" skipped="0">
//     <testcase classname="etc/sysctl.conf" name="SL104 etc/sysctl.conf:3:1">
//       <failure type="SL104" message="MESSAGE">etc/sysctl.conf:3:1: warning: MESSAGE [SL104]
//   help: set ...</failure>
//     </testcase>
//     <testcase classname="etc/hosts.conf" name="etc/hosts.conf"/>
//   ...
// "tests" counts the testcases, "failures" the findings.

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
    std::map<std::string, std::vector<size_t>> by_file;  // indices into r.findings
    for (size_t i = 0; i < r.findings.size(); ++i) by_file[r.findings[i].location.file].push_back(i);
    const std::vector<std::string> files = ReportedFiles(r);
    const size_t tests = files.size() - by_file.size() + r.findings.size();
    const std::string counts = " tests=\"" + std::to_string(tests) + "\" failures=\"" +
                               std::to_string(r.findings.size()) + "\"";

    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"synlint\"" << counts << ">\n";
    out << "  <testsuite name=\"synlint\"" << counts
        << " errors=\"0\" skipped=\"0\">\n";
    for (const std::string& file : files) {
      const std::string classname = EscapeXml(file, true);
      auto it = by_file.find(file);
      if (it == by_file.end()) {
        out << "    <testcase classname=\"" << classname << "\" name=\"" << classname << "\"/>\n";
        continue;
      }
      for (size_t i : it->second) {
        const Finding& f = r.findings[i];
        std::string name = f.rule + " " + PositionText(f.location);
        if (const std::string_view host = HostOf(r, i); !host.empty()) name += " (host " + std::string(host) + ")";
        out << "    <testcase classname=\"" << classname << "\" name=\"" << EscapeXml(name, true) << "\">\n";
        out << "      <failure type=\"" << EscapeXml(f.rule, true)
            << "\" message=\"" << EscapeXml(f.message, true) << "\">"
            << EscapeXml(FailureText(f), false) << "</failure>\n";
        out << "    </testcase>\n";
      }
    }
    out << "  </testsuite>\n</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeJunitFormatter() {
  return std::make_unique<JunitFormatter>();
}

}  // namespace synlint
