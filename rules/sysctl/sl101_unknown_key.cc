// SL101: a key the target kernel does not have. Writes to it fail at boot
// (systemd-sysctl logs a missing key only at debug level, so it goes unseen).
#include <algorithm>
#include <array>
#include <unordered_map>

#include "rules/sysctl/sysctl_edit.h"
#include "rules/sysctl/sysctl_rules.h"

namespace synlint {

const RuleMeta kSL101 = {"SL101", "unknown-key", Severity::kError,
                         "a key the target kernel does not have (removed, not yet added, or misspelt)",
                         FixAvailability::kSometimes, "0.1.0", "rules/sysctl/SL101.md"};

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

/// The known key within edit distance 2 of `key` (the first of the
/// closest), or null. Keys whose lengths differ by 3 or more cannot be that
/// close and are skipped without computing the distance.
const KeyInfo* ClosestKey(const KnowledgeBase& kb, std::string_view key) {
  const KeyInfo* best = nullptr;
  size_t best_d = 3;
  for (const auto& [name, info] : kb.keys()) {
    const size_t gap = name.size() > key.size() ? name.size() - key.size() : key.size() - name.size();
    if (gap >= best_d) continue;
    const size_t d = EditDistance(key, name);
    if (d < best_d) {
      best_d = d;
      best = &info;
    }
  }
  return best;
}

bool KnownTopLevel(std::string_view key) {
  static constexpr std::array<std::string_view, 10> kTop = {
      "abi", "crypto", "debug", "dev", "fs", "kernel", "net", "sunrpc", "user", "vm"};
  const std::string_view top = key.substr(0, key.find('.'));
  return std::find(kTop.begin(), kTop.end(), top) != kTop.end();
}

}  // namespace

void CheckSL101(RuleContext& ctx) {
  const Host& host = ctx.host();
  // A file may repeat one unknown key many times: look each up once.
  std::unordered_map<std::string, const KeyInfo*> suggestions;
  for (const SysctlEntry* entry : AllAssignments(host)) {
    const SysctlEntry& e = *entry;
    const auto& a = *e.assignment;
    if (a.is_glob()) continue;
    const Severity sev = a.ignore_failure ? Severity::kWarning : Severity::kError;
    const std::string ignored = a.ignore_failure ? " (the '-' prefix hides the failure)" : "";
    if (const KeyInfo* info = host.kb->Find(a.name)) {
      if (info->ExistsOn(host.kernel) || a.exclusion) continue;
      Finding f;
      f.location = KeyLocation(e);
      if (info->removed && host.kernel >= *info->removed) {
        f.message = "'" + a.name + "' was removed in Linux " + info->removed->ToString() +
                    "; the write fails on the target kernel " + host.kernel.ToString() + ignored;
        if (IsAdminFile(e.file->path)) {
          f.fix = Fix{"delete the line setting '" + a.name + "'", Applicability::kSafe,
                      {DeleteLineEdit(e)}};
        }
      } else {
        f.message = "'" + a.name + "' does not exist before Linux " + info->since->ToString() +
                    "; the write fails on the target kernel " + host.kernel.ToString() + ignored;
      }
      ctx.Report(std::move(f), sev);
      continue;
    }
    // Not in the knowledge base: report only what is surely wrong.
    if (!KnownTopLevel(a.name)) {
      Finding f;
      f.location = KeyLocation(e);
      f.message = "'" + a.name + "' is not a sysctl key; keys start with one of abi, crypto, debug, "
                  "dev, fs, kernel, net, sunrpc, user, vm" + ignored;
      ctx.Report(std::move(f), sev);
      continue;
    }
    auto [known, fresh] = suggestions.try_emplace(a.name, nullptr);
    if (fresh) known->second = ClosestKey(*host.kb, a.name);
    const KeyInfo* best = known->second;
    if (!best) continue;
    Finding f;
    f.location = KeyLocation(e);
    f.message = "unknown key '" + a.name + "'; did you mean '" + best->key + "'?" + ignored;
    if (IsAdminFile(e.file->path)) {
      f.fix = Fix{"rename to '" + best->key + "'", Applicability::kUnsafe,
                  {{e.file->path, a.key, best->key}}};
    }
    ctx.Report(std::move(f), sev);
  }
}

}  // namespace synlint
