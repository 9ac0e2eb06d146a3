// SPDX-License-Identifier: MIT
#include "linter/output/report_util.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

namespace synlint {

SeverityCounts CountSeverities(const std::vector<Finding>& findings) {
  SeverityCounts c;
  for (const Finding& f : findings) {
    switch (f.severity) {
      case Severity::kError: ++c.errors; break;
      case Severity::kWarning: ++c.warnings; break;
      case Severity::kInfo: ++c.infos; break;
    }
  }
  return c;
}

int FindRuleIndex(const Report& r, std::string_view id) {
  for (size_t i = 0; i < r.rules.size(); ++i) {
    if (r.rules[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const RuleMeta* FindRule(const Report& r, std::string_view id) {
  const int i = FindRuleIndex(r, id);
  return i < 0 ? nullptr : &r.rules[static_cast<size_t>(i)];
}

std::string RuleHelpUri(const Report& r, const RuleMeta& rule) {
  if (rule.doc_path.empty()) return "";
  return r.docs_base_url + std::string(rule.doc_path);
}

void WriteDiffAndActions(JsonWriter& w, const std::string& diff, const std::vector<Action>& actions) {
  w.Key("diff");
  if (diff.empty()) {
    w.Null();
  } else {
    w.String(diff);
  }
  w.Key("actions").BeginArray();
  for (const Action& a : actions) {
    w.BeginObject();
    w.Key("command").String(a.command);
    w.Key("reason").String(a.reason);
    w.Key("service").String(a.service);
    w.EndObject();
  }
  w.EndArray();
}

const SourceFile* FindSource(const Report& r, const std::string& path) {
  if (auto it = r.source_by_path.find(path); it != r.source_by_path.end()) return it->second;
  return r.sources ? r.sources->Find(path) : nullptr;
}

bool HasPosition(const Report& r, const Location& loc) {
  return FindSource(r, loc.file) != nullptr || loc.span != Span{};
}

std::string PositionText(const Location& loc) {
  return loc.file + ":" + std::to_string(loc.start.line) + ":" +
         std::to_string(loc.start.column);
}

std::vector<std::string> FiredRuleIds(const Report& r) {
  std::set<std::string> ids;
  for (const Finding& f : r.findings) ids.insert(f.rule);
  return {ids.begin(), ids.end()};
}

std::vector<std::string> ReportedFiles(const Report& r) {
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](const std::string& path) {
    if (seen.insert(path).second) files.push_back(path);
  };
  for (const std::string& path : r.files_read) add(path);
  for (const Finding& f : r.findings) add(f.location.file);
  return files;
}

std::string_view HostOf(const Report& r, size_t index) {
  std::string_view name;
  for (const HostFindings& h : r.hosts) {
    if (h.begin > index) break;
    name = h.name;
  }
  return name;
}

bool RootRelativePath(const Report& r, const std::string& path, std::string* out) {
  namespace stdfs = std::filesystem;
  if (r.paths_base.empty() && !stdfs::path(path).is_absolute()) {
    *out = path;  // already relative to the root
    return true;
  }
  const stdfs::path abs = (stdfs::path(r.paths_base) / path).lexically_normal();
  const stdfs::path rel = abs.lexically_relative(stdfs::path(r.root).lexically_normal());
  if (rel.empty() || *rel.begin() == ".." || !stdfs::path(r.root).is_absolute()) {
    *out = abs.string();
    return false;
  }
  *out = rel.string();
  return true;
}

std::string CountNoun(size_t count, std::string_view singular,
                      std::string_view plural) {
  return std::to_string(count) + " " +
         std::string(count == 1 ? singular : plural);
}

namespace {

// A finite double as a JSON number: "2.5", "0.333333".
std::string JsonNumber(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", std::isfinite(v) ? v : 0.0);
  return buf;
}

}  // namespace

void WriteLiveState(JsonWriter& w, const LiveState& live) {
  w.BeginObject();
  w.Key("kernel_release").String(live.kernel_release);
  w.Key("netns").String(live.netns);
  w.Key("other_netns").Bool(live.other_netns);
  w.Key("sysctl").BeginObject();
  for (const auto& [key, value] : live.sysctl) w.Key(key).String(value);
  w.EndObject();
  w.Key("listeners").BeginArray();
  for (const LiveListener& l : live.listeners) {
    w.BeginObject();
    w.Key("family").String(l.address.find(':') != std::string::npos ? "ipv6" : "ipv4");
    w.Key("address").String(l.address);
    w.Key("port").Uint(l.port);
    w.Key("accept_queue_limit").Int(l.accept_queue_limit);
    w.Key("accept_queue_now").Int(l.accept_queue_now);
    w.Key("syn_recv_now").Int(l.syn_recv_now);
    w.Key("inode").Uint(l.inode);
    w.Key("pid");
    if (l.pid) w.Int(*l.pid);
    else w.Null();
    w.Key("comm").String(l.comm);
    w.Key("unit").String(l.unit);
    w.EndObject();
  }
  w.EndArray();
  w.Key("counters").BeginObject();
  for (const auto& [name, value] : live.counters) w.Key(name).Int(value);
  w.EndObject();
  w.Key("rates");
  if (live.counter_seconds > 0) {
    w.BeginObject();
    w.Key("seconds").Raw(JsonNumber(live.counter_seconds));
    w.Key("increase").BeginObject();
    for (const auto& [name, value] : live.counter_deltas) w.Key(name).Int(value);
    w.EndObject();
    w.Key("per_second").BeginObject();
    for (const auto& [name, value] : live.counter_deltas)
      w.Key(name).Raw(JsonNumber(static_cast<double>(value) / live.counter_seconds));
    w.EndObject();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("kernel_log");
  if (!live.kernel_log.empty()) {
    w.BeginObject();
    w.Key("source").String(live.kernel_log);
    w.Key("syn_flood_lines").BeginArray();
    for (const live::FloodLine& f : live.flood_lines) {
      w.BeginObject();
      w.Key("line").Uint(f.line);
      w.Key("address").String(f.address);
      w.Key("port").Uint(f.port);
      w.Key("action").String(live::FloodActionText(f.action));
      w.Key("kernels").String(live::FloodWordingKernels(f.wording));
      w.Key("context").String(f.context);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("unseen").BeginArray();
  for (const std::string& u : live.unseen) w.String(u);
  w.EndArray();
  w.EndObject();
}

}  // namespace synlint
