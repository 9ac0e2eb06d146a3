// SPDX-License-Identifier: MIT
#include "parsers/apache/envvars.h"

#include <optional>

namespace synlint::apache {

namespace {

bool IsNameStart(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool IsNameChar(char c) { return IsNameStart(c) || (c >= '0' && c <= '9'); }
bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Expands $NAME and ${NAME}; nullopt when the text needs more than that.
std::optional<std::string> Expand(std::string_view s,
                                  const std::map<std::string, std::string>& vars) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '`') return std::nullopt;
    if (c == '\\' && i + 1 < s.size()) {
      out += s[++i];
      continue;
    }
    if (c != '$') {
      out += c;
      continue;
    }
    std::string_view name;
    if (i + 1 < s.size() && s[i + 1] == '{') {
      const size_t close = s.find('}', i + 2);
      if (close == std::string_view::npos) return std::nullopt;
      name = s.substr(i + 2, close - i - 2);
      i = close;
    } else {
      size_t j = i + 1;
      while (j < s.size() && IsNameChar(s[j])) ++j;
      name = s.substr(i + 1, j - i - 1);
      i = j - 1;
    }
    if (name.empty() || !IsNameStart(name[0])) return std::nullopt;
    for (char n : name) {
      if (!IsNameChar(n)) return std::nullopt;
    }
    auto it = vars.find(std::string(name));
    if (it == vars.end()) return std::nullopt;
    out += it->second;
  }
  return out;
}

// The value part of an assignment: quotes removed, expanded.
std::optional<std::string> Value(std::string_view raw,
                                 const std::map<std::string, std::string>& vars) {
  raw = Trim(raw);
  if (raw.empty()) return std::string();
  if (raw[0] == '\'') {
    const size_t close = raw.find('\'', 1);
    if (close == std::string_view::npos) return std::nullopt;
    if (!Trim(raw.substr(close + 1)).empty()) return std::nullopt;
    return std::string(raw.substr(1, close - 1));
  }
  if (raw[0] == '"') {
    const size_t close = raw.find('"', 1);
    if (close == std::string_view::npos) return std::nullopt;
    if (!Trim(raw.substr(close + 1)).empty()) return std::nullopt;
    return Expand(raw.substr(1, close - 1), vars);
  }
  // Unquoted: one word; a following " # comment" is fine, anything else
  // (a command after the assignment) is not understood.
  size_t end = 0;
  while (end < raw.size() && !IsBlank(raw[end])) ++end;
  const std::string_view rest = Trim(raw.substr(end));
  if (!rest.empty() && rest[0] != '#') return std::nullopt;
  return Expand(raw.substr(0, end), vars);
}

void ParseArguments(std::string_view args, std::vector<std::string>* defines) {
  bool want_name = false;
  size_t i = 0;
  while (i < args.size()) {
    while (i < args.size() && IsBlank(args[i])) ++i;
    size_t j = i;
    while (j < args.size() && !IsBlank(args[j])) ++j;
    const std::string_view word = args.substr(i, j - i);
    i = j;
    if (word.empty()) continue;
    if (want_name) {
      defines->emplace_back(word);
      want_name = false;
    } else if (word == "-D") {
      want_name = true;
    } else if (word.size() > 2 && word.substr(0, 2) == "-D") {
      defines->emplace_back(word.substr(2));
    }
  }
}

}  // namespace

EnvVars ParseEnvVars(std::string_view text) {
  EnvVars env;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = Trim(text.substr(pos, eol - pos));
    pos = eol + 1;
    if (line.empty() || line[0] == '#') continue;
    if (line.substr(0, 6) == "unset " || line.substr(0, 6) == "unset\t") {
      env.vars.erase(std::string(Trim(line.substr(6))));
      continue;
    }
    if (line.substr(0, 7) == "export " || line.substr(0, 7) == "export\t") {
      line = Trim(line.substr(7));
    }
    size_t n = 0;
    while (n < line.size() && IsNameChar(line[n])) ++n;
    if (n == 0 || !IsNameStart(line[0]) || n >= line.size() || line[n] != '=') {
      continue;
    }
    const std::string name(line.substr(0, n));
    if (std::optional<std::string> v = Value(line.substr(n + 1), env.vars)) {
      env.vars[name] = *v;
    } else {
      env.vars.erase(name);
    }
  }
  if (auto it = env.vars.find("APACHE_ARGUMENTS"); it != env.vars.end()) {
    ParseArguments(it->second, &env.defines);
  }
  return env;
}

}  // namespace synlint::apache
