// SPDX-License-Identifier: MIT
// A YAML file read with yaml-cpp: every document, and every node's byte
// position (YAML::Node::Mark().pos counts bytes of the UTF-8 input). A file
// yaml-cpp refuses is one SyntaxError at the place it names, never an
// exception out of here.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/source.h"
#include "core/syntax.h"

namespace synlint::yaml {

struct YamlFile {
  std::vector<YAML::Node> docs;      // null documents are left out
  std::optional<SyntaxError> error;  // when yaml-cpp refused the file (docs is then empty)
};

/// Reads every document of `text`. Never throws.
YamlFile ReadYaml(std::string_view text);

/// A scalar as written: its value, the bytes of its text (quotes included,
/// an anchor or tag before it excluded) and whether it was quoted.
struct Scalar {
  std::string value;
  Span span;
  bool quoted = false;
  bool operator==(const Scalar&) const = default;
};

/// `node` as a Scalar; nullopt when it is not a scalar (or an alias whose
/// text is elsewhere). A block scalar's span is its header ('|' or '>').
std::optional<Scalar> ScalarOf(std::string_view text, const YAML::Node& node);

/// The byte offset where `node` starts, past an anchor (&a) or tag (!t).
uint32_t NodeStart(std::string_view text, const YAML::Node& node);

/// Whether `node` is written in flow style ('[' or '{').
bool IsFlow(std::string_view text, const YAML::Node& node);

/// The whitespace that starts the line holding `offset`, when only
/// whitespace precedes `offset` on it (else nullopt).
std::optional<std::string> LineIndent(std::string_view text, uint32_t offset);

/// The start of the line holding `offset`.
uint32_t LineStartOf(std::string_view text, uint32_t offset);

/// "\r\n" when the file's first line break is one, else "\n".
std::string LineBreakOf(std::string_view text);

}  // namespace synlint::yaml
