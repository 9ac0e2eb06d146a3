// SPDX-License-Identifier: MIT
// A strict RFC 8259 syntax check for the machine formats' output.
#pragma once

#include <string>
#include <string_view>

namespace synlint {

/// "" when `text` is exactly one JSON value (with optional surrounding
/// whitespace) whose strings are valid UTF-8 without raw control
/// characters; otherwise what is wrong and at which byte offset.
std::string CheckJson(std::string_view text);

}  // namespace synlint
