// SPDX-License-Identifier: MIT
// One finding as the `json` format prints it; `json-lines` prints the same
// object on a line of its own.
#pragma once

#include <string_view>

#include "core/json.h"
#include "linter/report.h"

namespace synlint {

/// The version of the `json` and `json-lines` layouts (FORMATS.md): raised
/// when a key is removed or renamed or its meaning changes, not when one is
/// added. 2: "schema_version" and each finding's "host".
inline constexpr unsigned kJsonSchemaVersion = 2;

/// {"rule", "name", "severity", "host", "file", positions, "message",
/// "related", "fix"}; `host` "" is written as null.
void WriteJsonFinding(const Report& r, const Finding& f, std::string_view host, JsonWriter& w);

}  // namespace synlint
