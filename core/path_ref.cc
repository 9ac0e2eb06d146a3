// SPDX-License-Identifier: MIT
#include "core/path_ref.h"

#include <ostream>
#include <unordered_set>

namespace synlint {

namespace {

struct Hash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>()(s); }
};

// Node-based, so an interned string never moves. Built on first use and
// never destroyed: Locations in static objects may outlive any static here.
std::unordered_set<std::string, Hash, std::equal_to<>>& Pool() {
  static auto* pool = new std::unordered_set<std::string, Hash, std::equal_to<>>();
  return *pool;
}

const std::string* Intern(std::string_view path) {
  auto& pool = Pool();
  auto it = pool.find(path);
  if (it == pool.end()) it = pool.emplace(path).first;
  return &*it;
}

}  // namespace

const std::string* PathRef::Empty() {
  static const std::string* const empty = Intern("");
  return empty;
}

PathRef::PathRef() : path_(Empty()) {}

PathRef::PathRef(std::string_view path) : path_(Intern(path)) {}

std::ostream& operator<<(std::ostream& out, PathRef path) { return out << path.str(); }

}  // namespace synlint
