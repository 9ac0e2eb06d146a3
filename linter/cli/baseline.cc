// SPDX-License-Identifier: MIT
#include "linter/cli/baseline.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "linter/output/report_util.h"

namespace synlint::cli {

namespace {

std::string_view Trim(std::string_view s) {
  const size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r") + 1 - begin);
}

bool IsFingerprint(std::string_view s) {
  if (s.size() != 16) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

/// One line of text: control characters of a message or path shown as '?'.
std::string OneLine(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return out;
}

}  // namespace

std::string BaselineFingerprint(std::string_view rule, std::string_view path, std::string_view line) {
  uint64_t h = 0xcbf29ce484222325ull;
  auto add = [&h](std::string_view part) {
    for (unsigned char c : part) {
      h ^= c;
      h *= 0x100000001b3ull;
    }
    h ^= 0xff;  // a separator no text byte of a part ends with
    h *= 0x100000001b3ull;
  };
  add(rule);
  add(path);
  add(Trim(line));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

bool Baseline::Load(const std::string& path, std::string* err) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *err = "--baseline: cannot read '" + path + "'";
    return false;
  }
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    const std::string_view t = Trim(line);
    if (t.empty() || t.front() == '#') continue;
    const std::string_view first = t.substr(0, t.find(' '));
    if (!IsFingerprint(first)) {
      *err = path + ":" + std::to_string(n) +
             ": not a baseline entry (16 hex digits, then the rule and place); write one with --write-baseline";
      return false;
    }
    fingerprints_.emplace(first);
  }
  return true;
}

long WriteBaseline(const std::string& path, const Report& report, std::string* err) {
  std::set<std::string> lines;
  for (const Finding& f : report.findings) {
    const std::string file = f.location.file.str();
    const SourceFile* source = FindSource(report, file);
    std::string_view text;
    if (source && f.location.start.line <= source->lines().LineCount())
      text = source->lines().LineText(source->text, f.location.start.line);
    lines.insert(BaselineFingerprint(f.rule, file, text) + " " + f.rule + " " + OneLine(file) + ":" +
                 std::to_string(f.location.start.line) + " " + OneLine(f.message));
  }
  std::ostringstream body;
  body << "# synlint baseline: findings present when it was written, which 'synlint check --baseline "
          "FILE' does not report.\n"
          "# Written by 'synlint check --write-baseline FILE'; each line: fingerprint (rule, path, line "
          "text), rule, place, message.\n";
  for (const std::string& l : lines) body << l << '\n';
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << body.str();
  out.close();
  if (!out) {
    *err = "--write-baseline: cannot write '" + path + "'";
    return -1;
  }
  return static_cast<long>(lines.size());
}

}  // namespace synlint::cli
