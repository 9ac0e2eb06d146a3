// SPDX-License-Identifier: MIT
#include "model/listen_model.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "model/setting.h"

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
    if (*v >= 252) {
      // socket_init(): SOMAXCONN_DELUXE from systemd-stable's v252.12 and
      // v253.6 (f8e8ff5126, the cherry-pick of 768fcd779fbb), libc's SOMAXCONN before.
      const int first = *v == 252 ? 12 : 6;
      const std::string deluxe = std::to_string(*v) + "." + std::to_string(first);
      if (const auto n = host.systemd_stable) {
        const std::string release = std::to_string(*v) + (*n ? "." + std::to_string(*n) : "");
        if (*n >= first)
          return {INT_MAX, "systemd " + release + " default Backlog= (SOMAXCONN_DELUXE = INT_MAX since " + deluxe +
                               ", so somaxconn decides)"};
        return {4096, "systemd " + release + " default Backlog= is libc's SOMAXCONN: 4096 with glibc >= 2.31 "
                      "(INT_MAX from " + deluxe + ")"};
      }
      return {4096,
              "systemd " + std::to_string(*v) + " default Backlog= is libc's SOMAXCONN (4096 with glibc >= 2.31) "
                  "before " + deluxe + " and INT_MAX from it, and the stable release is not known "
                  "(docs/fact-checks.md #7); not judged",
              true};
    }
    if (*v >= 245)
      return {4096, "systemd " + std::to_string(*v) +
                        " default Backlog= is libc's SOMAXCONN: 4096 with glibc >= 2.31"};
    return {128, "systemd " + std::to_string(*v) +
                     " default Backlog= is libc's SOMAXCONN: 128 with glibc <= 2.30"};
  }
  return {511, "the server's default backlog"};
}

std::string QueueLimits::SynText() const {
  return SynKnown() ? std::to_string(syn_limit) : std::to_string(syn_limit) + ".." + std::to_string(syn_limit_max);
}

int64_t EarlyDropAt(int64_t max_syn) { return max_syn - (max_syn >> 2) + 1; }

int64_t MaxSynBacklogFor(int64_t pending) {
  int64_t n = std::max<int64_t>(0, (pending - 1) * 4 / 3 - 1);
  while (EarlyDropAt(n) < pending) ++n;
  return n;
}

namespace {

// The SYN queue from 4.4 on: full at sk_max_ack_backlog, or past it since
// 3479c7549fb1 (reqsk_queue_full_strict), which stable series got mid-way.
void SynQueueFromBacklog(const Host& host, QueueLimits* q) {
  const std::string limit = std::to_string(q->accept_limit);
  const std::string plus_one = std::to_string(q->accept_limit + 1);
  const KernelVersion rework = host.Since(KernelChange::kSynQueueFromBacklog);
  const ChangeInfo* strict = host.kb->FindChange(KernelChange::kReqskQueueFullStrict);
  // The first release with the change on the target's series: its backport, else mainline's.
  const KernelVersion* backport_here = strict->BackportOn(host.kernel);
  const std::string since =
      backport_here ? backport_here->ToString() : host.Since(KernelChange::kReqskQueueFullStrict).ToString();
  switch (host.State(KernelChange::kReqskQueueFullStrict)) {
    case ChangeState::kPresent:
      q->syn_limit = q->syn_limit_max = q->accept_limit + 1;
      q->syn_why = "the accept-queue limit " + limit + " + 1 = " + plus_one + " (Linux >= " +
                   rework.ToString() + ": the SYN queue is full past sk_max_ack_backlog, > since " + since +
                   ", 3479c7549fb1)";
      break;
    case ChangeState::kAbsent:
      q->syn_limit = q->syn_limit_max = q->accept_limit;
      q->syn_why = "the accept-queue limit " + limit + " (Linux >= " + rework.ToString() +
                   ": the SYN queue is full at sk_max_ack_backlog; one more from " + since + ", 3479c7549fb1)";
      break;
    case ChangeState::kUnknown:  // `since` is this series' backport
      q->syn_limit = q->accept_limit;
      q->syn_limit_max = q->accept_limit + 1;
      q->syn_why = "Linux " + host.kernel.Series() + " before " + since + " holds the accept-queue limit " + limit +
                   ", from " + since + " one more (" + plus_one + ", 3479c7549fb1); pass --kernel " +
                   host.kernel.Series() + ".Z";
      break;
  }
}

}  // namespace

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
  IntSetting max_syn;
  if (max_syn_override) {
    max_syn.min = max_syn.max = *max_syn_override;
  } else if (const auto s = IntSettingOf(host, "net.ipv4.tcp_max_syn_backlog")) {
    max_syn = *s;
  } else {
    max_syn.min = max_syn.max = 128;  // a knowledge without the key (tests)
  }
  const std::string max_syn_text =
      "tcp_max_syn_backlog " + (max_syn.Known() ? max_syn.Text() : max_syn.Explained());
  if (!host.Has(KernelChange::kSynQueueFromBacklog)) {
    // reqsk_queue_alloc(): nr = min(nr, max_syn_backlog); nr = max(nr, 8);
    // nr = roundup_pow_of_two(nr + 1); the queue is full when qlen >= nr.
    auto table = [&](int64_t m) { return RoundUpPowerOfTwo(std::max<int64_t>(std::min(capped, m), 8) + 1); };
    q.syn_limit = table(max_syn.min);
    q.syn_limit_max = table(max_syn.max);
    q.syn_why = "roundup_pow_of_two(max(8, min(" + std::to_string(capped) + ", " + max_syn_text + ")) + 1) = " +
                q.SynText() + " (Linux < " + host.Since(KernelChange::kSynQueueFromBacklog).ToString() +
                " sizes the SYN table once, at the first listen())";
  } else {
    SynQueueFromBacklog(host, &q);
    if (host.IntValue("net.ipv4.tcp_syncookies").value_or(1) == 0) {
      q.syn_early_drop = EarlyDropAt(max_syn.min);
      q.syn_early_drop_max = EarlyDropAt(max_syn.max);
      const std::string at = max_syn.Known() ? std::to_string(*q.syn_early_drop)
                                              : std::to_string(*q.syn_early_drop) + ".." +
                                                    std::to_string(q.syn_early_drop_max);
      const std::string m = max_syn.Known() ? max_syn.Text() : "M";
      q.syn_why += "; with tcp_syncookies = 0, SYNs from unproven peers are dropped once " + at +
                   " are pending (" + m + " - " + m + "/4 + 1 with tcp_max_syn_backlog " +
                   (max_syn.Known() ? m : "M = " + max_syn.Explained()) + ")";
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
      if (l.is_unix) {
        // unix_listen() stores the backlog __sys_listen() capped at somaxconn
        // as sk_max_ack_backlog and nothing else: no SYN queue, no
        // tcp_max_syn_backlog (net/unix/af_unix.c).
        v.unix_socket = true;
        v.queues.has_syn_queue = false;
        v.queues.syn_limit = v.queues.syn_limit_max = 0;
        v.queues.syn_early_drop.reset();
        v.queues.syn_why = "none: a Unix socket has no SYN queue";
      }
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
