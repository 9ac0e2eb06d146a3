// SPDX-License-Identifier: MIT
// Text built in pieces and, when a stream is given, handed to it about
// 64 KiB at a time, so the dump of a big file is never held whole.
#pragma once

#include <ostream>
#include <string>
#include <utility>

namespace synlint {

class TextSink {
 public:
  /// Without a stream the text accumulates and Take() returns it.
  explicit TextSink(std::ostream* os = nullptr) : os_(os) {}

  /// Where writers append, and what is not handed over yet.
  std::string* out() { return &buf_; }
  const std::string& pending() const { return buf_; }
  /// Writers call this between items: hands the text over once it is big.
  void Checkpoint() {
    if (os_ && buf_.size() >= kPiece) Flush();
  }
  /// Hands everything to the stream (nothing without one).
  void Flush() {
    if (!os_ || buf_.empty()) return;
    last_ = buf_.back();
    any_ = true;
    os_->write(buf_.data(), static_cast<std::streamsize>(buf_.size()));
    buf_.clear();
  }
  /// Whether anything was written, and the last byte written.
  bool Empty() const { return buf_.empty() && !any_; }
  char Last() const { return buf_.empty() ? last_ : buf_.back(); }
  std::string Take() { return std::move(buf_); }

 private:
  static constexpr size_t kPiece = 64 * 1024;
  std::ostream* os_;
  std::string buf_;
  char last_ = '\0';
  bool any_ = false;
};

}  // namespace synlint
