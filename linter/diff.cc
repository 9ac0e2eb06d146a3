// SPDX-License-Identifier: MIT
#include "linter/diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/c_quote.h"
#include "core/text_lines.h"

namespace synlint {

namespace {

enum class Op { kKeep, kDel, kAdd };

using Lines = std::vector<std::string_view>;

/// Myers' largest edit distance tried on one range. Backtracking keeps the
/// diagonals of every step, about D^2 ints: 4M (16 MB) at this bound. The
/// first version kept a full copy of the diagonal array per step, O(D (N+M)):
/// 189k changed lines of a 250k-line file asked for hundreds of GB.
constexpr int kMaxMyersD = 2000;

/// Myers' O(ND) diff of a[a0, a0+n) against b[b0, b0+m), appended to `out`;
/// false (and nothing appended) when the edit distance is above `max_d`.
bool Myers(const Lines& a, size_t a0, int n, const Lines& b, size_t b0, int m, int max_d,
           std::vector<Op>* out) {
  auto A = [&](int i) { return a[a0 + static_cast<size_t>(i)]; };
  auto B = [&](int j) { return b[b0 + static_cast<size_t>(j)]; };
  const int max = std::min(n + m, max_d);
  const int off = max + 1;
  std::vector<int> v(static_cast<size_t>(2 * max + 3), 0);
  // trace of step d: v[off-d-1 .. off+d+1] as it was before step d.
  std::vector<int> trace;
  std::vector<size_t> trace_at;
  int found_d = -1;
  for (int d = 0; d <= max && found_d < 0; ++d) {
    trace_at.push_back(trace.size());
    trace.insert(trace.end(), v.begin() + (off - d - 1), v.begin() + (off + d + 2));
    for (int k = -d; k <= d; k += 2) {
      int x;
      if (k == -d || (k != d && v[off + k - 1] < v[off + k + 1]))
        x = v[off + k + 1];
      else
        x = v[off + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && A(x) == B(y)) {
        ++x;
        ++y;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) return false;
  // Backtrack.
  std::vector<Op> mid;
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const int* pv = trace.data() + trace_at[static_cast<size_t>(d)] + d + 1;  // pv[k], k in [-d-1, d+1]
    const int k = x - y;
    int prev_k;
    if (k == -d || (k != d && pv[k - 1] < pv[k + 1]))
      prev_k = k + 1;
    else
      prev_k = k - 1;
    const int prev_x = pv[prev_k];
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      mid.push_back(Op::kKeep);
      --x;
      --y;
    }
    if (x == prev_x)
      mid.push_back(Op::kAdd);
    else
      mid.push_back(Op::kDel);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    mid.push_back(Op::kKeep);
    --x;
    --y;
  }
  out->insert(out->end(), mid.rbegin(), mid.rend());
  return true;
}

/// The ops turning a[a0, a1) into b[b0, b1), appended to `out`: Myers when
/// the two differ in at most kMaxMyersD lines; else split at the lines that
/// occur exactly once on each side, in the longest run of them that keeps
/// its order (patience diff), and diff between them. A range with no such
/// line becomes one deletion and one addition: still a correct diff, only
/// not the shortest one.
void DiffRange(const Lines& a, size_t a0, size_t a1, const Lines& b, size_t b0, size_t b1,
               std::vector<Op>* out) {
  // Trim a common prefix and suffix first: fixes touch few lines.
  size_t pre = 0;
  while (a0 + pre < a1 && b0 + pre < b1 && a[a0 + pre] == b[b0 + pre]) ++pre;
  size_t suf = 0;
  while (a0 + pre + suf < a1 && b0 + pre + suf < b1 && a[a1 - 1 - suf] == b[b1 - 1 - suf]) ++suf;
  out->insert(out->end(), pre, Op::kKeep);
  a0 += pre;
  b0 += pre;
  a1 -= suf;
  b1 -= suf;
  const int n = static_cast<int>(a1 - a0), m = static_cast<int>(b1 - b0);
  if (n == 0 || m == 0 || !Myers(a, a0, n, b, b0, m, kMaxMyersD, out)) {
    struct Seen {
      uint32_t in_a = 0, in_b = 0;
      size_t at_a = 0, at_b = 0;
    };
    std::unordered_map<std::string_view, Seen> seen;
    if (n > 0 && m > 0) {
      seen.reserve(static_cast<size_t>(n + m));
      for (size_t i = a0; i < a1; ++i) {
        Seen& s = seen[a[i]];
        ++s.in_a;
        s.at_a = i;
      }
      for (size_t j = b0; j < b1; ++j) {
        Seen& s = seen[b[j]];
        ++s.in_b;
        s.at_b = j;
      }
    }
    // Unique pairs in the order of a; the longest increasing run in b.
    std::vector<std::pair<size_t, size_t>> pairs;
    for (size_t i = a0; i < a1 && m > 0; ++i) {
      const Seen& s = seen[a[i]];
      if (s.in_a == 1 && s.in_b == 1) pairs.emplace_back(i, s.at_b);
    }
    std::vector<size_t> tails, prev(pairs.size(), SIZE_MAX);  // LIS by patience sorting
    for (size_t p = 0; p < pairs.size(); ++p) {
      auto it = std::lower_bound(tails.begin(), tails.end(), pairs[p].second,
                                 [&](size_t q, size_t bj) { return pairs[q].second < bj; });
      const size_t len = static_cast<size_t>(it - tails.begin());
      if (len > 0) prev[p] = tails[len - 1];
      if (it == tails.end())
        tails.push_back(p);
      else
        *it = p;
    }
    std::vector<std::pair<size_t, size_t>> anchors;
    for (size_t p = tails.empty() ? SIZE_MAX : tails.back(); p != SIZE_MAX; p = prev[p])
      anchors.push_back(pairs[p]);
    std::reverse(anchors.begin(), anchors.end());
    if (anchors.empty()) {
      out->insert(out->end(), static_cast<size_t>(n), Op::kDel);
      out->insert(out->end(), static_cast<size_t>(m), Op::kAdd);
    } else {
      size_t i = a0, j = b0;
      for (const auto& [ai, bj] : anchors) {
        DiffRange(a, i, ai, b, j, bj, out);
        out->push_back(Op::kKeep);
        i = ai + 1;
        j = bj + 1;
      }
      DiffRange(a, i, a1, b, j, b1, out);
    }
  }
  out->insert(out->end(), suf, Op::kKeep);
}

std::vector<Op> Diff(const Lines& a, const Lines& b) {
  std::vector<Op> ops;
  ops.reserve(std::max(a.size(), b.size()));
  DiffRange(a, 0, a.size(), b, 0, b.size(), &ops);
  return ops;
}

void AppendLine(std::string* out, char tag, std::string_view line) {
  out->push_back(tag);
  out->append(line);
  if (line.empty() || line.back() != '\n')
    out->append("\n\\ No newline at end of file\n");
}

std::string Range(size_t start, size_t count) {
  // Unified diff: a zero-length range names the line before it.
  if (count == 0) return std::to_string(start == 0 ? 0 : start - 1) + ",0";
  if (count == 1) return std::to_string(start);
  return std::to_string(start) + "," + std::to_string(count);
}

}  // namespace

std::string DiffHeaderName(std::string_view prefix, std::string_view path) {
  // Quoted, a newline in a name can neither break the header nor add lines;
  // GNU patch and `git apply` read such names.
  const std::string name = std::string(prefix) + std::string(path);
  if (NeedsCQuotes(name)) return CQuoted(name);
  // As git does: a name with a space ends in a tab, or patch would stop
  // reading it at the space.
  return name.find(' ') == std::string::npos ? name : name + "\t";
}

std::string UnifiedDiff(std::string_view path, std::string_view old_text,
                        std::string_view new_text, bool old_exists,
                        int context) {
  const bool new_exists = true;
  if (old_text == new_text && old_exists) return "";
  const auto a = SplitLines(old_text);
  const auto b = SplitLines(new_text);
  const std::vector<Op> ops = Diff(a, b);

  std::string out;
  out += old_exists ? "--- " + DiffHeaderName("a/", path) + "\n" : "--- /dev/null\n";
  out += new_exists ? "+++ " + DiffHeaderName("b/", path) + "\n" : "+++ /dev/null\n";

  // Group changes into hunks separated by more than 2*context kept lines.
  const size_t ctx = static_cast<size_t>(context);
  size_t i = 0;
  const size_t total = ops.size();
  // Precompute positions in a and b for each op index.
  std::vector<size_t> pa(total + 1), pb(total + 1);
  for (size_t k = 0; k < total; ++k) {
    pa[k + 1] = pa[k] + (ops[k] != Op::kAdd);
    pb[k + 1] = pb[k] + (ops[k] != Op::kDel);
  }
  while (i < total) {
    while (i < total && ops[i] == Op::kKeep) ++i;
    if (i == total) break;
    size_t start = i >= ctx ? i - ctx : 0;
    size_t end = i;  // one past the last change in this hunk
    size_t k = i;
    while (k < total) {
      if (ops[k] != Op::kKeep) {
        end = k + 1;
        ++k;
        continue;
      }
      size_t run = k;
      while (run < total && ops[run] == Op::kKeep) ++run;
      if (run == total || run - k > 2 * ctx) break;
      k = run;
    }
    const size_t stop = std::min(total, end + ctx);
    size_t a_count = pa[stop] - pa[start];
    size_t b_count = pb[stop] - pb[start];
    out += "@@ -" + Range(pa[start] + 1, a_count) + " +" +
           Range(pb[start] + 1, b_count) + " @@\n";
    for (size_t q = start; q < stop; ++q) {
      switch (ops[q]) {
        case Op::kKeep: AppendLine(&out, ' ', a[pa[q]]); break;
        case Op::kDel: AppendLine(&out, '-', a[pa[q]]); break;
        case Op::kAdd: AppendLine(&out, '+', b[pb[q]]); break;
      }
    }
    i = stop;
  }
  return out;
}

}  // namespace synlint
