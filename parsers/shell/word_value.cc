// SPDX-License-Identifier: MIT
#include "parsers/shell/word_value.h"

namespace synlint::shell {

namespace {

void Literal(WordValue& out, std::string_view text, uint32_t at) {
  for (size_t i = 0; i < text.size(); ++i) {
    out.text.push_back(text[i]);
    out.from.push_back(at + static_cast<uint32_t>(i));
  }
}

void Dynamic(WordValue& out, std::string why) {
  if (!out.dynamic) out.why = std::move(why);
  out.dynamic = true;
}

// An unquoted word: a backslash escapes the next character (and a backslash-newline is removed).
void UnquotedWord(WordValue& out, std::string_view text, uint32_t at) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      ++i;
      if (text[i] == '\n') continue;
    }
    out.text.push_back(text[i]);
    out.from.push_back(at + static_cast<uint32_t>(i));
  }
}

// Inside double quotes a backslash escapes only $ ` " \ and newline.
void DoubleQuotedText(WordValue& out, std::string_view text, uint32_t at) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && std::string_view("$`\"\\\n").find(text[i + 1]) != std::string_view::npos) {
      ++i;
      if (text[i] == '\n') continue;
    }
    out.text.push_back(text[i]);
    out.from.push_back(at + static_cast<uint32_t>(i));
  }
}

void Eval(const BashTree& tree, TSNode n, const Variables& vars, uint32_t scope, WordValue& out, int depth);

void Variable(const BashTree& tree, TSNode n, std::string_view name, const Variables& vars, uint32_t scope,
              WordValue& out, int depth) {
  std::string why;
  TSNode value = vars.Lookup(name, BashTree::Start(n), scope, &why);
  if (ts_node_is_null(value)) {
    Dynamic(out, why);
    return;
  }
  WordValue inner;
  Eval(tree, value, vars, scope, inner, depth + 1);
  if (inner.dynamic) {
    Dynamic(out, inner.why);
    return;
  }
  out.text += inner.text;
  out.from.insert(out.from.end(), inner.text.size(), WordValue::kComputed);
}

void Eval(const BashTree& tree, TSNode n, const Variables& vars, uint32_t scope, WordValue& out, int depth) {
  if (depth > 16) return Dynamic(out, "variables nested too deep");
  const std::string_view type = ts_node_type(n);
  const std::string_view text = tree.Text(n);
  const uint32_t at = BashTree::Start(n);
  if (type == "word" || type == "number") return UnquotedWord(out, text, at);
  if (type == "raw_string") {
    if (text.size() >= 2) Literal(out, text.substr(1, text.size() - 2), at + 1);
    return;
  }
  if (type == "string") {
    // Children are the quoted pieces; the bytes between them (after the opening quote) are text too.
    uint32_t pos = at + 1;
    const uint32_t end = BashTree::End(n) - 1;
    const uint32_t count = ts_node_named_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_named_child(n, i);
      const uint32_t s = BashTree::Start(c);
      if (s > pos) DoubleQuotedText(out, tree.text().substr(pos, s - pos), pos);
      if (BashTree::Is(c, "string_content")) DoubleQuotedText(out, tree.Text(c), s);
      else Eval(tree, c, vars, scope, out, depth);
      pos = BashTree::End(c);
    }
    if (end > pos) DoubleQuotedText(out, tree.text().substr(pos, end - pos), pos);
    return;
  }
  if (type == "concatenation") {
    uint32_t pos = at;
    const uint32_t count = ts_node_child_count(n);
    for (uint32_t i = 0; i < count; ++i) {
      TSNode c = ts_node_child(n, i);
      const uint32_t s = BashTree::Start(c);
      if (s > pos) UnquotedWord(out, tree.text().substr(pos, s - pos), pos);
      Eval(tree, c, vars, scope, out, depth);
      pos = BashTree::End(c);
    }
    if (BashTree::End(n) > pos) UnquotedWord(out, tree.text().substr(pos, BashTree::End(n) - pos), pos);
    return;
  }
  if (type == "simple_expansion" || type == "expansion") {
    // $NAME or ${NAME}: nothing else inside (no operator, index or default).
    const uint32_t count = ts_node_named_child_count(n);
    TSNode name = count == 1 ? ts_node_named_child(n, 0) : TSNode{};
    const bool plain = count == 1 && BashTree::Is(name, "variable_name") &&
                       (type == "simple_expansion" || text == "${" + std::string(tree.Text(name)) + "}");
    if (!plain) return Dynamic(out, "expansion '" + std::string(text) + "'");
    return Variable(tree, n, tree.Text(name), vars, scope, out, depth);
  }
  if (!ts_node_is_named(n)) return Literal(out, text, at);  // punctuation of a concatenation
  if (type == "command_substitution") return Dynamic(out, "command substitution");
  if (type == "arithmetic_expansion") return Dynamic(out, "arithmetic expansion");
  Dynamic(out, std::string(type));
}

}  // namespace

Span WordValue::SourceOf(size_t begin, size_t end, bool* exact) const {
  bool ok = begin < end;
  uint32_t first = WordValue::kComputed, last = 0;
  for (size_t i = begin; i < end; ++i) {
    if (from[i] == kComputed) {
      ok = false;
      continue;
    }
    if (first == kComputed) first = from[i];
    else if (from[i] != last + 1) ok = false;
    last = from[i];
  }
  if (exact) *exact = ok;
  if (first == kComputed) return {};
  return {first, last + 1};
}

void Variables::Collect(const BashTree& tree) {
  tree.Walk([&](TSNode n, const std::vector<WalkFrame>& path) {
    const WalkFrame here = path.empty() ? WalkFrame{} : path.back();
    if (BashTree::Is(n, "variable_assignment")) {
      TSNode name = ts_node_child_by_field_name(n, "name", 4);
      TSNode value = ts_node_child_by_field_name(n, "value", 5);
      if (!BashTree::Is(name, "variable_name")) return;
      Assigned& a = assigned_[std::string(tree.Text(name))];
      ++a.count;
      a.value = value;
      a.in_loop = here.in_loop;
      a.scope = here.scope;
      a.end = BashTree::End(n);
      return;
    }
    // `for NAME in` and `read NAME` assign too: such a name is never a constant.
    if (BashTree::Is(n, "for_statement")) {
      TSNode var = ts_node_child_by_field_name(n, "variable", 8);
      if (!ts_node_is_null(var)) assigned_[std::string(tree.Text(var))].count += 2;
    }
    if (BashTree::Is(n, "command")) {
      TSNode name = ts_node_child_by_field_name(n, "name", 4);
      const std::string_view cmd = ts_node_is_null(name) ? "" : tree.Text(name);
      if (cmd == "read" || cmd == "getopts" || cmd == "mapfile" || cmd == "readarray") {
        const uint32_t count = ts_node_named_child_count(n);
        for (uint32_t i = 0; i < count; ++i) {
          TSNode c = ts_node_named_child(n, i);
          if (BashTree::Is(c, "word")) assigned_[std::string(tree.Text(c))].count += 2;
        }
      }
    }
  });
}

TSNode Variables::Lookup(std::string_view name, uint32_t use_start, uint32_t use_scope, std::string* why) const {
  const auto it = assigned_.find(std::string(name));
  auto fail = [&](std::string reason) {
    *why = "'$" + std::string(name) + "' " + reason;
    return TSNode{};
  };
  if (it == assigned_.end()) return fail("is not assigned in this script");
  const Assigned& a = it->second;
  if (a.count != 1) return fail("is assigned more than once");
  if (a.in_loop) return fail("is assigned in a loop");
  if (a.scope != use_scope) return fail("is assigned in another function");
  if (a.end > use_start) return fail("is assigned after its use");
  if (ts_node_is_null(a.value)) return fail("is assigned an empty value");
  return a.value;
}

WordValue Evaluate(const BashTree& tree, TSNode word, const Variables& vars, uint32_t scope) {
  WordValue out;
  Eval(tree, word, vars, scope, out, 0);
  return out;
}

}  // namespace synlint::shell
