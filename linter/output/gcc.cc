// SPDX-License-Identifier: MIT
// The gcc/clang diagnostic line, one per finding, for editors and other tools
// that parse compiler output:
//   etc/sysctl.conf:3:1: warning: MESSAGE [SL104]
// Severities: error, warning, and note for info. Columns count bytes.
// Control characters and bad UTF-8 are escaped as in the text format.

#include "linter/output/escape.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

std::string_view GccSeverity(Severity s) {
  return s == Severity::kInfo ? "note" : SeverityName(s);
}

class GccFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    for (const Finding& f : r.findings) {
      out << EscapeForTerminal(PositionText(f.location)) << ": "
          << GccSeverity(f.severity) << ": " << EscapeForTerminal(f.message)
          << " [" << EscapeForTerminal(f.rule) << "]\n";
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeGccFormatter() {
  return std::make_unique<GccFormatter>();
}

}  // namespace synlint
