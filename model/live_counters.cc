// SPDX-License-Identifier: MIT
#include "model/live_counters.h"

#include <limits>

#include "parsers/live/netstat.h"

namespace synlint {

const std::vector<std::string_view>& LiveCounterKeys() {
  static const std::vector<std::string_view> keys = {
      counter::kListenOverflows, counter::kListenDrops,     counter::kReqQFullDoCookies,
      counter::kReqQFullDrop,    counter::kSyncookiesSent,  counter::kSyncookiesRecv,
      counter::kSyncookiesFailed, counter::kPassiveOpens,   counter::kAttemptFails,
  };
  return keys;
}

LiveCounterMap ReadLiveCounters(const std::string& proc_net, std::vector<std::string>* problems) {
  LiveCounterMap out;
  for (const char* name : {"netstat", "snmp"}) {
    const std::string path = proc_net + "/" + name;
    std::string error;
    const std::optional<live::CounterFile> file = live::ReadCounterFile(path, &error);
    if (!file) {
      problems->push_back(error);
      continue;
    }
    for (const live::CounterFileError& e : file->errors)
      problems->push_back(path + ":" + std::to_string(e.line) + ": " + e.message);
    for (const std::string_view key : LiveCounterKeys()) {
      const auto it = file->counters.find(key);
      if (it == file->counters.end()) continue;
      constexpr uint64_t kMax = std::numeric_limits<int64_t>::max();
      out[std::string(key)] = static_cast<int64_t>(it->second > kMax ? kMax : it->second);
    }
  }
  return out;
}

std::optional<int64_t> CounterRates::Delta(std::string_view key) const {
  const auto it = by_key.find(std::string(key));
  if (it == by_key.end() || it->second.reset) return std::nullopt;
  return it->second.delta;
}

CounterRates ComputeRates(const LiveCounterMap& before, const LiveCounterMap& after, double seconds) {
  CounterRates rates;
  rates.seconds = seconds;
  for (const auto& [key, later] : after) {
    const auto it = before.find(key);
    if (it == before.end()) continue;
    CounterDelta d;
    if (later < it->second) {
      d.reset = true;
    } else {
      d.delta = later - it->second;
      d.per_second = seconds > 0 ? static_cast<double>(d.delta) / seconds : 0;
    }
    rates.by_key.emplace(key, d);
  }
  return rates;
}

namespace {

int64_t Get(const std::map<std::string, int64_t>& m, std::string_view key) {
  const auto it = m.find(std::string(key));
  return it == m.end() ? 0 : it->second;
}

}  // namespace

ListenPathReading ReadListenPath(const std::map<std::string, int64_t>& deltas,
                                 std::optional<int64_t> tcp_syncookies) {
  ListenPathReading r;
  const int64_t overflows = Get(deltas, counter::kListenOverflows);
  const int64_t drops = Get(deltas, counter::kListenDrops);
  const int64_t q_drop = Get(deltas, counter::kReqQFullDrop);
  const int64_t q_cookies = Get(deltas, counter::kReqQFullDoCookies);
  r.accept_queue_overflows = overflows;
  r.cookies_sent = Get(deltas, counter::kSyncookiesSent);
  if (tcp_syncookies && *tcp_syncookies != 2)
    r.syn_queue_overflows = q_drop + q_cookies;
  else if (q_cookies == 0)
    r.syn_queue_overflows = q_drop;
  if (tcp_syncookies && *tcp_syncookies == 2 && q_cookies > 0)
    r.notes.push_back("with tcp_syncookies = 2 every SYN counts in TCPReqQFullDoCookies (" +
                      std::to_string(q_cookies) + "), so it says nothing about a full SYN queue");
  if (drops < overflows) {
    r.notes.push_back("ListenDrops (" + std::to_string(drops) + ") is below ListenOverflows (" +
                      std::to_string(overflows) +
                      "): the kernel counts every overflow in both, so these come from different moments or "
                      "namespaces");
  } else {
    r.other_listen_drops = drops - overflows - q_drop;
    if (r.other_listen_drops < 0) r.other_listen_drops = 0;
  }
  return r;
}

ListenPathReading ReadListenPath(const CounterRates& rates, std::optional<int64_t> tcp_syncookies) {
  std::map<std::string, int64_t> deltas;
  ListenPathReading reset_notes;
  for (const auto& [key, d] : rates.by_key) {
    if (d.reset)
      reset_notes.notes.push_back(key + " went down between the samples (a reset): its change is unknown");
    else
      deltas[key] = d.delta;
  }
  ListenPathReading r = ReadListenPath(deltas, tcp_syncookies);
  r.notes.insert(r.notes.begin(), reset_notes.notes.begin(), reset_notes.notes.end());
  return r;
}

}  // namespace synlint
