// SPDX-License-Identifier: MIT
#include "linter/cli/audit_watch.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>
#include <map>
#include <thread>

#include "parsers/live/inet_diag.h"
#include "parsers/live/kernel_log.h"

namespace synlint::cli {
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void OnInterrupt(int) { g_interrupted = 1; }

// Sleeps `seconds` in small steps; false when SIGINT came meanwhile.
bool SleepUnlessInterrupted(double seconds) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!g_interrupted && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  return !g_interrupted;
}

std::string Rate(int64_t delta, double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f/s", seconds > 0 ? static_cast<double>(delta) / seconds : 0.0);
  return buf;
}

// One display block: the time, the listen-path counters' rates, and one line per listener.
void WriteBlock(const CounterSample& before, const CounterSample& now, std::ostream& out) {
  const double secs = std::chrono::duration<double>(now.at - before.at).count();
  const CounterRates rates = ComputeRates(before.counters, now.counters, secs);
  const std::time_t t = std::time(nullptr);
  char clock[16];
  std::strftime(clock, sizeof clock, "%H:%M:%S", std::localtime(&t));
  out << clock;
  for (const std::string_view key : {counter::kListenOverflows, counter::kListenDrops, counter::kReqQFullDoCookies,
                                     counter::kReqQFullDrop, counter::kSyncookiesSent}) {
    const std::optional<int64_t> d = rates.Delta(key);
    out << "  " << key.substr(key.find('.') + 1) << " " << (d ? Rate(*d, secs) : "?");
  }
  out << '\n';
  struct Row { uint32_t now = 0, limit = 0, syn_recv = 0; };
  std::map<std::pair<uint16_t, std::string>, Row> rows;
  for (const int family : {AF_INET, AF_INET6}) {
    std::vector<live::InetSocket> sockets;
    std::string err;
    if (!live::DumpTcpSockets(family, live::kStateListen | live::kStateSynRecv, &sockets, &err)) {
      out << "  sock_diag: " << err << '\n';
      continue;
    }
    for (const live::InetSocket& s : sockets) {
      const std::string endpoint = family == AF_INET6 ? "[" + s.address + "]" : s.address;
      Row& row = rows[{s.port, endpoint}];
      if (s.state == 10) {
        row.now = s.rqueue;
        row.limit = s.wqueue;
      } else {
        ++row.syn_recv;
      }
    }
  }
  for (const auto& [key, row] : rows)
    out << "  " << key.second << ":" << key.first << "  accept queue " << row.now << "/" << row.limit
        << (row.limit > 0 && row.now >= row.limit ? " FULL" : "") << ", SYN_RECV " << row.syn_recv << '\n';
  out.flush();
}

// A /dev/kmsg record "PRI,SEQ,USEC,FLAGS;TEXT" as dmesg prints it:
// "[SECONDS.MICROS] TEXT" (continuation lines, " KEY=VALUE", are dropped).
void AppendKmsgRecord(std::string_view record, std::string* text) {
  const size_t semi = record.find(';');
  if (semi == std::string_view::npos) return;
  std::string_view head = record.substr(0, semi);
  std::string_view body = record.substr(semi + 1);
  body = body.substr(0, body.find('\n'));
  const size_t c1 = head.find(',');
  const size_t c2 = c1 == std::string_view::npos ? c1 : head.find(',', c1 + 1);
  const size_t c3 = c2 == std::string_view::npos ? c2 : head.find(',', c2 + 1);
  if (c3 != std::string_view::npos) {
    const std::string usec(head.substr(c2 + 1, c3 - c2 - 1));
    const unsigned long long us = std::strtoull(usec.c_str(), nullptr, 10);
    char stamp[40];
    std::snprintf(stamp, sizeof stamp, "[%5llu.%06llu] ", us / 1000000, us % 1000000);
    *text += stamp;
  }
  text->append(body);
  *text += '\n';
}

}  // namespace

CounterSample SampleCounters(const std::string& proc) {
  CounterSample s;
  s.counters = ReadLiveCounters(proc + "/net", &s.problems);
  s.at = std::chrono::steady_clock::now();
  return s;
}

void AttachCounters(const CounterSample* first, const CounterSample& last, LiveState* live) {
  live->counters = last.counters;
  for (const std::string& p : last.problems) live->unseen.push_back("counters: " + p);
  if (!first) return;
  live->counter_seconds = std::chrono::duration<double>(last.at - first->at).count();
  const CounterRates rates = ComputeRates(first->counters, last.counters, live->counter_seconds);
  for (const auto& [key, d] : rates.by_key)
    if (!d.reset) live->counter_deltas[key] = d.delta;
}

CounterSample Watch(const WatchOptions& o, const std::string& proc, std::ostream& out) {
  CounterSample first = SampleCounters(proc);
  g_interrupted = 0;
  struct sigaction sa{}, old{};
  sa.sa_handler = OnInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old);
  if (o.terminal) {
    out << "synlint: watching the listen queues every " << o.seconds
        << " s; Ctrl-C stops and prints the audit for the whole time\n";
    CounterSample previous = first;
    for (int n = 1; o.count == 0 || n < o.count; ++n) {
      if (!SleepUnlessInterrupted(o.seconds)) break;
      CounterSample now = SampleCounters(proc);
      WriteBlock(previous, now, out);
      previous = std::move(now);
    }
  } else {
    SleepUnlessInterrupted(o.seconds);
  }
  sigaction(SIGINT, &old, nullptr);
  return first;
}

bool ReadKernelLog(const std::string& file, bool own_netns, LiveState* live, std::string* err) {
  constexpr size_t kMaxBytes = size_t{256} << 20;
  std::string text;
  if (!file.empty()) {
    const bool is_stdin = file == "-";
    const int fd = is_stdin ? 0 : open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      *err = "--kernel-log: " + file + ": " + std::strerror(errno);
      return false;
    }
    char buf[65536];
    ssize_t n = 0;
    while ((n = read(fd, buf, sizeof buf)) > 0 && text.size() <= kMaxBytes) text.append(buf, static_cast<size_t>(n));
    const int saved = errno;
    if (!is_stdin) close(fd);
    if (n < 0) {
      *err = "--kernel-log: " + file + ": " + std::strerror(saved);
      return false;
    }
    if (text.size() > kMaxBytes) {
      *err = "--kernel-log: " + file + ": larger than 256 MiB; give the part to read (journalctl -k --since ...)";
      return false;
    }
    live->kernel_log = is_stdin ? "<stdin>" : file;
  } else {
    // The ring buffer is the host's, not per namespace: its lines can only
    // be tied to this namespace's sockets when this is the host's namespace.
    if (!own_netns) return true;
    const int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
      live->unseen.push_back(std::string("the kernel log: /dev/kmsg: ") + std::strerror(errno) +
                             " (give --kernel-log FILE, e.g. the output of journalctl -k)");
      return true;
    }
    char record[8192];
    for (int i = 0; i < 1'000'000 && text.size() <= kMaxBytes; ++i) {  // bounded: the buffer's records
      const ssize_t n = read(fd, record, sizeof record);
      if (n < 0 && errno == EPIPE) continue;  // records overwritten while reading
      if (n <= 0) break;
      AppendKmsgRecord(std::string_view(record, static_cast<size_t>(n)), &text);
    }
    close(fd);
    live->kernel_log = "dmesg";
  }
  live::FloodScan scan = live::FindSynFloodLines(text);
  live->flood_lines = std::move(scan.lines);
  if (!scan.unrecognised.empty())
    live->unseen.push_back("the kernel log: " + std::to_string(scan.unrecognised.size()) +
                           " line(s) mention SYN flooding in a form synlint does not know (first at " +
                           live->kernel_log + ":" + std::to_string(scan.unrecognised.front()) + ")");
  if (scan.not_kept > 0)
    live->unseen.push_back("the kernel log: " + std::to_string(scan.not_kept) + " SYN-flood lines past the first " +
                           std::to_string(live::kMaxFloodLines));
  return true;
}

}  // namespace synlint::cli
