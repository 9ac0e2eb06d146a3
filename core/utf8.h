// SPDX-License-Identifier: MIT
// Decoding UTF-8, the one place that knows its rules: sequences of 1 to 4
// bytes, no overlong forms, no surrogates, nothing above U+10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace synlint {

/// Length of the valid UTF-8 sequence that starts at `s[i]` (1 to 4), or 0
/// when `s[i]` starts none. Stores the code point in `cp` when given.
size_t Utf8SequenceLength(std::string_view s, size_t i, uint32_t* cp = nullptr);

/// Returns the offset of the first byte that is not valid UTF-8, or npos.
size_t FindInvalidUtf8(std::string_view text);

}  // namespace synlint
