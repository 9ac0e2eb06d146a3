// SPDX-License-Identifier: MIT
// `synlint rules` lists every rule; `synlint explain` prints one rule's doc.
#include <iostream>

#include "core/json.h"
#include "linter/cli/options.h"
#include "rules/registry.h"

namespace synlint::cli {

namespace {

std::string_view FixName(FixAvailability f) {
  switch (f) {
    case FixAvailability::kNone: return "none";
    case FixAvailability::kSometimes: return "sometimes";
    case FixAvailability::kAlways: return "always";
  }
  return "?";
}

int RunRules(const std::string& format) {
  if (format == "json") {
    JsonWriter w;
    w.BeginArray();
    for (const Rule& r : AllRules()) {
      w.BeginObject();
      w.Key("id").String(r.meta->id);
      w.Key("name").String(r.meta->name);
      w.Key("severity").String(SeverityName(r.meta->severity));
      w.Key("summary").String(r.meta->summary);
      w.Key("fix").String(FixName(r.meta->fix));
      w.Key("since").String(r.meta->since);
      w.Key("doc").String(r.meta->doc_path);
      w.EndObject();
    }
    w.EndArray();
    std::cout << w.str() << "\n";
    return kExitClean;
  }
  for (const Rule& r : AllRules()) {
    std::string sev(SeverityName(r.meta->severity));
    sev.resize(8, ' ');
    std::string name(r.meta->name);
    name.resize(std::max<size_t>(name.size(), 28), ' ');
    std::cout << r.meta->id << "  " << sev << name << "  " << r.meta->summary
              << (r.meta->fix != FixAvailability::kNone ? "  [fix]" : "") << "\n";
  }
  return kExitClean;
}

}  // namespace

void AddRules(CLI::App& app, int* exit_code) {
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand("rules", "List every rule with its ID, default severity and summary");
  cmd->add_option("--format", *format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([format, exit_code] { *exit_code = RunRules(*format); });
}

int ExplainRule(const std::string& id) {
  const Rule* r = FindRule(id);
  if (!r) return Fail("no rule '" + id + "'; 'synlint rules' lists them");
  std::cout << RuleDoc(*r->meta);
  return kExitClean;
}

}  // namespace synlint::cli
