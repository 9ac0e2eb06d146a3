// SPDX-License-Identifier: MIT
#include "linter/tune/tune_output.h"

#include <algorithm>
#include <climits>
#include <vector>

#include "core/json.h"
#include "linter/output/escape.h"
#include "linter/output/report_util.h"

namespace synlint::tune {

namespace {

std::string Number(int64_t n) { return n == INT_MAX ? "INT_MAX" : std::to_string(n); }

std::string Cell(int64_t now, int64_t proposed) {
  return now == proposed ? Number(now) : Number(now) + " -> " + Number(proposed);
}

std::string Range(int64_t lo, int64_t hi) { return lo == hi ? Number(lo) : Number(lo) + ".." + Number(hi); }

std::string SynCell(const QueueState& now, const QueueState& proposed) {
  std::string s = Range(now.syn_queue, now.syn_queue_max);
  if (now.syn_early_drop) s += " (" + Range(*now.syn_early_drop, now.syn_early_drop_max) + " unproven)";
  if (now.syn_queue != proposed.syn_queue || now.syn_queue_max != proposed.syn_queue_max || now.syn_early_drop)
    s += " -> " + Range(proposed.syn_queue, proposed.syn_queue_max);
  return s;
}

// Left-aligned columns separated by two spaces; the last one is not padded.
std::string Table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> width;
  for (const auto& row : rows) {
    for (size_t c = 0; c < row.size(); ++c) {
      if (width.size() <= c) width.push_back(0);
      width[c] = std::max(width[c], row[c].size());
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(width[c] - row[c].size() + 2, ' ');
    }
    out += line + "\n";
  }
  return out;
}

void WriteState(JsonWriter& w, const QueueState& q) {
  w.BeginObject();
  w.Key("requested").Int(q.requested);
  w.Key("requested_label").String(q.requested_label);
  w.Key("accept_queue").Int(q.accept_queue);
  w.Key("syn_queue").Int(q.syn_queue);
  if (q.syn_queue_max != q.syn_queue) w.Key("syn_queue_max").Int(q.syn_queue_max);
  if (q.syn_early_drop) w.Key("syn_early_drop").Int(*q.syn_early_drop);
  if (q.syn_early_drop && q.syn_early_drop_max != *q.syn_early_drop)
    w.Key("syn_early_drop_max").Int(q.syn_early_drop_max);
  w.EndObject();
}

void WriteLoad(JsonWriter& w, const Load& l) {
  w.BeginObject();
  if (l.peak_rate) w.Key("peak_rate").Int(*l.peak_rate);
  if (l.accept_delay_ms) w.Key("accept_delay_ms").Int(*l.accept_delay_ms);
  if (l.headroom) w.Key("headroom").Raw(l.headroom->ToString());
  w.EndObject();
}

}  // namespace

std::string TuneText(const TuneRun& run, const LoadSpec& load, const TuneOutputOptions& options) {
  const Host& host = *run.host;
  std::string out = "synlint tune: Linux " + host.kernel.ToString() + " (" + host.kernel_origin +
                    "), sysctl loader " + (host.loader == sysctl::Loader::kSystemd ? "systemd" : "procps") +
                    " (" + host.loader_origin + ")\n";
  out += "load: " + load.Describe() + "\n\n";

  if (!run.plan.listeners.empty()) {
    std::vector<std::vector<std::string>> rows = {
        {"listener", "declared at", "backlog", "accept queue", "SYN queue", "why"}};
    for (const ListenerPlan& lp : run.plan.listeners) {
      rows.push_back({EscapeForTerminal(lp.service + " " + lp.address), EscapeForTerminal(lp.where),
                      Cell(lp.current.requested, lp.proposed.requested),
                      Cell(lp.current.accept_queue, lp.proposed.accept_queue),
                      SynCell(lp.current, lp.proposed), EscapeForTerminal(lp.reason)});
    }
    out += Table(rows) + "\n";
  }
  for (const SysctlPlan& s : run.plan.sysctls) {
    out += s.key + " = " + (s.Changes() ? Cell(s.current, s.proposed) : Number(s.current) + ", unchanged") +
           "  (" + EscapeForTerminal(s.current_from) + ")\n    " + s.reason + "\n";
  }
  for (const std::string& w : run.warnings) out += "warning: " + EscapeForTerminal(w) + "\n";

  out += "\n";
  if (!run.plan.HasChanges()) {
    out += "nothing to change: the host already meets this load\n";
  } else if (run.fix.fixed.empty()) {
    out += "no change could be written (see the warnings)\n";
  } else if (options.applied) {
    out += "applied " + std::to_string(run.fix.fixes_applied) + " change(s) to " +
           std::to_string(run.fix.fixed.size()) + " file(s)\n";
  } else {
    if (options.include_diff) out += run.diff + "\n";
    out += std::to_string(run.fix.fixed.size()) +
           " file(s) would change. Every tune change alters runtime behaviour (an unsafe fix; "
           "--unsafe-fixes is implied): review the diff, then run with --fix to apply it\n";
  }
  if (!run.actions.empty()) {
    out += options.applied ? "To make these changes take effect:\n" : "After applying these changes:\n";
    for (const Action& a : run.actions) {
      out += "  $ " + EscapeForTerminal(a.command);
      if (!a.reason.empty()) out += "  # " + EscapeForTerminal(a.reason);
      out += "\n";
    }
  }
  return out;
}

std::string TuneJson(const TuneRun& run, const LoadSpec& load, const TuneOutputOptions& options) {
  JsonWriter w;
  w.BeginObject();
  w.Key("version").String(options.tool_version);
  w.Key("kernel").String(run.host->kernel.ToString());
  w.Key("load").BeginObject();
  Load global = load.global;
  if (!global.headroom) global.headroom = Headroom{};
  w.Key("global");
  WriteLoad(w, global);
  w.Key("ports").BeginObject();
  for (const auto& [port, l] : load.ports) {
    w.Key(std::to_string(port));
    WriteLoad(w, l);
  }
  w.EndObject();
  w.EndObject();

  w.Key("listeners").BeginArray();
  for (const ListenerPlan& lp : run.plan.listeners) {
    w.BeginObject();
    w.Key("service").String(lp.service);
    w.Key("kind").String(Traits(lp.kind).service_kind);
    w.Key("address").String(lp.address);
    w.Key("port").Uint(lp.port);
    w.Key("declared_at").String(lp.where);
    w.Key("setting").String(lp.setting);
    w.Key("sized").Bool(lp.sized);
    w.Key("need").Int(lp.need);
    w.Key("target").Int(lp.target);
    w.Key("current");
    WriteState(w, lp.current);
    w.Key("proposed");
    WriteState(w, lp.proposed);
    w.Key("reason").String(lp.reason);
    w.EndObject();
  }
  w.EndArray();

  w.Key("sysctl").BeginObject();
  for (const SysctlPlan& s : run.plan.sysctls) {
    w.Key(s.key).BeginObject();
    w.Key("current").Int(s.current);
    w.Key("proposed").Int(s.proposed);
    w.Key("from").String(s.current_from);
    w.Key("reason").String(s.reason);
    w.EndObject();
  }
  w.EndObject();

  WriteDiffAndActions(w, run.diff, run.actions);
  w.Key("warnings").BeginArray();
  for (const std::string& s : run.warnings) w.String(s);
  w.EndArray();
  w.Key("applied").Bool(options.applied);
  w.EndObject();
  return w.Take() + "\n";
}

}  // namespace synlint::tune
