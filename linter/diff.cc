#include "linter/diff.h"

#include <algorithm>
#include <vector>

namespace synlint {

namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t i = 0;
  while (i < text.size()) {
    size_t j = text.find('\n', i);
    j = j == std::string_view::npos ? text.size() : j + 1;
    lines.push_back(text.substr(i, j - i));  // keeps its terminator
    i = j;
  }
  return lines;
}

enum class Op { kKeep, kDel, kAdd };

// Myers' O(ND) diff, returning the edit script as a list of ops.
std::vector<Op> MyersDiff(const std::vector<std::string_view>& a,
                          const std::vector<std::string_view>& b) {
  // Trim a common prefix and suffix first: fixes touch few lines.
  size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) ++pre;
  size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre &&
         a[a.size() - 1 - suf] == b[b.size() - 1 - suf])
    ++suf;
  const int n = static_cast<int>(a.size() - pre - suf);
  const int m = static_cast<int>(b.size() - pre - suf);
  auto A = [&](int i) { return a[pre + static_cast<size_t>(i)]; };
  auto B = [&](int j) { return b[pre + static_cast<size_t>(j)]; };
  const int max = n + m;
  const int off = max + 1;
  std::vector<int> v(static_cast<size_t>(2 * max + 3), 0);
  std::vector<std::vector<int>> trace;
  int found_d = 0;
  for (int d = 0; d <= max; ++d) {
    trace.push_back(v);
    bool done = false;
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
        done = true;
        break;
      }
    }
    if (done) {
      found_d = d;
      trace.push_back(v);
      break;
    }
  }
  // Backtrack.
  std::vector<Op> mid;
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const std::vector<int>& pv = trace[static_cast<size_t>(d)];
    const int k = x - y;
    int prev_k;
    if (k == -d || (k != d && pv[off + k - 1] < pv[off + k + 1]))
      prev_k = k + 1;
    else
      prev_k = k - 1;
    const int prev_x = pv[off + prev_k];
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
  std::vector<Op> ops(pre, Op::kKeep);
  ops.insert(ops.end(), mid.rbegin(), mid.rend());
  ops.insert(ops.end(), suf, Op::kKeep);
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

std::string UnifiedDiff(std::string_view path, std::string_view old_text,
                        std::string_view new_text, bool old_exists,
                        int context) {
  const bool new_exists = true;
  if (old_text == new_text && old_exists) return "";
  const auto a = SplitLines(old_text);
  const auto b = SplitLines(new_text);
  const std::vector<Op> ops = MyersDiff(a, b);

  std::string out;
  out += old_exists ? "--- a/" + std::string(path) + "\n" : "--- /dev/null\n";
  out += new_exists ? "+++ b/" + std::string(path) + "\n" : "+++ /dev/null\n";

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
