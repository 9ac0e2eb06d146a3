// SPDX-License-Identifier: MIT
#include "linter/output/formatter.h"

namespace synlint {
namespace {

struct Entry {
  std::string_view name;
  std::unique_ptr<Formatter> (*make)();
};

constexpr Entry kFormatters[] = {
    {"text", MakeTextFormatter},   {"json", MakeJsonFormatter},
    {"sarif", MakeSarifFormatter}, {"github", MakeGithubFormatter},
    {"gcc", MakeGccFormatter},     {"junit", MakeJunitFormatter},
    {"json-lines", MakeJsonLinesFormatter}, {"checkstyle", MakeCheckstyleFormatter},
    {"gitlab", MakeGitlabFormatter},         {"rdjson", MakeRdjsonFormatter},
};

}  // namespace

std::unique_ptr<Formatter> MakeFormatter(std::string_view name) {
  for (const Entry& e : kFormatters) {
    if (e.name == name) return e.make();
  }
  return nullptr;
}

std::vector<std::string_view> FormatterNames() {
  std::vector<std::string_view> names;
  for (const Entry& e : kFormatters) names.push_back(e.name);
  return names;
}

}  // namespace synlint
