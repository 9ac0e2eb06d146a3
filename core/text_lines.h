// SPDX-License-Identifier: MIT
// Text as lines: cutting it into lines, and the line ending it uses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace synlint {

/// The lines of `text`, each with its terminator ("\n"; a CR stays part of
/// the line); the last line may have none. Empty text has no lines.
std::vector<std::string_view> SplitLines(std::string_view text);

/// "\r\n" when the first line of `text` ends that way, else "\n": what an
/// edit writes so that new lines match the file.
std::string LineEndingOf(std::string_view text);

}  // namespace synlint
