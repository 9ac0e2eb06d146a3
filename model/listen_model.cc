#include "model/listen_model.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace synlint {

int64_t RoundUpPowerOfTwo(int64_t n) {
  int64_t p = 1;
  while (p < n) p <<= 1;
  return p;
}

int64_t EffectiveSomaxconn(const Host& host, const SysctlEntry** from) {
  const SysctlEntry* w = host.Winner("net.core.somaxconn");
  if (from) *from = w;
  if (const auto v = host.IntValue("net.core.somaxconn")) return *v;
  return SomaxconnDefault(host);
}

int64_t SomaxconnDefault(const Host& host) {
  // The knowledge records a default for every kernel (the knowledge test
  // checks it), so a missing one is a broken build: value() throws.
  return host.IntDefault("net.core.somaxconn").value();
}

DefaultBacklog ServerDefaultBacklog(const Host& host, const ServiceFacts& service) {
  if (service.kind == ConfigFormat::kNginx)
    return {511, "nginx's default backlog on Linux (NGX_LISTEN_BACKLOG 511)"};
  if (service.kind == ConfigFormat::kApache)
    return {511, "Apache's default ListenBacklog (DEFAULT_LISTENBACKLOG 511)"};
  if (service.kind == ConfigFormat::kSystemd) {
    const auto v = host.systemd_version;
    if (!v || *v >= 254)
      return {INT_MAX, std::string(v ? "" : "assumed ") +
                           "systemd >= 254 default Backlog= (SOMAXCONN_DELUXE = INT_MAX, so "
                           "somaxconn decides)" + (v ? "" : "; pass --systemd-version for older ones")};
    if (*v >= 252)
      return {4096,
              "systemd " + std::to_string(*v) +
                  " default Backlog= is libc's SOMAXCONN (4096 with glibc >= 2.31) upstream, but "
                  "INT_MAX in Debian 12's 252.38 and later (docs/fact-checks.md #7); not judged",
              true};
    if (*v >= 245)
      return {4096, "systemd " + std::to_string(*v) +
                        " default Backlog= is libc's SOMAXCONN: 4096 with glibc >= 2.31"};
    return {128, "systemd " + std::to_string(*v) +
                     " default Backlog= is libc's SOMAXCONN: 128 with glibc <= 2.30"};
  }
  return {511, "the server's default backlog"};
}

QueueLimits ComputeQueues(const Host& host, int64_t requested, const std::string& label,
                          std::optional<int64_t> somaxconn_override,
                          std::optional<int64_t> max_syn_override) {
  QueueLimits q;
  q.somaxconn = somaxconn_override.value_or(EffectiveSomaxconn(host));
  // __sys_listen(): if ((unsigned int)backlog > somaxconn) backlog = somaxconn;
  const uint32_t as_unsigned = static_cast<uint32_t>(static_cast<int32_t>(
      std::clamp<int64_t>(requested, INT_MIN, INT_MAX)));
  const int64_t capped = static_cast<int64_t>(as_unsigned) > q.somaxconn ? q.somaxconn
                                                                         : static_cast<int64_t>(as_unsigned);
  q.accept_limit = capped;
  const std::string req_text = requested >= INT_MAX ? label + " (INT_MAX)" : label;
  q.accept_why = "min(" + req_text + ", somaxconn " + std::to_string(q.somaxconn) + ") = " +
                 std::to_string(capped);
  if (!host.Has(KernelChange::kBacklog32Bit) && capped >= 65536) {
    q.wrapped = true;
    q.accept_limit = capped % 65536;
    const std::string u32_since = host.Since(KernelChange::kBacklog32Bit).ToString();
    q.accept_why += ", truncated to 16 bits on Linux < " + u32_since + ": " + std::to_string(q.accept_limit);
  }
  const int64_t max_syn =
      max_syn_override.value_or(host.IntValue("net.ipv4.tcp_max_syn_backlog").value_or(128));
  if (!host.Has(KernelChange::kSynQueueFromBacklog)) {
    // reqsk_queue_alloc(): nr = min(nr, max_syn_backlog); nr = max(nr, 8);
    // nr = roundup_pow_of_two(nr + 1); the queue is full when qlen >= nr.
    const int64_t nr0 = std::max<int64_t>(std::min(capped, max_syn), 8);
    q.syn_limit = RoundUpPowerOfTwo(nr0 + 1);
    q.syn_why = "roundup_pow_of_two(max(8, min(" + std::to_string(capped) + ", tcp_max_syn_backlog " +
                std::to_string(max_syn) + ")) + 1) = " + std::to_string(q.syn_limit) +
                " (Linux < " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
                " sizes the SYN table once, at the first listen())";
  } else {
    q.syn_limit = q.accept_limit;
    q.syn_why = "the accept-queue limit " + std::to_string(q.accept_limit) +
                " (Linux >= " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
                ": the SYN queue is full at sk_max_ack_backlog)";
    if (host.IntValue("net.ipv4.tcp_syncookies").value_or(1) == 0) {
      q.syn_early_drop = max_syn - (max_syn >> 2);
      q.syn_why += "; with tcp_syncookies = 0, SYNs from unproven peers are dropped once " +
                   std::to_string(*q.syn_early_drop) + " (3/4 of tcp_max_syn_backlog " +
                   std::to_string(max_syn) + ") are pending";
    }
  }
  return q;
}

namespace {

/// nginx's key for a listening socket: the normalised address and port
/// (unix sockets by path).
std::string SocketKey(const Listener& l) {
  if (l.is_unix) return "unix:" + l.address_text;
  return l.context + " " + l.host + " " + std::to_string(l.port);
}

}  // namespace

std::vector<ListenerView> ListenerViews(const Host& host) {
  std::vector<ListenerView> out;
  for (const ServiceFacts& s : host.services) {
    const size_t n = s.listeners.size();
    // nginx: each socket's representative (its index), the listen with options.
    const bool nginx = s.kind == ConfigFormat::kNginx;
    std::vector<size_t> rep(n);
    for (size_t i = 0; i < n; ++i) rep[i] = i;
    if (nginx) {
      std::vector<std::string> keys(n);
      std::unordered_map<std::string_view, size_t> socket_of;
      socket_of.reserve(n);
      for (size_t i = 0; i < n; ++i) {
        const Listener& l = s.listeners[i];
        keys[i] = SocketKey(l);
        auto [it, fresh] = socket_of.emplace(keys[i], i);
        if (!fresh && s.listeners[it->second].options.empty() && !l.options.empty()) it->second = i;
      }
      for (size_t i = 0; i < n; ++i) rep[i] = socket_of.at(keys[i]);
    }
    std::optional<DefaultBacklog> by_default;  // the same for every listener of the service
    std::vector<size_t> view_of(n);            // representative -> index in `out`
    for (size_t i = 0; i < n; ++i) {
      if (rep[i] != i) continue;
      const Listener& l = s.listeners[i];
      ListenerView v;
      v.service = &s;
      v.listener = &l;
      if (l.backlog && l.backlog->value) {
        v.requested = *l.backlog->value;
        v.explicit_backlog = true;
        v.requested_label = BacklogSetting(s.kind, v.requested);
      } else {
        if (!by_default) by_default = ServerDefaultBacklog(host, s);
        const DefaultBacklog& d = *by_default;
        v.requested = d.value;
        v.default_reason = d.reason;
        v.default_uncertain = d.uncertain;
        v.requested_label = s.kind == ConfigFormat::kSystemd && d.value == INT_MAX
                                ? "default Backlog="
                                : "default backlog " + std::to_string(d.value);
      }
      v.queues = ComputeQueues(host, v.requested, v.requested_label);
      view_of[i] = out.size();
      out.push_back(std::move(v));
    }
    for (size_t i = 0; i < n; ++i) {
      if (rep[i] != i) out[view_of[rep[i]]].shared_with.push_back(&s.listeners[i]);
    }
  }
  return out;
}

}  // namespace synlint
