// SPDX-License-Identifier: MIT
// The source line under a diagnostic and the caret line that marks its span.
#pragma once

#include <string>

#include "core/finding.h"
#include "core/source.h"

namespace synlint {

/// Two lines to print under a diagnostic, without terminators:
///   line:  "\tlisten 80 backlog=4096;"
///   caret: "\t          ^~~~~~~~~~~~"
/// Tabs are kept so the caret lines up; other control characters and bad
/// UTF-8 are shown escaped ("\x1b", "\xff") and the caret accounts for them.
/// The span is clipped to its first line; an empty span, or one that starts
/// at the end of the line, gets a single '^'.
struct Excerpt {
  std::string line;
  std::string caret;
};
Excerpt MakeExcerpt(const SourceFile& file, const Location& loc);

}  // namespace synlint
