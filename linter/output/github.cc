// SPDX-License-Identifier: MIT
// GitHub Actions workflow commands, one annotation per finding:
//   ::error file=etc/nginx/nginx.conf,line=4,col=13,endLine=4,endColumn=25,title=SL201::MESSAGE
// error -> ::error, warning -> ::warning, info -> ::notice. Property values
// escape '%', '\r', '\n', ':' and ','; the message escapes '%', '\r' and
// '\n'. A finding about a whole file (one that could not be read) has no
// line or column. Columns count bytes. A file whose name is not UTF-8 is
// named in the message (quoted as git quotes it), never by `file=`.

#include <string>

#include "core/c_quote.h"
#include "core/utf8.h"
#include "linter/output/escape.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

std::string_view Command(Severity s) {
  switch (s) {
    case Severity::kError: return "error";
    case Severity::kWarning: return "warning";
    case Severity::kInfo: return "notice";
  }
  return "warning";
}

class GithubFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    for (const Finding& f : r.findings) {
      const Location& loc = f.location;
      out << "::" << Command(f.severity) << " ";
      // A workflow command is UTF-8: a name that is not cannot be given as
      // `file=` without naming another file (U+FFFD for its bytes). Such an
      // annotation names no file; the message starts with the name quoted
      // as git quotes it.
      const bool named = FindInvalidUtf8(loc.file) == std::string_view::npos;
      if (named) {
        out << "file=" << EscapeGithubProperty(loc.file);
        if (HasPosition(r, loc)) {
          out << ",line=" << loc.start.line << ",col=" << loc.start.column
              << ",endLine=" << loc.end.line << ",endColumn=" << loc.end.column;
        }
        out << ",";
      }
      out << "title=" << EscapeGithubProperty(f.rule) << "::";
      if (!named) {
        out << EscapeGithubData(CQuoted(loc.file));
        if (HasPosition(r, loc)) out << ":" << loc.start.line << ":" << loc.start.column;
        out << ": ";
      }
      out << EscapeGithubData(f.message) << '\n';
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeGithubFormatter() {
  return std::make_unique<GithubFormatter>();
}

}  // namespace synlint
