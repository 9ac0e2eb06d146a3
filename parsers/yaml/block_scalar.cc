// SPDX-License-Identifier: MIT
#include "parsers/yaml/block_scalar.h"

#include <algorithm>

namespace synlint::yaml {

namespace {

struct Line {
  uint32_t begin = 0;        // first byte of the line
  uint32_t content = 0;      // first byte after the indentation (clamped to the break)
  uint32_t break_at = 0;     // the '\r' or '\n' ending it (or the end of the file)
  uint32_t end = 0;          // past the break
  bool empty = false;        // only spaces
  bool more_indented = false;
};

}  // namespace

uint32_t BlockScalar::ToFile(uint32_t at) const {
  if (runs.empty()) return body.begin;
  auto it = std::upper_bound(runs.begin(), runs.end(), at,
                             [](uint32_t v, const Run& r) { return v < r.text_at; });
  if (it == runs.begin()) return runs.front().file_at;
  const Run& r = *(it - 1);
  if (at >= r.text_at + r.size) return r.synthetic ? r.file_at + 1 : r.file_at + r.size;
  return r.synthetic ? r.file_at : r.file_at + (at - r.text_at);
}

std::optional<BlockScalar> ReadBlockScalar(std::string_view file, uint32_t at) {
  if (at >= file.size() || (file[at] != '|' && file[at] != '>')) return std::nullopt;
  BlockScalar b;
  b.style = file[at];
  uint32_t p = at + 1;
  uint32_t explicit_indent = 0;
  while (p < file.size() && (file[p] == '+' || file[p] == '-' || (file[p] >= '1' && file[p] <= '9'))) {
    if (file[p] != '+' && file[p] != '-') explicit_indent = static_cast<uint32_t>(file[p] - '0');
    ++p;
  }
  b.header = Span{at, p};
  while (p < file.size() && file[p] != '\n') ++p;  // comment after the header
  if (p >= file.size()) {
    b.body = Span{static_cast<uint32_t>(file.size()), static_cast<uint32_t>(file.size())};
    return b;
  }
  ++p;
  // The parent's indentation: that of the line holding the header.
  uint32_t ls = at;
  while (ls > 0 && file[ls - 1] != '\n') --ls;
  uint32_t parent = 0;
  while (ls + parent < at && file[ls + parent] == ' ') ++parent;

  std::vector<Line> lines;
  uint32_t indent = explicit_indent ? parent + explicit_indent : 0;
  for (uint32_t q = p; q < file.size();) {
    Line l;
    l.begin = q;
    uint32_t e = q;
    while (e < file.size() && file[e] != '\n') ++e;
    l.end = e < file.size() ? e + 1 : e;
    l.break_at = (e > q && file[e - 1] == '\r') ? e - 1 : e;
    uint32_t sp = 0;
    while (q + sp < l.break_at && file[q + sp] == ' ') ++sp;
    l.empty = q + sp == l.break_at;
    if (!l.empty && indent == 0) {
      if (sp <= parent) break;  // no content at all
      indent = sp;
    }
    if (!l.empty && sp < indent) break;
    l.content = std::min(q + indent, l.break_at);
    if (l.empty && sp > indent) l.content = q + indent;  // spaces beyond the indentation are content
    l.more_indented = !l.empty && (file[l.content] == ' ' || file[l.content] == '\t');
    lines.push_back(l);
    q = l.end;
  }
  // Trailing empty lines belong to the scalar only as its chomped end; keep
  // them out of the body so an edit after the scalar lands after its text.
  while (!lines.empty() && lines.back().empty) lines.pop_back();
  b.indent = indent;
  if (lines.empty()) {
    b.body = Span{p, p};
    return b;
  }
  b.body = Span{lines.front().begin, lines.back().end};

  auto add_real = [&](uint32_t from, uint32_t to) {
    if (to <= from) return;
    b.runs.push_back({static_cast<uint32_t>(b.text.size()), from, to - from, false});
    b.text.append(file.substr(from, to - from));
  };
  auto add_synthetic = [&](char c, uint32_t where) {
    b.runs.push_back({static_cast<uint32_t>(b.text.size()), where, 1, true});
    b.text.push_back(c);
  };
  if (b.style == '|') {
    for (const Line& l : lines) add_real(l.content, l.end);
    return b;
  }
  // Folded: lines are joined as YAML folds them.
  size_t i = 0;
  while (i < lines.size() && lines[i].empty) add_real(lines[i].break_at, lines[i].end), ++i;
  while (i < lines.size()) {
    const Line& l = lines[i];
    add_real(l.content, l.break_at);
    size_t j = i + 1;
    while (j < lines.size() && lines[j].empty) ++j;
    if (j >= lines.size()) {
      add_real(l.break_at, l.end);
      break;
    }
    const bool plain_pair = !l.more_indented && !lines[j].more_indented;
    if (plain_pair && j == i + 1) {
      add_synthetic(' ', l.break_at);
    } else if (plain_pair) {
      for (size_t k = i + 1; k < j; ++k) add_real(lines[k].break_at, lines[k].end);
    } else {
      add_real(l.break_at, l.end);
      for (size_t k = i + 1; k < j; ++k) add_real(lines[k].break_at, lines[k].end);
    }
    i = j;
  }
  return b;
}

}  // namespace synlint::yaml
