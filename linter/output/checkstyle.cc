// SPDX-License-Identifier: MIT
// Checkstyle XML, read by Jenkins (warnings-ng), reviewdog (-f=checkstyle)
// and many CI dashboards; it passes checkstyle's report schema
// (tests/output/schemas/checkstyle.xsd).
//
// <checkstyle version="4.3">
//   <file name="etc/sysctl.conf">
//     <error line="3" column="1" severity="warning" message="MESSAGE" source="SL104"/>
//   </file>
//   <file name="etc/sysctl.d/10-network.conf"/>
// </checkstyle>
//
// Every file of the run is listed, those without findings empty. Severities
// are error, warning and info; columns count bytes; a finding about a whole
// file has no line or column.

#include <map>
#include <vector>

#include "linter/output/escape.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

class CheckstyleFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    std::map<std::string, std::vector<const Finding*>> by_file;
    for (const Finding& f : r.findings) by_file[f.location.file].push_back(&f);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n";
    for (const std::string& file : ReportedFiles(r)) {
      out << "  <file name=\"" << EscapeXml(file, true) << "\"";
      auto it = by_file.find(file);
      if (it == by_file.end()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      for (const Finding* f : it->second) {
        out << "    <error";
        if (HasPosition(r, f->location) && f->location.start.line > 0) {
          out << " line=\"" << f->location.start.line << "\"";
          if (f->location.start.column > 0) out << " column=\"" << f->location.start.column << "\"";
        }
        out << " severity=\"" << SeverityName(f->severity) << "\" message=\""
            << EscapeXml(f->message, true) << "\" source=\"" << EscapeXml(f->rule, true) << "\"/>\n";
      }
      out << "  </file>\n";
    }
    out << "</checkstyle>\n";
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeCheckstyleFormatter() {
  return std::make_unique<CheckstyleFormatter>();
}

}  // namespace synlint
