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

/// min(EditDistance(a, b), k + 1): only the cells within k of the diagonal
/// can be at most k, and once a whole row exceeds k the rest cannot come
/// back under it. Every key of the knowledge base is short, so the rows live
/// on the stack; this runs once per unknown key and known key (a host with
/// ten thousand per-interface keys made the full table 60% of `check`).
size_t DistanceAtMost(std::string_view a, std::string_view b, size_t k) {
  const size_t inf = k + 1;
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > k) return inf;
  constexpr size_t kMaxRow = 256;
  if (m + 2 > kMaxRow) return std::min(EditDistance(a, b), inf);
  std::array<size_t, kMaxRow> row_a, row_b;
  size_t* prev = row_a.data();
  size_t* cur = row_b.data();
  for (size_t j = 0; j <= m + 1 && j < kMaxRow; ++j) prev[j] = j <= k ? j : inf;
  for (size_t i = 1; i <= n; ++i) {
    const size_t lo = i > k ? i - k : 1;
    const size_t hi = std::min(m, i + k);
    cur[0] = i <= k ? i : inf;
    if (lo > 1) cur[lo - 1] = inf;
    size_t row_min = lo == 1 ? cur[0] : inf;
    for (size_t j = lo; j <= hi; ++j) {
      const size_t d = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
      cur[j] = std::min(d, inf);
      row_min = std::min(row_min, cur[j]);
    }
    if (hi < m) cur[hi + 1] = inf;
    if (row_min >= inf) return inf;
    std::swap(prev, cur);
  }
  return std::min(prev[m], inf);
}

/// The known key within edit distance 2 of `key` (the first of the
/// closest), or null.
const KeyInfo* ClosestKey(const KnowledgeBase& kb, std::string_view key) {
  const KeyInfo* best = nullptr;
  size_t best_d = 3;
  for (const auto& [name, info] : kb.keys()) {
    const size_t d = DistanceAtMost(key, name, best_d - 1);
    if (d < best_d) {
      best_d = d;
      best = &info;
      if (d == 0) break;
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
