// SPDX-License-Identifier: MIT
// JSON Lines: one finding per line, each the object the `json` format puts
// in "findings" (json_finding.h), compact; nothing else is printed, so a
// run without findings prints nothing. For tools that read a stream.

#include "core/json.h"
#include "linter/output/formatter.h"
#include "linter/output/json_finding.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

class JsonLinesFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    for (size_t i = 0; i < r.findings.size(); ++i) {
      JsonWriter w(0);
      WriteJsonFinding(r, r.findings[i], HostOf(r, i), w);
      out << w.str() << '\n';
    }
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeJsonLinesFormatter() {
  return std::make_unique<JsonLinesFormatter>();
}

}  // namespace synlint
