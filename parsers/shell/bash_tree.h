// SPDX-License-Identifier: MIT
// A tree-sitter-bash parse of one script (the grammar is fetched at configure time,
// cmake/tree_sitter_bash.cmake), and small helpers over its nodes.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include <tree_sitter/api.h>

#include "core/syntax.h"

namespace synlint::shell {

/// A node on the path from the root to the node being visited, with what it implies for the
/// nodes below it.
struct WalkFrame {
  TSNode node;
  uint32_t scope = UINT32_MAX;  // start byte of the innermost enclosing function, or UINT32_MAX
  bool in_loop = false;         // inside a for/while/until loop (of that function)
};

/// Owns a parser and the tree of `text`; `text` must outlive it.
class BashTree {
 public:
  explicit BashTree(std::string_view text);
  ~BashTree();
  BashTree(const BashTree&) = delete;
  BashTree& operator=(const BashTree&) = delete;

  TSNode root() const { return ts_tree_root_node(tree_); }
  std::string_view text() const { return text_; }
  std::string_view Text(TSNode n) const { return text_.substr(Start(n), End(n) - Start(n)); }
  static uint32_t Start(TSNode n) { return ts_node_start_byte(n); }
  static uint32_t End(TSNode n) { return ts_node_end_byte(n); }
  static Span SpanOf(TSNode n) { return {Start(n), End(n)}; }
  static bool Is(TSNode n, std::string_view type) { return !ts_node_is_null(n) && type == ts_node_type(n); }

  /// Visits every node in document order with the path of its ancestors (root first, parent
  /// last), with a tree cursor: no recursion, and no ts_node_parent(), which walks down from the
  /// root each time (deeply nested input would make that quadratic).
  void Walk(const std::function<void(TSNode node, const std::vector<WalkFrame>& ancestors)>& fn) const;

 private:
  std::string_view text_;
  TSParser* parser_ = nullptr;
  TSTree* tree_ = nullptr;
};

}  // namespace synlint::shell
