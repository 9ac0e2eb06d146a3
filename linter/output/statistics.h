// SPDX-License-Identifier: MIT
// `check --statistics`: how many findings each rule has, instead of the
// findings (ruff's --statistics), in text or json.
#pragma once

#include <ostream>
#include <string_view>

#include "linter/report.h"

namespace synlint {

/// One line (text) or object (json) per rule with findings, most findings
/// first: the count, the rule's ID and name, and whether a fix is available
/// for all ("[*]") or some ("[-]") of them. `format` is "text" or "json".
void WriteStatistics(const Report& r, std::string_view format, std::ostream& out);

}  // namespace synlint
