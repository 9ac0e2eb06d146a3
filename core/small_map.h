// SPDX-License-Identifier: MIT
// SmallMap<V>: a map from strings to V kept as one sorted vector.
//
// For the handful of named entries each listener and service carries
// (Listener::extra, ServiceFacts::limits): a host of 20,000 socket units has
// 150,000 of them, and a std::map node costs a heap block of its own with
// three pointers and a colour beside the pair. Lookups are a binary search
// over a few entries; iteration is in key order, as std::map's was. The
// subset of std::map's interface the code uses, with string_view lookups.
#pragma once

#include <algorithm>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace synlint {

template <typename V>
class SmallMap {
 public:
  using value_type = std::pair<std::string, V>;
  using iterator = typename std::vector<value_type>::iterator;
  using const_iterator = typename std::vector<value_type>::const_iterator;

  iterator begin() { return items_.begin(); }
  iterator end() { return items_.end(); }
  const_iterator begin() const { return items_.begin(); }
  const_iterator end() const { return items_.end(); }
  size_t size() const { return items_.size(); }
  bool empty() const { return items_.empty(); }

  iterator find(std::string_view key) {
    auto it = LowerBound(key);
    return it != items_.end() && it->first == key ? it : items_.end();
  }
  const_iterator find(std::string_view key) const {
    return const_cast<SmallMap*>(this)->find(key);
  }
  size_t count(std::string_view key) const { return find(key) != end() ? 1 : 0; }
  bool contains(std::string_view key) const { return count(key) != 0; }

  V& at(std::string_view key) {
    auto it = find(key);
    if (it == end()) throw std::out_of_range("SmallMap::at: no entry '" + std::string(key) + "'");
    return it->second;
  }
  const V& at(std::string_view key) const { return const_cast<SmallMap*>(this)->at(key); }

  /// The entry for `key`, value-initialised when new.
  V& operator[](std::string_view key) {
    auto it = LowerBound(key);
    if (it == items_.end() || it->first != key) it = items_.emplace(it, std::string(key), V());
    return it->second;
  }

  /// Inserts when `key` is new; {entry, inserted}.
  template <typename... Args>
  std::pair<iterator, bool> emplace(std::string key, Args&&... args) {
    auto it = LowerBound(key);
    if (it != items_.end() && it->first == key) return {it, false};
    it = items_.emplace(it, std::move(key), V(std::forward<Args>(args)...));
    return {it, true};
  }

  size_t erase(std::string_view key) {
    auto it = find(key);
    if (it == end()) return 0;
    items_.erase(it);
    return 1;
  }

  bool operator==(const SmallMap&) const = default;

 private:
  iterator LowerBound(std::string_view key) {
    return std::lower_bound(items_.begin(), items_.end(), key,
                            [](const value_type& e, std::string_view k) { return e.first < k; });
  }

  std::vector<value_type> items_;
};

}  // namespace synlint
