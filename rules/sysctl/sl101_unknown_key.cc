// SPDX-License-Identifier: MIT
// SL101: a key the target kernel does not have: removed (the knowledge base
// says when), not yet added (likewise), or in no kernel synlint has a name
// list for and near a known key (a misspelling). Writes to it fail at boot
// (systemd-sysctl logs a missing key only at debug level, so it goes unseen).
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>

#include "model/key_names.h"
#include "model/proc_sys.h"
#include "rules/edits/sysctl_edit.h"
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

/// Letter counts folded into 32 buckets (saturating), for a cheap lower
/// bound on the edit distance: an edit changes at most one count up and
/// one down, so max(letters `a` has more of, letters `b` has more of) <= it.
struct LetterCounts {
  std::array<uint8_t, 32> n{};
  explicit LetterCounts(std::string_view s) {
    for (const char c : s) {
      uint8_t& slot = n[static_cast<unsigned char>(c) & 31];
      if (slot < 255) ++slot;
    }
  }
};

size_t BagDistance(const LetterCounts& a, const LetterCounts& b) {
  unsigned more_a = 0, more_b = 0;
  for (size_t i = 0; i < a.n.size(); ++i) {
    const unsigned x = a.n[i], y = b.n[i];
    more_a += x > y ? x - y : 0;
    more_b += y > x ? y - x : 0;
  }
  return std::max(more_a, more_b);
}

/// Every key synlint knows by name (the name lists, patterns on `all` and
/// `default`, and the knowledge base), with their letter counts, built once
/// per run and only when a key is unknown: each suggestion is compared with
/// every known name.
class Suggester {
 public:
  explicit Suggester(const KnowledgeBase& kb) {
    const std::vector<std::string>& names = KeyNamesToSuggest();
    known_.reserve(names.size() + kb.keys().size());
    for (const std::string& name : names) known_.push_back({name, LetterCounts(name)});
    for (const auto& [name, info] : kb.keys()) {
      if (!std::binary_search(names.begin(), names.end(), name)) known_.push_back({name, LetterCounts(name)});
    }
  }
  /// The known key within edit distance 2 of `key` (the first of the
  /// closest), or "".
  std::string_view Closest(std::string_view key) const {
    const LetterCounts counts(key);
    std::string_view best;
    size_t best_d = 3;
    for (const Known& k : known_) {
      const size_t limit = best_d - 1;
      const size_t n = key.size(), m = k.name.size();
      if ((n > m ? n - m : m - n) > limit || BagDistance(counts, k.counts) > limit) continue;
      const size_t d = DistanceAtMost(key, k.name, limit);
      if (d < best_d) {
        best_d = d;
        best = k.name;
        if (d == 0) break;
      }
    }
    return best;
  }

 private:
  struct Known {
    std::string_view name;
    LetterCounts counts;
  };
  std::vector<Known> known_;
};

bool KnownTopLevel(std::string_view key) {
  static constexpr std::array<std::string_view, 10> kTop = {
      "abi", "crypto", "debug", "dev", "fs", "kernel", "net", "sunrpc", "user", "vm"};
  const std::string_view top = key.substr(0, key.find('.'));
  return std::find(kTop.begin(), kTop.end(), top) != kTop.end();
}

/// A per-interface key, `net.ipv4.conf.IFACE.LEAF` or `net.ipv6.conf.IFACE.LEAF`
/// for an interface other than `all` and `default`. The kernel registers
/// one table of these for `all`, for `default` and for every device
/// (kernel-facts.md §8 and ip-sysctl.rst `conf/interface/*`), and
/// systemd-sysctl applies them again when the interface appears, so an
/// interface unknown here is no error: the leaf is what to check.
struct InterfaceKey {
  std::string_view family;  // "net.ipv4.conf." or "net.ipv6.conf."
  std::string_view iface;   // as written in dotted form ('/' for a '.' in the name)
  std::string_view leaf;
  /// The same key on `all` ("net.ipv4.conf.all.LEAF").
  std::string OnAll() const { return std::string(family) + "all." + std::string(leaf); }
};

std::optional<InterfaceKey> SplitInterfaceKey(std::string_view key) {
  for (const std::string_view family : {std::string_view("net.ipv4.conf."), std::string_view("net.ipv6.conf.")}) {
    if (key.substr(0, family.size()) != family) continue;
    const std::string_view rest = key.substr(family.size());
    const size_t dot = rest.find('.');
    if (dot == 0 || dot == std::string_view::npos || dot + 1 == rest.size() ||
        rest.find('.', dot + 1) != std::string_view::npos)
      return std::nullopt;
    InterfaceKey k{family, rest.substr(0, dot), rest.substr(dot + 1)};
    if (k.iface == "all" || k.iface == "default") return std::nullopt;
    return k;
  }
  return std::nullopt;
}

/// The knowledge base's entry for `key`, or for the same leaf on `all` or
/// `default` when `key` is a per-interface key.
const KeyInfo* FindKey(const KnowledgeBase& kb, std::string_view key, const std::optional<InterfaceKey>& iface) {
  if (const KeyInfo* info = kb.Find(key)) return info;
  if (!iface) return nullptr;
  std::string on = iface->OnAll();
  if (const KeyInfo* info = kb.Find(on)) return info;
  on.replace(iface->family.size(), 3, "default");
  return kb.Find(on);
}

}  // namespace

void CheckSL101(RuleContext& ctx) {
  const Host& host = ctx.host();
  // A file may repeat one unknown key many times: look each up once. The
  // names live in the host's parses for the whole run. Per-interface keys
  // are looked up by their leaf on `all`.
  std::unordered_map<std::string_view, std::string_view> suggestions;
  std::unordered_map<std::string, std::string_view> leaf_suggestions;
  std::optional<Suggester> suggester;
  auto closest = [&](std::string_view key) {
    if (!suggester) suggester.emplace(*host.kb);
    return suggester->Closest(key);
  };
  for (const SysctlEntry* entry : AllAssignments(host)) {
    const SysctlEntry& e = *entry;
    const auto& a = *e.assignment;
    if (a.is_glob()) continue;
    const std::optional<InterfaceKey> iface = SplitInterfaceKey(a.name);
    const Severity sev = a.ignore_failure ? Severity::kWarning : Severity::kError;
    const std::string ignored = a.ignore_failure ? " (the '-' prefix hides the failure)" : "";
    if (const KeyInfo* info = FindKey(*host.kb, a.name, iface)) {
      if (info->ExistsOn(host.kernel) || a.exclusion) continue;
      Finding f;
      f.location = KeyLocation(e);
      if (info->removed && host.kernel >= *info->removed) {
        f.message = "'" + a.name + "' was removed in Linux " + info->removed->ToString() +
                    "; the write fails on the target kernel " + host.kernel.ToString() + ignored;
        if (IsAdminFile(host, e.file->path) && !IsScriptWrite(host, e)) {
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
    // A key some kernel's source registers is no misspelling, whichever
    // kernel the list came from: which release added it is not proven by
    // the lists, so nothing is said. On a live root, the running kernel's
    // proc/sys is the truth for keys newer than every list.
    if (KnownKeyName(a.name) || (host.live && ProcSysHasKey(host.sources.fs(), a.name))) continue;
    if (!KnownTopLevel(a.name)) {
      Finding f;
      f.location = KeyLocation(e);
      f.message = "'" + a.name + "' is not a sysctl key; keys start with one of abi, crypto, debug, "
                  "dev, fs, kernel, net, sunrpc, user, vm" + ignored;
      ctx.Report(std::move(f), sev);
      continue;
    }
    std::string best;
    if (!iface) {
      auto [known, fresh] = suggestions.try_emplace(a.name, std::string_view());
      if (fresh) known->second = closest(a.name);
      best = known->second;
    } else {
      // A misspelt leaf: suggest the right one on the same interface.
      auto [leaf, fresh] = leaf_suggestions.try_emplace(iface->OnAll(), std::string_view());
      if (fresh) leaf->second = closest(leaf->first);
      const std::string_view on_template = leaf->second;
      // Only a key of the same family, on all or default, names a leaf.
      for (const std::string_view which : {std::string_view("all."), std::string_view("default.")}) {
        const std::string prefix = std::string(iface->family) + std::string(which);
        if (on_template.substr(0, prefix.size()) == prefix)
          best = std::string(iface->family) + std::string(iface->iface) + "." +
                 std::string(on_template.substr(prefix.size()));
      }
    }
    // Unknown and near no known key: an out-of-tree module's or a newer
    // kernel's key, as likely as a typo, so nothing is said.
    if (best.empty()) continue;
    // The suggestion is a message, never an edit: a near key may be a
    // different real setting (net.ipv6.X and net.ipv4.X), and renaming would
    // make a setting take effect that never did.
    Finding f;
    f.location = KeyLocation(e);
    f.message = "unknown key '" + a.name + "'; did you mean '" + best + "'?" + ignored;
    ctx.Report(std::move(f), sev);
  }
}

}  // namespace synlint
