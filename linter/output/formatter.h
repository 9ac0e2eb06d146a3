// SPDX-License-Identifier: MIT
// Output formats: each prints a Report one way and never recomputes it.
// The formats are described in linter/output/FORMATS.md.
#pragma once

#include <memory>
#include <ostream>
#include <string_view>
#include <vector>

#include "linter/report.h"

namespace synlint {

/// Prints a whole Report in one format.
class Formatter {
 public:
  virtual ~Formatter() = default;
  virtual void Write(const Report& r, std::ostream& out) const = 0;
};

/// The formatter called `name` ("text", "json", ...), or nullptr for an
/// unknown name.
std::unique_ptr<Formatter> MakeFormatter(std::string_view name);

/// Every name MakeFormatter accepts: text json sarif github gcc junit
/// json-lines checkstyle gitlab rdjson.
std::vector<std::string_view> FormatterNames();

/// The formatters one by one (MakeFormatter returns these).
std::unique_ptr<Formatter> MakeTextFormatter();
std::unique_ptr<Formatter> MakeJsonFormatter();
std::unique_ptr<Formatter> MakeSarifFormatter();
std::unique_ptr<Formatter> MakeGithubFormatter();
std::unique_ptr<Formatter> MakeGccFormatter();
std::unique_ptr<Formatter> MakeJunitFormatter();
std::unique_ptr<Formatter> MakeJsonLinesFormatter();
std::unique_ptr<Formatter> MakeCheckstyleFormatter();
std::unique_ptr<Formatter> MakeGitlabFormatter();
std::unique_ptr<Formatter> MakeRdjsonFormatter();

}  // namespace synlint
