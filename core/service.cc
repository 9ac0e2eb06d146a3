// SPDX-License-Identifier: MIT
#include "core/service.h"

namespace synlint {

Finding SyntaxFinding(const SourceFile& file, const SyntaxError& e) {
  Finding f;
  f.rule = "SL001";
  f.severity = Severity::kError;
  f.location = MakeLocation(file, e.span);
  f.message = e.message;
  if (!e.hint.empty()) f.location.note = e.hint;
  return f;
}

Finding FileProblemFinding(const std::string& path, const std::string& reason,
                           const Location* at) {
  Finding f;
  f.rule = "SL002";
  f.severity = Severity::kError;
  if (at) {
    f.location = *at;
    f.message = "'" + path + "': " + reason;
  } else {
    f.location.file = path;
    f.message = reason;
  }
  return f;
}

}  // namespace synlint
