// SPDX-License-Identifier: MIT
// The human format: gcc-style diagnostics with the source line and a caret,
// related notes, fix hints, a summary and the commands to run afterwards.
//
//   etc/sysctl.conf:3:1: warning: 'net.ipv4.tcp_syncookies' is 0; ... [SL104]
//   net.ipv4.tcp_syncookies=0
//   ^~~~~~~~~~~~~~~~~~~~~~~~~
//     help: set 'net.ipv4.tcp_syncookies = 1'
//
//   3 files checked: 1 warning; 1 fix available (run with --diff ...)
//   For more information: synlint explain SL104
//
// Colour (ANSI) only when Report::color is set. Messages, paths and source
// lines are printed through EscapeForTerminal, so a config file cannot send
// control sequences to the terminal.

#include <cstdio>
#include <string>

#include "linter/output/escape.h"
#include "linter/output/excerpt.h"
#include "linter/output/formatter.h"
#include "linter/output/report_util.h"

namespace synlint {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";

// Wraps text in ANSI colour codes when colour is on.
class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(std::string_view style, std::string_view text) const {
    if (!on_ || text.empty()) return std::string(text);
    return std::string(style) + std::string(text) + std::string(kReset);
  }

 private:
  bool on_;
};

std::string_view SeverityStyle(Severity s) {
  switch (s) {
    case Severity::kError: return kRed;
    case Severity::kWarning: return kYellow;
    case Severity::kInfo: return kCyan;
  }
  return kBold;
}

// "path:line:col:" in bold.
std::string Position(const Painter& paint, const Location& loc) {
  return paint(kBold, EscapeForTerminal(PositionText(loc)) + ":");
}

// The source line and caret under `loc`, indented; nothing when the file's
// text is not at hand.
void WriteExcerpt(const Report& r, const Location& loc, std::string_view indent,
                  std::string_view caret_style, const Painter& paint,
                  std::ostream& out) {
  const SourceFile* file = FindSource(r, loc.file);
  if (file == nullptr) return;
  const Excerpt e = MakeExcerpt(*file, loc);
  out << indent << e.line << '\n';
  const size_t marks = e.caret.find_first_not_of(" \t");
  out << indent << e.caret.substr(0, marks)
      << paint(caret_style, e.caret.substr(marks)) << '\n';
}

void WriteFinding(const Report& r, const Finding& f, const Painter& paint,
                  std::ostream& out) {
  const std::string_view style = SeverityStyle(f.severity);
  // Built by appending, not "[" + ...: gcc 12 -O3 -Wrestrict false positive (GCC PR 105329).
  std::string tag(1, '[');
  tag.append(EscapeForTerminal(f.rule)).push_back(']');
  out << Position(paint, f.location) << ' '
      << paint(style, std::string(SeverityName(f.severity)) + ":") << ' '
      << EscapeForTerminal(f.message) << ' '
      << paint(kDim, tag) << '\n';
  WriteExcerpt(r, f.location, "", style, paint, out);
  for (const Location& rel : f.related) {
    out << "  " << Position(paint, rel) << ' ' << paint(kCyan, "note:") << ' '
        << EscapeForTerminal(rel.note) << '\n';
    WriteExcerpt(r, rel, "  ", kCyan, paint, out);
  }
  if (f.fix) {
    out << "  " << paint(kBold, "help:") << ' '
        << EscapeForTerminal(f.fix->title);
    if (f.fix->applicability == Applicability::kUnsafe) out << " (unsafe fix)";
    if (f.fix->applicability == Applicability::kDisplayOnly)
      out << " (display-only fix)";
    out << '\n';
  }
  out << '\n';
}

void WriteSummary(const Report& r, std::ostream& out) {
  if (r.quiet) return;
  out << CountNoun(r.files_count, "file", "files") << " checked: ";
  if (r.fixes_applied > 0) {
    out << CountNoun(r.fixes_applied, "fix", "fixes") << " applied, "
        << (r.findings.empty() ? "all fixed" : "still: ");
  }
  if (r.findings.empty()) {
    if (r.fixes_applied == 0) out << "no findings";
    if (r.suppressed > 0) out << " (" << r.suppressed << " suppressed)";
    out << '\n';
    return;
  }
  const SeverityCounts c = CountSeverities(r.findings);
  std::string counts;
  auto add = [&](size_t n, std::string_view one, std::string_view many) {
    if (n == 0) return;
    if (!counts.empty()) counts += ", ";
    counts += CountNoun(n, one, many);
  };
  add(c.errors, "error", "errors");
  add(c.warnings, "warning", "warnings");
  add(c.infos, "info", "info");
  out << counts;
  if (r.suppressed > 0) out << " (" << r.suppressed << " suppressed)";
  if (r.fixes_available > 0 && r.diff_requested) {
    out << "; " << CountNoun(r.fixes_available, "fix", "fixes") << " available (--fix to apply)";
  } else if (r.fixes_available > 0) {
    out << "; " << CountNoun(r.fixes_available, "fix", "fixes")
        << " available (run with --diff to see "
        << (r.fixes_available == 1 ? "it" : "them") << ", --fix to apply)";
  }
  out << '\n';
  out << "For more information: synlint explain";
  for (const std::string& id : FiredRuleIds(r)) out << ' ' << EscapeForTerminal(id);
  out << '\n';
}

void WriteActions(const Report& r, std::ostream& out) {
  if (r.actions.empty() || r.quiet) return;
  out << "After applying these changes:\n";
  for (const Action& a : r.actions) {
    out << "  $ " << EscapeForTerminal(a.command);
    if (!a.reason.empty()) out << "  # " << EscapeForTerminal(a.reason);
    out << '\n';
  }
}

// audit: what was read from the running kernel, one line per listener.
void WriteLive(const Report& r, std::ostream& out) {
  if (!r.live) return;
  const LiveState& live = *r.live;
  out << "Running kernel: Linux " << EscapeForTerminal(live.kernel_release);
  if (!live.netns.empty()) out << ", network namespace " << EscapeForTerminal(live.netns);
  out << "; " << CountNoun(live.sysctl.size(), "running value", "running values") << " read, "
      << CountNoun(live.listeners.size(), "TCP listener", "TCP listeners") << ":\n";
  for (const LiveListener& l : live.listeners) {
    out << "  " << EscapeForTerminal(l.Endpoint()) << "  accept queue " << l.accept_queue_now << "/"
        << l.accept_queue_limit << ", SYN_RECV " << l.syn_recv_now;
    if (l.pid) out << ", pid " << *l.pid << " " << EscapeForTerminal(l.comm);
    if (!l.unit.empty()) out << " (" << EscapeForTerminal(l.unit) << ")";
    out << '\n';
  }
  if (!live.counters.empty())
    out << (live.counter_seconds > 0 ? "Counters (total, and the increase over the --watch interval):\n"
                                     : "Counters (total since boot, or since the namespace was made):\n");
  for (const auto& [name, value] : live.counters) {
    out << "  " << EscapeForTerminal(name) << " " << value;
    const auto d = live.counter_deltas.find(name);
    if (live.counter_seconds > 0 && d != live.counter_deltas.end()) {
      char rate[80];
      std::snprintf(rate, sizeof rate, " (+%lld in %.3g s, %.3g/s)", static_cast<long long>(d->second),
                    live.counter_seconds, static_cast<double>(d->second) / live.counter_seconds);
      out << rate;
    }
    out << '\n';
  }
  if (!live.kernel_log.empty())
    out << "Kernel log " << EscapeForTerminal(live.kernel_log) << ": "
        << CountNoun(live.flood_lines.size(), "'Possible SYN flooding' line", "'Possible SYN flooding' lines") << '\n';
  for (const std::string& u : live.unseen) out << "  not seen: " << EscapeForTerminal(u) << '\n';
}

class TextFormatter : public Formatter {
 public:
  void Write(const Report& r, std::ostream& out) const override {
    const Painter paint(r.color);
    for (const Finding& f : r.findings) WriteFinding(r, f, paint, out);
    WriteLive(r, out);
    WriteSummary(r, out);
    WriteActions(r, out);
  }
};

}  // namespace

std::unique_ptr<Formatter> MakeTextFormatter() {
  return std::make_unique<TextFormatter>();
}

}  // namespace synlint
