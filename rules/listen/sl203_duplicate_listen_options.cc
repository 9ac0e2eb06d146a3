// SPDX-License-Identifier: MIT
// SL203: two nginx `listen` directives for the same address:port both carry
// listen options; `nginx -t` refuses it with "duplicate listen options for
// ADDR:PORT" (kernel-facts.md §5, rule 11).
#include <map>

#include "rules/edits/listen_edit.h"
#include "rules/edits/sysctl_edit.h"
#include "rules/listen/listen_rules.h"

namespace synlint {

const RuleMeta kSL203 = {"SL203", "duplicate-listen-options", Severity::kError,
                         "nginx listen options set twice for one address:port",
                         FixAvailability::kSometimes, "0.1.0", "rules/listen/SL203.md"};

namespace {

std::string OptionName(const std::string& arg) { return arg.substr(0, arg.find('=')); }

std::string AddrText(const Listener& l) {
  if (l.is_unix) return "unix:" + l.address_text;
  return (l.host.find(':') != std::string::npos ? "[" + l.host + "]" : l.host) + ":" +
         std::to_string(l.port);
}

// Deletes an argument and the blanks before it.
TextEdit DeleteArg(const SourceFile& file, const Location& at) {
  uint32_t b = at.span.begin;
  while (b > 0 && (file.text[b - 1] == ' ' || file.text[b - 1] == '\t')) --b;
  return {at.file, {b, at.span.end}, ""};
}

}  // namespace

void CheckSL203(RuleContext& ctx) {
  const Host& host = ctx.host();
  for (const ServiceFacts& s : host.services) {
    if (s.kind != ConfigFormat::kNginx) continue;
    std::map<std::string, const Listener*> first;  // context|addr -> first listen with options
    for (const Listener& l : s.listeners) {
      if (l.options.empty()) continue;
      const std::string key = l.context + "|" + AddrText(l);
      auto [it, inserted] = first.emplace(key, &l);
      if (inserted) continue;
      const Listener& a = *it->second;
      Finding f;
      f.location = l.options.front().location;
      f.message = "duplicate listen options for " + AddrText(l) + "; nginx accepts options (" +
                  l.options.front().text + ", ...) on only one 'listen' per address:port, and " +
                  a.declared_at.file + ":" + std::to_string(a.declared_at.start.line) +
                  " already sets some; 'nginx -t' fails";
      f.related.push_back(a.declared_at);
      f.related.back().note = "the first 'listen' with options for " + AddrText(l);
      const SourceFile* later = host.sources.Find(l.declared_at.file);
      // Vendor files and package files as shipped are never edited.
      if (later && a.insert_at && IsAdminFile(host, a.declared_at.file) && IsAdminFile(host, l.declared_at.file)) {
        Fix fix;
        fix.title = "move the options to the first 'listen' for " + AddrText(l);
        fix.applicability = Applicability::kSafe;
        std::string add;
        for (const Setting& o : l.options) {
          fix.edits.push_back(DeleteArg(*later, o.location));
          bool present = false;
          for (const Setting& have : a.options) {
            if (OptionName(have.text) != OptionName(o.text)) continue;
            present = true;
            if (have.text != o.text) fix.applicability = Applicability::kUnsafe;  // first one's value kept
          }
          if (!present) add += " " + o.text;
        }
        if (!add.empty()) fix.edits.push_back({a.insert_at->file, a.insert_at->span, add});
        f.fix = std::move(fix);
      }
      ctx.Report(std::move(f));
    }
  }
}

}  // namespace synlint
