// SPDX-License-Identifier: MIT
// Rendering the host model for `synlint show`.
#pragma once

#include <string>

#include "model/host.h"

namespace synlint::cli {

std::string ShowText(const Host& host, const std::string& root);
std::string ShowJson(const Host& host, const std::string& root);

}  // namespace synlint::cli
