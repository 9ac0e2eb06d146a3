// SPDX-License-Identifier: MIT
#include "core/service.h"

#include <algorithm>

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
                           const Location* at, QuotedPath quoted) {
  Finding f;
  f.rule = "SL002";
  f.severity = Severity::kError;
  if (at) {
    f.location = *at;
    f.message = "'" + path + "': " + reason;
    if (quoted == QuotedPath::kInRoot && !path.empty()) f.message_paths.emplace_back(path);
  } else {
    f.location.file = path;
    f.message = reason;
  }
  return f;
}

std::string IncludeCycleChain(const std::vector<std::string>& files, Finding* f) {
  std::string chain;
  for (const std::string& file : files) {
    chain += (chain.empty() ? "" : " -> ") + file;
    if (std::find(f->message_paths.begin(), f->message_paths.end(), file) == f->message_paths.end())
      f->message_paths.emplace_back(file);
  }
  return chain;
}

}  // namespace synlint
