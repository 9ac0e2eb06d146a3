// SPDX-License-Identifier: MIT
// RestoreTemplate: a line diff (Myers) between the masked text and the fixed
// text decides which original lines survive unchanged.
#include <algorithm>
#include <vector>

#include "core/text_lines.h"
#include "linter/config/template_mask.h"

namespace synlint {

namespace {

/// More edits than this between masked and fixed text is not a fix.
constexpr int kMaxEditDistance = 1000;

enum class Op { kKeep, kDelete, kInsert };

/// The shortest edit script from `a` to `b`; false when it is longer than kMaxEditDistance.
bool LineDiff(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b,
              std::vector<Op>* ops) {
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  const int n = static_cast<int>(a.size() - pre - suf);
  const int m = static_cast<int>(b.size() - pre - suf);
  auto same = [&](int x, int y) {
    return a[pre + static_cast<size_t>(x)] == b[pre + static_cast<size_t>(y)];
  };
  // trace[d][k + d]: furthest x on diagonal k after d edits.
  std::vector<std::vector<int>> trace;
  int found = -1;
  for (int d = 0; d <= std::min(n + m, kMaxEditDistance) && found < 0; ++d) {
    std::vector<int> v(static_cast<size_t>(2 * d + 1), 0);
    for (int k = -d; k <= d; k += 2) {
      int x = 0;
      if (d > 0) {
        const std::vector<int>& p = trace.back();
        auto at = [&](int kk) { return p[static_cast<size_t>(kk + d - 1)]; };
        x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      }
      int y = x - k;
      while (x < n && y < m && same(x, y)) {
        ++x;
        ++y;
      }
      v[static_cast<size_t>(k + d)] = x;
      if (x >= n && y >= m) found = d;
    }
    trace.push_back(std::move(v));
  }
  if (found < 0) return false;
  std::vector<Op> mid;
  int x = n, y = m;
  for (int d = found; d > 0; --d) {
    const std::vector<int>& p = trace[static_cast<size_t>(d - 1)];
    auto at = [&](int kk) { return p[static_cast<size_t>(kk + d - 1)]; };
    const int k = x - y;
    const bool down = k == -d || (k != d && at(k - 1) < at(k + 1));
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = at(prev_k);
    const int start_x = down ? prev_x : prev_x + 1;
    while (x > start_x) {
      mid.push_back(Op::kKeep);
      --x;
      --y;
    }
    mid.push_back(down ? Op::kInsert : Op::kDelete);
    x = prev_x;
    y = prev_x - prev_k;
  }
  for (; x > 0; --x) mid.push_back(Op::kKeep);
  ops->assign(pre, Op::kKeep);
  ops->insert(ops->end(), mid.rbegin(), mid.rend());
  ops->insert(ops->end(), suf, Op::kKeep);
  return true;
}

}  // namespace

bool RestoreTemplate(std::string_view original, std::string_view masked,
                     const std::vector<Span>& masked_spans, std::string_view edited, std::string* out,
                     std::string* err) {
  const std::vector<std::string_view> orig = SplitLines(original);
  const std::vector<std::string_view> mask = SplitLines(masked);
  const std::vector<std::string_view> next = SplitLines(edited);
  if (orig.size() != mask.size() || original.size() != masked.size()) {
    *err = "the masked text does not match the template";
    return false;
  }
  std::vector<Op> ops;
  if (!LineDiff(mask, next, &ops)) {
    *err = "the fixes change too much of the template to carry them over";
    return false;
  }
  out->clear();
  size_t i = 0, j = 0;
  uint32_t offset = 0;  // start of mask[i]
  for (Op op : ops) {
    if (op == Op::kInsert) {
      out->append(next[j++]);
      continue;
    }
    if (op == Op::kDelete) {
      const Span line{offset, offset + static_cast<uint32_t>(mask[i].size())};
      if (SpanTouches(masked_spans, line)) {
        *err = "a fix would change template text on line " + std::to_string(i + 1) + "; change it by hand";
        return false;
      }
    } else {
      out->append(orig[i]);
      ++j;
    }
    offset += static_cast<uint32_t>(mask[i].size());
    ++i;
  }
  return true;
}

}  // namespace synlint
