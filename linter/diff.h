// SPDX-License-Identifier: MIT
// Unified diffs that `git apply` and `patch -p1` accept.
#pragma once

#include <string>
#include <string_view>

namespace synlint {

/// One file's change as a unified diff with `context` lines around each hunk,
/// headed `--- a/PATH` / `+++ b/PATH` (`/dev/null` for a created or deleted
/// file; PATH as DiffHeaderName writes it). Returns "" when the texts are equal. Marks a last line without a
/// final newline with `\ No newline at end of file`.
/// PREFIX + PATH as a diff header names it, quoted as git quotes it
/// (quote_c_style) when it holds a control character, '"', '\\', DEL or a
/// byte >= 0x80; followed by a tab when it holds a space (as git does).
std::string DiffHeaderName(std::string_view prefix, std::string_view path);

std::string UnifiedDiff(std::string_view path, std::string_view old_text,
                        std::string_view new_text, bool old_exists = true,
                        int context = 3);

}  // namespace synlint
