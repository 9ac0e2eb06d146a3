// SPDX-License-Identifier: MIT
#include "linter/tune/load_spec.h"

#include <vector>

namespace synlint::tune {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// "1.5" for 1500 thousandths; `scale` is the denominator (1000 or 10^6).
std::string Decimal(int64_t value, int64_t scale) {
  std::string out = std::to_string(value / scale);
  int64_t frac = value % scale;
  if (frac == 0) return out;
  std::string digits;
  for (int64_t s = scale / 10; s > 0; s /= 10) {
    digits += static_cast<char>('0' + frac / s);
    frac %= s;
  }
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return out + "." + digits;
}

std::string Describe(const Load& l) {
  std::vector<std::string> parts;
  if (l.peak_rate) parts.push_back(std::to_string(*l.peak_rate) + "/s");
  if (l.accept_delay_ms) parts.push_back("accept delay " + std::to_string(*l.accept_delay_ms) + " ms");
  if (l.headroom) parts.push_back("headroom " + l.headroom->ToString());
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : ", ") + p;
  return out;
}

}  // namespace

std::string Headroom::ToString() const { return Decimal(milli, 1000); }

std::optional<Headroom> ParseHeadroom(std::string_view text, std::string* err, std::string_view what) {
  std::string_view s = Trim(text);
  if (!s.empty() && (s.back() == 'x' || s.back() == 'X')) s.remove_suffix(1);
  int64_t whole = 0, frac = 0;
  size_t i = 0, frac_digits = 0;
  for (; i < s.size() && IsDigit(s[i]) && whole <= 1000; ++i) whole = whole * 10 + (s[i] - '0');
  const size_t whole_digits = i;
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && IsDigit(s[i]) && frac_digits < 3; ++i, ++frac_digits)
      frac = frac * 10 + (s[i] - '0');
  }
  if (whole_digits == 0 || i != s.size()) {
    *err = std::string(what) + ": '" + std::string(text) +
           "' is not a factor such as 2, 1.5 or 1.25x (at most three decimals)";
    return std::nullopt;
  }
  for (size_t d = frac_digits; d < 3; ++d) frac *= 10;
  const Headroom h{whole * 1000 + frac};
  if (h.milli < 1000 || h.milli > 1'000'000) {
    *err = std::string(what) + ": '" + std::string(text) + "' is outside 1 to 1000";
    return std::nullopt;
  }
  return h;
}

std::optional<int64_t> ParsePositive(std::string_view text, int64_t max, std::string_view what,
                                     std::string* err) {
  const std::string_view s = Trim(text);
  int64_t n = 0;
  bool ok = !s.empty();
  for (char c : s) {
    if (!IsDigit(c) || n > max) {
      ok = false;
      break;
    }
    n = n * 10 + (c - '0');
  }
  if (!ok && n > max) {
    *err = std::string(what) + ": '" + std::string(text) + "' must be between 1 and " + std::to_string(max);
    return std::nullopt;
  }
  if (!ok) {
    *err = std::string(what) + ": '" + std::string(text) + "' is not a whole number";
    return std::nullopt;
  }
  if (n == 0 || n > max) {
    *err = std::string(what) + ": '" + std::string(text) + "' must be between 1 and " + std::to_string(max);
    return std::nullopt;
  }
  return n;
}

bool ParsePortLoad(std::string_view text, uint32_t* port, Load* out, std::string* err) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) {
    *err = "--port: '" + std::string(text) + "' is not PORT:peak-rate=N,accept-delay=MS";
    return false;
  }
  std::string sub;
  const auto p = ParsePositive(text.substr(0, colon), 65535, "--port", &sub);
  if (!p) {
    *err = "--port: '" + std::string(text.substr(0, colon)) + "' is not a port (1 to 65535)";
    return false;
  }
  *port = static_cast<uint32_t>(*p);
  *out = Load{};
  std::string_view rest = text.substr(colon + 1);
  if (Trim(rest).empty()) {
    *err = "--port: '" + std::string(text) + "' gives no peak-rate, accept-delay or headroom";
    return false;
  }
  while (!rest.empty()) {
    const size_t comma = rest.find(',');
    const std::string_view item = Trim(rest.substr(0, comma));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const size_t eq = item.find('=');
    const std::string_view name = Trim(item.substr(0, eq));
    const std::string_view value = eq == std::string_view::npos ? "" : item.substr(eq + 1);
    const std::string what = "--port " + std::to_string(*port) + " " + std::string(name);
    if (name == "peak-rate" && eq != std::string_view::npos) {
      out->peak_rate = ParsePositive(value, kMaxPeakRate, what, err);
      if (!out->peak_rate) return false;
    } else if (name == "accept-delay" && eq != std::string_view::npos) {
      out->accept_delay_ms = ParsePositive(value, kMaxAcceptDelayMs, what, err);
      if (!out->accept_delay_ms) return false;
    } else if (name == "headroom" && eq != std::string_view::npos) {
      out->headroom = ParseHeadroom(value, err, what);
      if (!out->headroom) return false;
    } else {
      *err = "--port: unknown setting '" + std::string(item) +
             "' (expected peak-rate=N, accept-delay=MS or headroom=F)";
      return false;
    }
  }
  return true;
}

std::optional<ResolvedLoad> LoadSpec::For(uint32_t port) const {
  const auto it = ports.find(port);
  const Load* own = it == ports.end() ? nullptr : &it->second;
  ResolvedLoad r;
  const auto rate = own && own->peak_rate ? own->peak_rate : global.peak_rate;
  const auto delay = own && own->accept_delay_ms ? own->accept_delay_ms : global.accept_delay_ms;
  if (!rate || !delay) return std::nullopt;
  r.peak_rate = *rate;
  r.accept_delay_ms = *delay;
  r.headroom = own && own->headroom ? *own->headroom : global.headroom.value_or(Headroom{});
  r.per_port = own != nullptr;
  return r;
}

std::string LoadSpec::Describe() const {
  Load g = global;
  if (!g.headroom) g.headroom = Headroom{};
  std::string out =
      g.peak_rate || g.accept_delay_ms ? tune::Describe(g) : "headroom " + g.headroom->ToString();
  for (const auto& [port, load] : ports)
    out += "; port " + std::to_string(port) + ": " + tune::Describe(load);
  return out;
}

QueueNeed RequiredQueue(const ResolvedLoad& load) {
  // rate [1/s] x delay [ms] / 1000 x headroom [1/1000]: one exact fraction
  // over 10^6. The inputs are bounded, so the product fits in 128 bits and
  // the quotient in 64.
  const unsigned __int128 num = static_cast<unsigned __int128>(load.peak_rate) *
                                static_cast<unsigned __int128>(load.accept_delay_ms) *
                                static_cast<unsigned __int128>(load.headroom.milli);
  constexpr unsigned __int128 kDen = 1'000'000;
  const int64_t whole = static_cast<int64_t>(num / kDen);
  const int64_t rest = static_cast<int64_t>(num % kDen);
  QueueNeed need;
  need.queue = whole + (rest != 0 ? 1 : 0);
  need.derivation = std::to_string(load.peak_rate) + "/s × " + std::to_string(load.accept_delay_ms) +
                    " ms × " + load.headroom.ToString() + " = ";
  if (rest == 0) {
    need.derivation += std::to_string(need.queue);
  } else {
    // Show up to three decimals of the exact value, then the rounding.
    const int64_t milli = static_cast<int64_t>((num % kDen) / 1000);
    const std::string shown = Decimal(whole * 1000 + milli, 1000) + (num % 1000 != 0 ? "…" : "");
    need.derivation += shown + ", rounded up to " + std::to_string(need.queue);
  }
  return need;
}

}  // namespace synlint::tune
