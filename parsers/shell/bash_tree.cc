// SPDX-License-Identifier: MIT
#include "parsers/shell/bash_tree.h"

#include <stdexcept>

extern "C" const TSLanguage* tree_sitter_bash();

namespace synlint::shell {

BashTree::BashTree(std::string_view text) : text_(text), parser_(ts_parser_new()) {
  // A grammar of another ABI than the library's fails here, not later.
  if (!ts_parser_set_language(parser_, tree_sitter_bash())) {
    ts_parser_delete(parser_);
    throw std::runtime_error("tree-sitter-bash: the grammar's ABI does not match libtree-sitter's");
  }
  tree_ = ts_parser_parse_string(parser_, nullptr, text.data(), static_cast<uint32_t>(text.size()));
}

void BashTree::Walk(const std::function<void(TSNode, const std::vector<WalkFrame>&)>& fn) const {
  TSTreeCursor cursor = ts_tree_cursor_new(root());
  std::vector<WalkFrame> path;
  for (;;) {
    const TSNode node = ts_tree_cursor_current_node(&cursor);
    fn(node, path);
    if (ts_tree_cursor_goto_first_child(&cursor)) {
      WalkFrame f{node};
      const WalkFrame parent = path.empty() ? WalkFrame{} : path.back();
      const std::string_view type = ts_node_type(node);
      if (type == "function_definition") {
        f.scope = Start(node);
        f.in_loop = false;
      } else {
        f.scope = parent.scope;
        f.in_loop = parent.in_loop || type == "for_statement" || type == "c_style_for_statement" ||
                    type == "while_statement";
      }
      path.push_back(f);
      continue;
    }
    bool done = false;
    while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
      if (!ts_tree_cursor_goto_parent(&cursor)) {
        done = true;
        break;
      }
      path.pop_back();
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&cursor);
}

BashTree::~BashTree() {
  ts_tree_delete(tree_);
  ts_parser_delete(parser_);
}

}  // namespace synlint::shell
