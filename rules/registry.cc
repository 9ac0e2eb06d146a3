// SPDX-License-Identifier: MIT
#include "rules/registry.h"

#include <algorithm>

#include "rules/apply/apply_rules.h"
#include "rules/container/container_rules.h"
#include "rules/input/input_rules.h"
#include "rules/listen/listen_rules.h"
#include "rules/live/live_rules.h"
#include "rules/scripts/script_rules.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

extern const EmbeddedFile kRuleDocs[];
extern const size_t kRuleDocs_count;

namespace {

// One sorted list. A retired rule keeps its ID forever; never reuse one.
const Rule kRules[] = {
    {&kSL001, CheckSL001},
    {&kSL002, CheckSL002},
    {&kSL003, CheckSL003},
    {&kSL101, CheckSL101},
    {&kSL102, CheckSL102},
    {&kSL103, CheckSL103},
    {&kSL104, CheckSL104},
    {&kSL105, CheckSL105},
    {&kSL106, CheckSL106},
    {&kSL107, CheckSL107},
    {&kSL108, CheckSL108},
    {&kSL201, CheckSL201},
    {&kSL202, CheckSL202},
    {&kSL203, CheckSL203},
    {&kSL204, CheckSL204},
    {&kSL205, CheckSL205},
    {&kSL206, CheckSL206},
    {&kSL301, CheckSL301},
    {&kSL302, CheckSL302},
    {&kSL303, CheckSL303},
    {&kSL304, CheckSL304},
    {&kSL305, CheckSL305},
    {&kSL306, CheckSL306},
    {&kSL401, CheckSL401},
    {&kSL402, CheckSL402},
    {&kSL501, CheckSL501},
    {&kSL502, CheckSL502},
    {&kSL503, CheckSL503},
};

}  // namespace

std::span<const Rule> AllRules() { return kRules; }

const Rule* FindRule(std::string_view id) {
  for (const Rule& r : kRules) {
    if (r.meta->id == id) return &r;
  }
  return nullptr;
}

std::string_view RuleDoc(const RuleMeta& meta) {
  for (size_t i = 0; i < kRuleDocs_count; ++i) {
    if (kRuleDocs[i].path == meta.doc_path) return kRuleDocs[i].text;
  }
  return {};
}

std::vector<Finding> RunRules(const Host& host, const FixOptions& options,
                              const std::function<bool(std::string_view)>& enabled) {
  std::vector<Finding> out;
  RuleContext ctx(host, options, &out);
  for (const Rule& r : kRules) {
    if (enabled && !enabled(r.meta->id)) continue;
    ctx.set_rule(r.meta);
    r.check(ctx);
  }
  SortFindings(&out);
  return out;
}

}  // namespace synlint
