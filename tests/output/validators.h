// SPDX-License-Identifier: MIT
// Running the real validators the output tests check formats with: Ajv (from
// tools/install_sarif_validator.sh) for JSON schemas, xmllint for XML ones.
#pragma once

#include <string>

namespace synlint {

/// Where tools/install_sarif_validator.sh put Ajv and the SARIF schema
/// ($SYNLINT_SARIF_VALIDATOR_DIR, build/tools/node under the source tree, or
/// tools/node in the build directory), or "".
std::string ValidatorDir();

/// `s` quoted for sh.
std::string ShellQuote(const std::string& s);

/// Runs `command` with sh; returns its exit status (-1 when it did not
/// exit), its stdout and stderr in `log`.
int RunValidator(const std::string& command, std::string* log);

/// tests/output/schemas/NAME under the source tree.
std::string SchemaPath(const std::string& name);

}  // namespace synlint
