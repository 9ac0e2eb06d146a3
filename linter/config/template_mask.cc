// SPDX-License-Identifier: MIT
#include "linter/config/template_mask.h"

namespace synlint {

namespace {

/// End of the tag opened at `begin` (just past its closing delimiter), or
/// text.size() when it is not closed. Quoted strings inside `{{ }}` and
/// `{% %}` may hold the closing delimiter.
size_t TagEnd(std::string_view text, size_t begin, char kind) {
  const char close = kind == '{' ? '}' : kind;
  char quote = 0;
  for (size_t i = begin + 2; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (kind != '#' && (c == '"' || c == '\'')) {
      quote = c;
      continue;
    }
    if (c == close && i + 1 < text.size() && text[i + 1] == '}') return i + 2;
  }
  return text.size();
}

/// The statement inside a `{% ... %}` tag, without whitespace control marks.
std::string_view Statement(std::string_view tag) {
  if (tag.size() < 4) return {};
  std::string_view s = tag.substr(2, tag.size() - 4);
  auto trim = [](std::string_view v) {
    const size_t a = v.find_first_not_of(" \t\r\n-+");
    if (a == std::string_view::npos) return std::string_view();
    const size_t b = v.find_last_not_of(" \t\r\n-+");
    return v.substr(a, b - a + 1);
  };
  return trim(s);
}

void Fill(std::string* out, size_t begin, size_t end, char with) {
  for (size_t i = begin; i < end; ++i) {
    if ((*out)[i] != '\n' && (*out)[i] != '\r') (*out)[i] = with;
  }
}

}  // namespace

bool LooksLikeTemplate(std::string_view path, std::string_view text) {
  if (path.size() >= 3 && path.substr(path.size() - 3) == ".j2") return true;
  return text.find("{{") != std::string_view::npos || text.find("{%") != std::string_view::npos;
}

std::string MaskTemplate(std::string_view text, std::vector<Span>* masked) {
  std::string out(text);
  size_t i = 0;
  while (i + 1 < text.size()) {
    const size_t open = text.find('{', i);
    if (open == std::string_view::npos || open + 1 >= text.size()) break;
    const char kind = text[open + 1];
    if (kind != '{' && kind != '%' && kind != '#') {
      i = open + 1;
      continue;
    }
    const size_t end = TagEnd(text, open, kind);
    Fill(&out, open, end, kind == '{' ? kPlaceholder : ' ');
    masked->push_back({static_cast<uint32_t>(open), static_cast<uint32_t>(end)});
    i = end;
    if (kind != '%' || Statement(text.substr(open, end - open)) != "raw") continue;
    // Copy the raw block verbatim up to its {% endraw %}.
    for (size_t k = text.find("{%", i); k != std::string_view::npos; k = text.find("{%", k + 2)) {
      const size_t k_end = TagEnd(text, k, '%');
      if (Statement(text.substr(k, k_end - k)) != "endraw") continue;
      Fill(&out, k, k_end, ' ');
      masked->push_back({static_cast<uint32_t>(k), static_cast<uint32_t>(k_end)});
      i = k_end;
      break;
    }
    if (i == end) break;  // no {% endraw %}: the rest is raw text
  }
  return out;
}

bool SpanTouches(const std::vector<Span>& masked, Span span) {
  for (const Span& m : masked) {
    if (span.empty() ? (m.begin <= span.begin && span.begin < m.end)
                     : (span.begin < m.end && m.begin < span.end))
      return true;
  }
  return false;
}

}  // namespace synlint
