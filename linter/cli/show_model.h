// SPDX-License-Identifier: MIT
// Rendering the host model for `synlint show`.
#pragma once

#include <functional>
#include <string>

#include "model/host.h"

namespace synlint::cli {

/// What the user sees for a root-relative path (Target::DisplayPath:
/// repository paths for the hosts of .synlint.yaml); empty: the path itself.
using ShownPath = std::function<std::string(const std::string&)>;

std::string ShowText(const Host& host, const std::string& root, const ShownPath& shown = {});
std::string ShowJson(const Host& host, const std::string& root, const ShownPath& shown = {});

}  // namespace synlint::cli
