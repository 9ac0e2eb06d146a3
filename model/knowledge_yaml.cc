// SPDX-License-Identifier: MIT
// KnowledgeBase::Load: the YAML schema of model/knowledge/*.yaml. Used at
// build time by knowledge_codegen (the binary carries the compiled tables,
// see knowledge_builtin.cc) and by the tests.
#include <yaml-cpp/yaml.h>

#include "model/knowledge.h"

namespace synlint {

namespace {

std::string Where(const YAML::Node& n) {
  return "line " + std::to_string(n.Mark().line + 1);
}

KernelVersion VersionOf(const YAML::Node& n, const std::string& what) {
  auto v = KernelVersion::Parse(n.as<std::string>());
  if (!v) throw std::runtime_error(Where(n) + ": bad kernel version for " + what);
  return *v;
}

KeyInfo ParseKey(const std::string& name, const YAML::Node& n) {
  KeyInfo k;
  k.key = name;
  static const std::map<std::string, std::string> kKnownFields = {
      {"type", ""}, {"min", ""}, {"max", ""}, {"values", ""}, {"count", ""},
      {"defaults", ""}, {"computed_default", ""}, {"default_depends_on", ""}, {"default_note", ""},
      {"since", ""}, {"removed", ""}, {"netns", ""}, {"listen_time", ""},
      {"direction", ""}, {"summary", ""}, {"citation", ""}};
  for (const auto& field : n) {
    const std::string f = field.first.as<std::string>();
    if (!kKnownFields.count(f))
      throw std::runtime_error(Where(field.first) + ": unknown field '" + f + "' in '" + name + "'");
  }
  const std::string type = n["type"] ? n["type"].as<std::string>() : "int";
  if (type == "int") k.type = KeyInfo::Type::kInt;
  else if (type == "enum") k.type = KeyInfo::Type::kEnum;
  else if (type == "int_vector") k.type = KeyInfo::Type::kIntVector;
  else if (type == "string") k.type = KeyInfo::Type::kString;
  else throw std::runtime_error(Where(n["type"]) + ": unknown type '" + type + "'");
  if (n["min"]) k.min = n["min"].as<int64_t>();
  if (n["max"]) k.max = n["max"].as<int64_t>();
  if (n["values"]) k.values = n["values"].as<std::vector<int64_t>>();
  if (n["count"]) k.count = n["count"].as<int>();
  if (n["defaults"]) {
    for (const auto& d : n["defaults"])
      k.defaults.emplace_back(VersionOf(d["since"], name), d["value"].as<std::string>());
  }
  if (n["computed_default"]) k.computed_default = n["computed_default"].as<bool>();
  if (n["default_depends_on"]) {
    k.default_depends_on = n["default_depends_on"].as<std::string>();
    if (k.default_depends_on != "memory")
      throw std::runtime_error(Where(n["default_depends_on"]) + ": unknown default_depends_on '" +
                               k.default_depends_on + "' in '" + name + "' (known: memory)");
  }
  if (n["default_note"]) k.default_note = n["default_note"].as<std::string>();
  if (n["since"]) k.since = VersionOf(n["since"], name);
  if (n["removed"]) k.removed = VersionOf(n["removed"], name);
  if (n["netns"]) k.netns = n["netns"].as<bool>();
  if (n["listen_time"]) k.listen_time = n["listen_time"].as<bool>();
  if (n["direction"]) {
    const std::string d = n["direction"].as<std::string>();
    if (d == "up") k.direction = KeyInfo::Direction::kUp;
    else if (d == "down") k.direction = KeyInfo::Direction::kDown;
    else if (d == "none") k.direction = KeyInfo::Direction::kNone;
    else throw std::runtime_error(Where(n["direction"]) + ": bad direction '" + d + "'");
  }
  if (n["summary"]) k.summary = n["summary"].as<std::string>();
  if (n["citation"]) k.citation = n["citation"].as<std::string>();
  return k;
}

ChangeInfo ParseChange(const YAML::Node& name_node, const YAML::Node& n) {
  const std::string name = name_node.as<std::string>();
  const auto change = KernelChangeNamed(name);
  if (!change) throw std::runtime_error(Where(name_node) + ": unknown kernel change '" + name + "'");
  for (const auto& field : n) {
    const std::string f = field.first.as<std::string>();
    if (f != "since" && f != "summary" && f != "citation" && f != "backports")
      throw std::runtime_error(Where(field.first) + ": unknown field '" + f + "' in '" + name + "'");
  }
  if (!n["since"] || !n["citation"])
    throw std::runtime_error(Where(name_node) + ": change '" + name + "' needs 'since' and 'citation'");
  ChangeInfo c{*change, VersionOf(n["since"], name), "", n["citation"].as<std::string>(), {}};
  if (n["summary"]) c.summary = n["summary"].as<std::string>();
  for (const auto& b : n["backports"]) {
    const KernelVersion v = VersionOf(b, name);
    if (!v.patch || v >= c.since || c.BackportOn(v))
      throw std::runtime_error(Where(b) + ": a backport of '" + name +
                               "' is one X.Y.Z per series, below 'since'");
    c.backports.push_back(v);
  }
  return c;
}

}  // namespace

bool KnowledgeBase::Load(std::string_view yaml, std::string* err) {
  try {
    const YAML::Node root = YAML::Load(std::string(yaml));
    if (root["default_kernel"]) default_kernel_ = VersionOf(root["default_kernel"], "default_kernel");
    for (const auto& entry : root["keys"]) {
      const std::string name = entry.first.as<std::string>();
      if (keys_.count(name)) throw std::runtime_error(Where(entry.first) + ": duplicate key '" + name + "'");
      keys_[name] = ParseKey(name, entry.second);
    }
    for (const auto& entry : root["changes"]) {
      ChangeInfo c = ParseChange(entry.first, entry.second);
      if (FindChange(c.change)) {
        throw std::runtime_error(Where(entry.first) + ": duplicate change '" +
                                 std::string(KernelChangeName(c.change)) + "'");
      }
      AddChange(std::move(c));
    }
  } catch (const std::exception& e) {
    *err = e.what();
    return false;
  }
  return true;
}

}  // namespace synlint
