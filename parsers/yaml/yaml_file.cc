// SPDX-License-Identifier: MIT
#include "parsers/yaml/yaml_file.h"

#include <algorithm>

namespace synlint::yaml {

namespace {

uint32_t Clamp(std::string_view text, size_t pos) {
  return static_cast<uint32_t>(std::min(pos, text.size()));
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

YamlFile ReadYaml(std::string_view text) {
  YamlFile out;
  try {
    for (YAML::Node& d : YAML::LoadAll(std::string(text))) {
      if (!d.IsNull()) out.docs.push_back(std::move(d));
    }
  } catch (const YAML::Exception& e) {
    out.docs.clear();
    SyntaxError err;
    const uint32_t at = e.mark.is_null() ? 0 : Clamp(text, static_cast<size_t>(std::max(0, e.mark.pos)));
    err.span = Span{at, at};
    err.message = "yaml: " + Lower(e.msg);
    out.error = std::move(err);
  } catch (const std::exception& e) {
    out.docs.clear();
    out.error = SyntaxError{Span{0, 0}, std::string("yaml: ") + e.what(), ""};
  }
  return out;
}

uint32_t NodeStart(std::string_view text, const YAML::Node& node) {
  size_t p = static_cast<size_t>(std::max(0, node.Mark().pos));
  // An anchor or a tag comes before the node's own text.
  for (int guard = 0; guard < 2 && p < text.size() && (text[p] == '&' || text[p] == '!'); ++guard) {
    while (p < text.size() && text[p] != ' ' && text[p] != '\t' && text[p] != '\n' && text[p] != '\r') ++p;
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
  }
  return Clamp(text, p);
}

bool IsFlow(std::string_view text, const YAML::Node& node) {
  const uint32_t p = NodeStart(text, node);
  return p < text.size() && (text[p] == '[' || text[p] == '{');
}

std::optional<Scalar> ScalarOf(std::string_view text, const YAML::Node& node) {
  if (!node.IsScalar() || node.Mark().is_null()) return std::nullopt;
  Scalar s;
  s.value = node.Scalar();
  const uint32_t b = NodeStart(text, node);
  size_t e = b;
  if (b >= text.size()) return std::nullopt;
  const char c = text[b];
  if (c == '"') {
    s.quoted = true;
    for (e = b + 1; e < text.size() && text[e] != '"'; ++e) {
      if (text[e] == '\\') ++e;
    }
    e = std::min(e + 1, text.size());
  } else if (c == '\'') {
    s.quoted = true;
    for (e = b + 1; e < text.size(); ++e) {
      if (text[e] != '\'') continue;
      if (e + 1 < text.size() && text[e + 1] == '\'') {
        ++e;
        continue;
      }
      break;
    }
    e = std::min(e + 1, text.size());
  } else if (c == '|' || c == '>') {
    e = b + 1;
  } else {
    // A plain scalar ends at the line's end, at " #", or (in flow) at , ] }.
    // Multi-line plain scalars keep only their first line's span.
    e = b;
    while (e < text.size() && text[e] != '\n' && text[e] != '\r') {
      if (text[e] == '#' && e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) break;
      if ((text[e] == ',' || text[e] == ']' || text[e] == '}') && node.Tag() == "?" &&
          s.value.find(text[e]) == std::string::npos)
        break;
      if (text[e] == ':' && e + 1 < text.size() && (text[e + 1] == ' ' || text[e + 1] == '\n')) break;
      ++e;
    }
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  }
  s.span = Span{b, Clamp(text, e)};
  return s;
}

uint32_t LineStartOf(std::string_view text, uint32_t offset) {
  uint32_t p = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  while (p > 0 && text[p - 1] != '\n') --p;
  return p;
}

std::optional<std::string> LineIndent(std::string_view text, uint32_t offset) {
  const uint32_t start = LineStartOf(text, offset);
  for (uint32_t p = start; p < offset; ++p) {
    if (text[p] != ' ' && text[p] != '\t') return std::nullopt;
  }
  return std::string(text.substr(start, offset - start));
}

std::string LineBreakOf(std::string_view text) {
  const size_t nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

}  // namespace synlint::yaml
