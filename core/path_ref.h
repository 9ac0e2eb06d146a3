// SPDX-License-Identifier: MIT
// PathRef: a file path interned for the life of the process.
//
// Every Location names its file, and a check of a host with thousands of
// files makes hundreds of thousands of Locations (listeners, settings,
// findings and their notes), nearly all for a few thousand paths. Held as a
// std::string, each was 32 bytes plus a heap copy of the path; a PathRef is
// one pointer to the single copy, and copying or comparing two is free.
// Interned paths are never freed (a process sees a bounded set of paths).
// Not thread-safe, like the rest of the engine.
#pragma once

#include <compare>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace synlint {

class PathRef {
 public:
  /// The empty path.
  PathRef();
  /// Interns `path` (a hash lookup; copies it the first time only).
  PathRef(std::string_view path);  // NOLINT(google-explicit-constructor): paths are strings
  PathRef(const std::string& path) : PathRef(std::string_view(path)) {}  // NOLINT
  PathRef(const char* path) : PathRef(std::string_view(path)) {}          // NOLINT

  const std::string& str() const { return *path_; }
  operator const std::string&() const { return *path_; }  // NOLINT
  operator std::string_view() const { return *path_; }     // NOLINT
  const char* c_str() const { return path_->c_str(); }
  bool empty() const { return path_->empty(); }
  size_t size() const { return path_->size(); }
  bool starts_with(std::string_view prefix) const { return path_->starts_with(prefix); }

  /// Interned: equal paths are the same pointer.
  friend bool operator==(PathRef a, PathRef b) { return a.path_ == b.path_; }
  friend bool operator==(PathRef a, std::string_view b) { return *a.path_ == b; }
  friend bool operator==(PathRef a, const std::string& b) { return *a.path_ == b; }
  friend bool operator==(PathRef a, const char* b) { return *a.path_ == b; }
  /// Ordered by the path's bytes, as the strings were.
  friend std::strong_ordering operator<=>(PathRef a, PathRef b) {
    return a.path_ == b.path_ ? std::strong_ordering::equal : *a.path_ <=> *b.path_;
  }

  friend std::string operator+(PathRef a, std::string_view b) { return std::string(*a.path_).append(b); }
  friend std::string operator+(PathRef a, const std::string& b) { return *a.path_ + b; }
  friend std::string operator+(PathRef a, const char* b) { return *a.path_ + b; }
  friend std::string operator+(PathRef a, char b) { return *a.path_ + b; }
  friend std::string operator+(const std::string& a, PathRef b) { return a + *b.path_; }
  friend std::string operator+(const char* a, PathRef b) { return a + *b.path_; }
  friend std::string operator+(std::string&& a, PathRef b) { return std::move(a) + *b.path_; }

 private:
  static const std::string* Empty();
  const std::string* path_;
};

std::ostream& operator<<(std::ostream& out, PathRef path);

}  // namespace synlint

template <>
struct std::hash<synlint::PathRef> {
  size_t operator()(synlint::PathRef p) const noexcept { return std::hash<std::string>()(p.str()); }
};
