// SPDX-License-Identifier: MIT
// Files compiled into the binary (knowledge base, rule docs).
#pragma once

#include <cstddef>
#include <string_view>

namespace synlint {

struct EmbeddedFile {
  std::string_view path;  // relative to the source tree
  std::string_view text;
};

}  // namespace synlint
