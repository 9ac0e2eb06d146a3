// SPDX-License-Identifier: MIT
// Names written as git writes them when they would break a line-based format:
// quote_c_style() in git's quote.c.
#pragma once

#include <string>
#include <string_view>

namespace synlint {

/// True when `name` holds a byte git quotes: a control character, '"', '\\',
/// DEL or a byte >= 0x80 (git's default core.quotePath).
bool NeedsCQuotes(std::string_view name);

/// `name` in double quotes with C escapes (\n, \t, \", \\, ...; octal \ooo
/// for other bytes), as git quotes a path.
std::string CQuoted(std::string_view name);

}  // namespace synlint
