// SPDX-License-Identifier: MIT
// Source text, byte spans and line/column mapping.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/path_ref.h"

namespace synlint {

/// A half-open byte range [begin, end) into a file's original bytes.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  bool operator==(const Span&) const = default;
};

/// A 1-based line and a 1-based column counted in bytes.
struct LineCol {
  uint32_t line = 1;
  uint32_t column = 1;
  bool operator==(const LineCol&) const = default;
};

/// Maps byte offsets to line/column. Lines end at '\n'; a '\r' before it
/// belongs to the line's terminator, not its text.
class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  LineCol At(uint32_t offset) const;
  /// Number of lines (a final line without '\n' counts; an empty file has 1).
  uint32_t LineCount() const { return static_cast<uint32_t>(starts_.size()); }
  /// Byte offset where 1-based `line` starts.
  uint32_t LineStart(uint32_t line) const;
  /// The text of 1-based `line` without its terminator ("\n" or "\r\n").
  std::string_view LineText(std::string_view text, uint32_t line) const;

 private:
  std::vector<uint32_t> starts_{0};
};

/// One file as read: its bytes are the truth, everything else derives from them.
struct SourceFile {
  /// Path shown to users and used in diffs: relative to the root
  /// ("etc/sysctl.conf"), '/'-separated, for the file's real location.
  std::string path;
  std::string text;

  SourceFile() = default;
  SourceFile(std::string p, std::string t) : path(std::move(p)), text(std::move(t)) {}
  std::string_view Slice(Span s) const {
    return std::string_view(text).substr(s.begin, s.size());
  }
  /// Line starts of `text`, indexed on first use: a file nothing reports a
  /// line of (most files of a clean host, a parse dump) never pays for it.
  /// Not thread-safe; `text` must not change once it is built.
  const LineIndex& lines() const {
    if (!lines_built_) {
      lines_ = LineIndex(text);
      lines_built_ = true;
    }
    return lines_;
  }
  /// `path` interned (see PathRef), on first use; `path` must not change
  /// after that.
  PathRef path_ref() const {
    if (path_ref_.empty() && !path.empty()) path_ref_ = PathRef(path);
    return path_ref_;
  }

 private:
  mutable LineIndex lines_;
  mutable bool lines_built_ = false;
  mutable PathRef path_ref_;
};

}  // namespace synlint
