// SPDX-License-Identifier: MIT
// Inline suppression comments: `# synlint: disable=SL104,SL105 reason="..."`
// (the next non-comment line, or the same line after an nginx statement) and
// `# synlint: disable-file=SL108 reason="..."` (the whole file).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config_format.h"
#include "core/source.h"

namespace synlint::suppress {

/// One well-formed suppression comment.
struct Directive {
  enum class Scope {
    kNextLine,  // a comment line: the next line that is not a comment
    kSameLine,  // an nginx trailing comment: its own line
    kFile,      // disable-file=: every finding in the file
  };
  Scope scope = Scope::kNextLine;
  uint32_t line = 0;         // 1-based line of the comment
  uint32_t target_line = 0;  // line it covers (0: none, e.g. at the end of the file)
  Span comment;              // from the comment leader to the end of the line
  Span removal;              // bytes that delete the directive (the line, or the trailing comment)
  Span id_list;              // the rule IDs as written, first to last
  std::vector<std::string> ids;
  std::vector<Span> id_spans;
  std::optional<std::string> reason;  // absent, or empty when written as reason=""
};

/// A comment that starts with `synlint:` but cannot be read, or a directive
/// written where the format has no comment.
struct DirectiveProblem {
  Span span;
  std::string message;  // lowercase, no final period
};

struct ScanResult {
  std::vector<Directive> directives;  // in file order
  std::vector<DirectiveProblem> problems;
};

/// Finds the suppression comments of `file`; `format` is nullopt when unknown.
/// A comment line is one whose first non-blank byte is `#`, or `;` for sysctl
/// and systemd. Only nginx has trailing comments (a `#` outside quotes at the
/// start of a word); in sysctl, Apache and systemd files a `# synlint:` after
/// text is part of the value and is reported as a problem (the format's
/// traits, core/config_format.h).
ScanResult ScanDirectives(const SourceFile& file, std::optional<ConfigFormat> format);

}  // namespace synlint::suppress
