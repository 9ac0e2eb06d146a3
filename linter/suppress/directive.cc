// SPDX-License-Identifier: MIT
#include "linter/suppress/directive.h"

namespace synlint::suppress {

namespace {

constexpr std::string_view kSyntaxHint = "write '# synlint: disable=SL104 reason=\"why\"'";

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool IsRuleId(std::string_view id) {
  if (id.size() != 5 || id.substr(0, 2) != "SL") return false;
  for (char c : id.substr(2)) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool IsIdChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
         c == '.';
}

/// A comment found in the text: where its leader is, and whether only blanks
/// precede it on its line.
struct Comment {
  uint32_t line = 0;
  uint32_t begin = 0;
  uint32_t end = 0;  // end of the line's text (before "\r\n" or "\n")
  bool whole_line = false;
};

uint32_t LineEnd(const SourceFile& f, uint32_t line) {
  const uint32_t start = f.lines().LineStart(line);
  return start + static_cast<uint32_t>(f.lines().LineText(f.text, line).size());
}

/// Whole-line comments of the line-oriented formats (sysctl, systemd, Apache).
std::vector<Comment> LineComments(const SourceFile& f, std::optional<ConfigFormat> format,
                                  std::vector<DirectiveProblem>* problems) {
  const bool semicolon = format && Traits(*format).semicolon_comments;
  std::vector<Comment> out;
  for (uint32_t line = 1; line <= f.lines().LineCount(); ++line) {
    const std::string_view text = f.lines().LineText(f.text, line);
    const uint32_t start = f.lines().LineStart(line);
    size_t i = 0;
    while (i < text.size() && IsBlank(text[i])) ++i;
    if (i < text.size() && (text[i] == '#' || (semicolon && text[i] == ';'))) {
      out.push_back(
          {line, start + static_cast<uint32_t>(i), start + static_cast<uint32_t>(text.size()), true});
      continue;
    }
    // "value # synlint: ..." is part of the value in these formats.
    const bool whole_line_only = format && Traits(*format).hash_in_values;
    for (size_t hash = whole_line_only ? text.find('#') : std::string_view::npos;
         hash != std::string_view::npos; hash = text.find('#', hash + 1)) {
      size_t k = hash + 1;
      while (k < text.size() && IsBlank(text[k])) ++k;
      if (text.substr(k, 8) != "synlint:") continue;
      const std::string name = std::string(FormatName(*format)) + " files";
      problems->push_back(
          {{start + static_cast<uint32_t>(hash), start + static_cast<uint32_t>(text.size())},
           "'# synlint:' after a value is not a comment in " + name +
               ", which only have whole-line comments; put the suppression on its own line above"});
      break;
    }
  }
  return out;
}

/// Comments of nginx: `#` at the start of a word outside quotes, to the end of the line.
std::vector<Comment> NginxComments(const SourceFile& f) {
  std::vector<Comment> out;
  const std::string_view text = f.text;
  bool boundary = true;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      boundary = false;
      continue;
    }
    if (c == '#' && boundary) {
      const LineCol at = f.lines().At(static_cast<uint32_t>(i));
      const uint32_t start = f.lines().LineStart(at.line);
      bool whole = true;
      for (uint32_t k = start; k < i; ++k) whole = whole && IsBlank(text[k]);
      const uint32_t end = LineEnd(f, at.line);
      out.push_back({at.line, static_cast<uint32_t>(i), end, whole});
      i = end;  // the terminator that follows is a boundary
      boundary = true;
      continue;
    }
    if ((c == '"' || c == '\'') && boundary) {
      quote = c;
      continue;
    }
    boundary = c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';' || c == '{' || c == '}';
  }
  return out;
}

enum class Parsed { kNotDirective, kDirective, kMalformed };

/// Reads the directive in comment `c`; a malformed one is added to `problems`.
Parsed ParseComment(const SourceFile& f, const Comment& c, Directive* d,
                    std::vector<DirectiveProblem>* problems) {
  const std::string_view text = f.text;
  const char leader = text[c.begin];
  size_t p = c.begin;
  while (p < c.end && text[p] == leader) ++p;
  while (p < c.end && IsBlank(text[p])) ++p;
  if (text.substr(p, 8) != "synlint:" || p + 8 > c.end) return Parsed::kNotDirective;
  p += 8;
  const Span comment{c.begin, c.end};
  auto fail = [&](std::string message) {
    problems->push_back({comment, "malformed suppression: " + std::move(message)});
    return Parsed::kMalformed;
  };
  while (p < c.end && IsBlank(text[p])) ++p;
  size_t word_end = p;
  while (word_end < c.end && ((text[word_end] >= 'a' && text[word_end] <= 'z') || text[word_end] == '-'))
    ++word_end;
  const std::string_view word = text.substr(p, word_end - p);
  if ((word != "disable" && word != "disable-file") || word_end >= c.end || text[word_end] != '=') {
    return fail("expected 'disable=' or 'disable-file=' after 'synlint:'; " + std::string(kSyntaxHint));
  }
  p = word_end + 1;
  d->comment = comment;
  d->line = c.line;
  d->scope = word == "disable-file" ? Directive::Scope::kFile
             : c.whole_line         ? Directive::Scope::kNextLine
                                    : Directive::Scope::kSameLine;
  // IDs separated by commas, with optional blanks around each comma.
  for (;;) {
    size_t id_end = p;
    while (id_end < c.end && IsIdChar(text[id_end])) ++id_end;
    const std::string_view id = text.substr(p, id_end - p);
    if (id.empty()) {
      return fail(d->ids.empty()
                      ? "no rule IDs after '" + std::string(word) + "='; " + std::string(kSyntaxHint)
                      : "a rule ID must follow ','; " + std::string(kSyntaxHint));
    }
    if (!IsRuleId(id)) return fail("'" + std::string(id) + "' is not a rule ID such as 'SL104'");
    d->ids.emplace_back(id);
    d->id_spans.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(id_end)});
    size_t q = id_end;
    while (q < c.end && IsBlank(text[q])) ++q;
    if (q >= c.end || text[q] != ',') {
      p = id_end;
      break;
    }
    p = q + 1;
    while (p < c.end && IsBlank(text[p])) ++p;
  }
  d->id_list = {d->id_spans.front().begin, d->id_spans.back().end};
  while (p < c.end && IsBlank(text[p])) ++p;
  if (text.substr(p, 7) == "reason=" && p + 7 <= c.end) {
    p += 7;
    if (p >= c.end || text[p] != '"') return fail("reason must be quoted: reason=\"why\"");
    std::string reason;
    size_t q = p + 1;
    for (; q < c.end && text[q] != '"'; ++q) {
      if (text[q] == '\\' && q + 1 < c.end) ++q;
      reason += text[q];
    }
    if (q >= c.end) return fail("reason is missing its closing '\"'");
    d->reason = std::move(reason);
    p = q + 1;
    while (p < c.end && IsBlank(text[p])) ++p;
  }
  if (p < c.end) {
    size_t junk_end = p;
    while (junk_end < c.end && !IsBlank(text[junk_end])) ++junk_end;
    return fail("unexpected '" + std::string(text.substr(p, junk_end - p)) + "' after the rule IDs; " +
                std::string(kSyntaxHint));
  }
  return Parsed::kDirective;
}

}  // namespace

ScanResult ScanDirectives(const SourceFile& file, std::optional<ConfigFormat> format) {
  ScanResult result;
  // Every directive, and every problem reported, starts with "synlint:": a
  // file without it (nearly all) needs no comment scan (7% of clean/nginx).
  if (file.text.find("synlint:") == std::string::npos) return result;
  const std::vector<Comment> comments =
      format && Traits(*format).trailing_suppressions ? NginxComments(file)
                                                      : LineComments(file, format, &result.problems);
  std::vector<bool> comment_line(file.lines().LineCount() + 2, false);
  for (const Comment& c : comments) {
    if (c.whole_line) comment_line[c.line] = true;
  }
  for (const Comment& c : comments) {
    Directive d;
    if (ParseComment(file, c, &d, &result.problems) != Parsed::kDirective) continue;
    const uint32_t line_start = file.lines().LineStart(c.line);
    if (c.whole_line) {
      const uint32_t next = c.line < file.lines().LineCount() ? file.lines().LineStart(c.line + 1)
                                                            : static_cast<uint32_t>(file.text.size());
      d.removal = {line_start, next};
    } else {
      uint32_t from = c.begin;
      while (from > line_start && IsBlank(file.text[from - 1])) --from;
      d.removal = {from, c.end};
    }
    if (d.scope == Directive::Scope::kSameLine) d.target_line = c.line;
    if (d.scope == Directive::Scope::kNextLine) {
      uint32_t line = c.line + 1;
      while (line <= file.lines().LineCount() && comment_line[line]) ++line;
      // A final "\n" does not start a line with text: nothing follows then.
      const bool beyond = line > file.lines().LineCount() ||
                          (line == file.lines().LineCount() && file.lines().LineStart(line) == file.text.size());
      d.target_line = beyond ? 0 : line;
    }
    result.directives.push_back(std::move(d));
  }
  return result;
}

}  // namespace synlint::suppress
