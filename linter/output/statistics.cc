// SPDX-License-Identifier: MIT
#include "linter/output/statistics.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

#include "core/json.h"
#include "linter/output/escape.h"
#include "linter/output/report_util.h"

namespace synlint {

namespace {

struct RuleCount {
  std::string id;
  size_t count = 0;
  size_t fixable = 0;
};

std::vector<RuleCount> CountByRule(const Report& r) {
  std::map<std::string, RuleCount> by_id;
  for (const Finding& f : r.findings) {
    RuleCount& c = by_id[f.rule];
    c.id = f.rule;
    ++c.count;
    c.fixable += f.fix.has_value();
  }
  std::vector<RuleCount> out;
  for (auto& [id, c] : by_id) out.push_back(std::move(c));
  std::stable_sort(out.begin(), out.end(), [](const RuleCount& a, const RuleCount& b) { return a.count > b.count; });
  return out;
}

std::string_view RuleName(const Report& r, const std::string& id) {
  const RuleMeta* meta = FindRule(r, id);
  return meta ? meta->name : std::string_view();
}

}  // namespace

void WriteStatistics(const Report& r, std::string_view format, std::ostream& out) {
  const std::vector<RuleCount> counts = CountByRule(r);
  if (format == "json") {
    JsonWriter w(out);
    w.BeginArray();
    for (const RuleCount& c : counts) {
      w.BeginObject();
      w.Key("rule").String(c.id);
      w.Key("name").String(RuleName(r, c.id));
      w.Key("count").Uint(c.count);
      w.Key("fixable").Uint(c.fixable);
      w.EndObject();
    }
    w.EndArray();
    w.Flush();
    out << '\n';
    return;
  }
  size_t width = 1;
  for (const RuleCount& c : counts) width = std::max(width, std::to_string(c.count).size());
  for (const RuleCount& c : counts) {
    const std::string n = std::to_string(c.count);
    const char* mark = c.fixable == 0 ? "   " : c.fixable == c.count ? "[*]" : "[-]";
    out << std::string(width - n.size(), ' ') << n << '\t' << EscapeForTerminal(c.id) << '\t' << mark << ' '
        << EscapeForTerminal(RuleName(r, c.id)) << '\n';
  }
  if (r.quiet) return;
  size_t total = 0;
  for (const RuleCount& c : counts) total += c.count;
  out << CountNoun(r.files_count, "file", "files") << " checked: " << CountNoun(total, "finding", "findings");
  if (r.suppressed > 0) out << " (" << r.suppressed << " suppressed)";
  out << '\n';
}

}  // namespace synlint
