// SPDX-License-Identifier: MIT
// A YAML block scalar ('|' literal or '>' folded) as the text it holds, with
// every byte of that text mapped back to the byte of the file it came from,
// so a configuration held in a ConfigMap is parsed as itself and what is
// found in it points into the manifest.
//
// The text keeps each content line's own bytes (indentation removed, a
// CRLF kept as "\r\n", which every configuration reader here treats as a
// line break); a folded scalar joins lines as YAML does (one line break
// between two plain lines becomes a space; empty lines and more-indented
// lines keep their breaks). Chomping is not applied: the last line keeps its
// break.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"

namespace synlint::yaml {

struct BlockScalar {
  /// A run of the text: text[text_at, text_at + size) is file[file_at, ...)
  /// when real; a synthetic run (a folded line break) is `size` bytes that
  /// all map to file_at (the break they replace).
  struct Run {
    uint32_t text_at = 0;
    uint32_t file_at = 0;
    uint32_t size = 0;
    bool synthetic = false;
  };
  char style = '|';
  std::string text;
  std::vector<Run> runs;
  Span header;       // the '|' or '>' and its indicators
  uint32_t indent = 0;  // of the content lines, in spaces
  Span body;         // from the first content line to the end of the last

  /// The file offset of text offset `at` (text.size() maps past the last run).
  uint32_t ToFile(uint32_t at) const;
  /// ToFile() of both ends.
  Span ToFile(Span s) const { return Span{ToFile(s.begin), ToFile(s.end)}; }
};

/// Reads the block scalar whose header is at `at` (a '|' or '>'); nullopt
/// when there is none there.
std::optional<BlockScalar> ReadBlockScalar(std::string_view file, uint32_t at);

}  // namespace synlint::yaml
