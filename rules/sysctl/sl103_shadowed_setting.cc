// SPDX-License-Identifier: MIT
// SL103: precedence. An assignment overridden by a later one (dead code that
// misleads readers), the same value set twice, /etc/sysctl.conf that
// systemd-sysctl never reads, and keys the two loaders set differently.
#include <algorithm>
#include <unordered_set>

#include "rules/edits/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL103 = {"SL103", "shadowed-setting", Severity::kWarning,
                         "a sysctl assignment that another file or line overrides",
                         FixAvailability::kSometimes, "0.1.0", "rules/sysctl/SL103.md"};

namespace {

sysctl::Loader Other(sysctl::Loader l) {
  return l == sysctl::Loader::kSystemd ? sysctl::Loader::kProcps : sysctl::Loader::kSystemd;
}

std::string Why(const Host& host, const SysctlEntry& dead, const SysctlEntry& winner) {
  if (dead.file == winner.file) return "a later line in the same file wins";
  if (host.loader == sysctl::Loader::kProcps && winner.listed_as == "etc/sysctl.conf")
    return "'sysctl --system' applies etc/sysctl.conf after every sysctl.d file";
  return "sysctl.d files apply in file-name order whatever their directory, and '" +
         std::string(BaseName(winner.listed_as)) + "' sorts after '" +
         std::string(BaseName(dead.listed_as)) + "'";
}

bool SameValue(const std::string& a, const std::string& b) {
  auto norm = [](const std::string& s) {
    std::string out;
    bool space = false;
    for (char c : s) {
      if (c == ' ' || c == '\t') {
        space = true;
        continue;
      }
      if (space && !out.empty()) out += ' ';
      space = false;
      out += c;
    }
    return out;
  };
  return norm(a) == norm(b);
}

void CheckOverrides(RuleContext& ctx) {
  const Host& host = ctx.host();
  const SysctlState& other = host.sysctl(Other(host.loader));
  std::vector<const SysctlEntry*> hist;
  host.sysctl().ForEachKey([&](std::string_view name, const SysctlEntry& last) {
    if (!host.sysctl().Previous(last)) return;  // set once
    // Rejected writes (SL101/SL102) change nothing, so they neither win nor lose.
    hist.clear();
    // Writes of scripts are SL402's: they run at another time than the files, so which one wins
    // depends on when (rules/scripts/).
    for (const SysctlEntry* e = &last; e; e = host.sysctl().Previous(*e)) {
      if (host.Accepted(*e) && !host.sysctl().Script(*e)) hist.push_back(e);
    }
    if (hist.size() < 2) return;
    std::reverse(hist.begin(), hist.end());
    const std::string key(name);
    const SysctlEntry* winner = hist.back();
    const SysctlEntry* other_winner = other.Winner(key);
    std::unordered_set<const sysctl::Assignment*> done{winner->assignment};
    for (auto it = hist.rbegin() + 1; it != hist.rend(); ++it) {
      const SysctlEntry& dead = **it;
      if (!done.insert(dead.assignment).second) continue;  // applied twice (a 99-sysctl.conf link)
      Finding f;
      f.location = KeyLocation(dead);
      f.related.push_back(KeyLocation(*winner));
      f.related.back().note = "the assignment that wins";
      const bool same = SameValue(dead.value(), winner->value());
      const PackageOwner* dead_owner = host.packages.Owner(dead.file->path);
      const PackageOwner* winner_owner = host.packages.Owner(winner->file->path);
      if (same && dead_owner && !host.packages.Editable(dead.file->path)) {
        // Two packages (or a package and the admin) agree: nothing to change,
        // and the package's file is never edited.
        f.message = "'" + key + " = " + dead.value() + "' in package " + dead_owner->package +
                    "'s file is set again to the same value at " + Where(*winner) +
                    "; nothing to change (a package's file is never edited)";
      } else if (same) {
        f.message = "'" + key + " = " + dead.value() + "' is set again to the same value at " +
                    Where(*winner) + "; this line is redundant";
      } else {
        f.message = "'" + key + " = " + dead.value() + "' has no effect; " + Where(*winner) +
                    " sets '" + winner->value() + "' later (" + Why(host, dead, *winner) + ")";
      }
      const bool dead_for_both = !other_winner || other_winner->assignment != dead.assignment;
      // A line is deleted only when what wins is not a package's: otherwise
      // the setting would hang on that package's file (gone when the package
      // is removed or changes it).
      const bool winner_stays = dead.file == winner->file || !winner_owner;
      if (IsAdminFile(host, dead.file->path) && dead_for_both && winner_stays) {
        f.fix = Fix{"delete the overridden line", Applicability::kSafe, {DeleteLineEdit(dead)}};
      }
      ctx.Report(std::move(f), same ? Severity::kInfo : Severity::kWarning);
    }
  });
}

void CheckUnreadSysctlConf(RuleContext& ctx) {
  const Host& host = ctx.host();
  if (host.loader != sysctl::Loader::kSystemd) return;
  const auto& procps = host.discovery[Host::Index(sysctl::Loader::kProcps)].files;
  const auto& systemd = host.discovery[Host::Index(sysctl::Loader::kSystemd)].files;
  auto conf = std::find_if(procps.begin(), procps.end(),
                           [](const auto& f) { return f.listed_as == "etc/sysctl.conf"; });
  if (conf == procps.end()) return;
  const bool read = std::any_of(systemd.begin(), systemd.end(),
                                [&](const auto& f) { return f.file == conf->file; });
  if (read) return;
  auto parse = host.sysctl_parses.find(conf->file->path);
  if (parse == host.sysctl_parses.end() || parse->second.assignments.empty()) return;
  Finding f;
  f.location = MakeLocation(*conf->file, parse->second.assignments.front().key);
  f.message = "etc/sysctl.conf is not read by systemd-sysctl (since systemd v207) and no "
              "sysctl.d/99-sysctl.conf link points to it; its " +
              std::to_string(parse->second.assignments.size()) +
              " setting(s) apply only when 'sysctl --system' or 'sysctl -p' runs";
  ctx.Report(std::move(f));
}

void CheckLoaderDisagreement(RuleContext& ctx) {
  const Host& host = ctx.host();
  const SysctlState& mine = host.sysctl();
  const SysctlState& theirs = host.sysctl(Other(host.loader));
  if (&mine == &theirs) return;  // both loaders apply the same files
  theirs.ForEachKey([&](std::string_view name, const SysctlEntry& last) {
    const SysctlEntry* a = mine.Winner(name);
    const SysctlEntry* b = &last;  // theirs.Winner(name)
    if (!a || a->assignment == b->assignment || SameValue(a->value(), b->value())) return;
    if (mine.Script(*a) || theirs.Script(*b)) return;  // a script's write wins under both
    const std::string key(name);
    Finding f;
    f.location = KeyLocation(*b);
    f.related.push_back(MakeLocation(*a->file, a->assignment->key,
                                     "the value " + std::string(sysctl::LoaderName(host.loader)) + " applies"));
    f.message = "'" + key + "' is '" + a->value() + "' under " +
                std::string(sysctl::LoaderName(host.loader)) + " (" + Where(*a) + ") but '" +
                b->value() + "' under " + std::string(sysctl::LoaderName(Other(host.loader))) +
                " (" + Where(*b) + "); running the other loader by hand changes it";
    ctx.Report(std::move(f), Severity::kInfo);
  });
}

}  // namespace

void CheckSL103(RuleContext& ctx) {
  CheckOverrides(ctx);
  CheckUnreadSysctlConf(ctx);
  CheckLoaderDisagreement(ctx);
}

}  // namespace synlint
