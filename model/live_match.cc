// SPDX-License-Identifier: MIT
#include "model/live_match.h"

#include <arpa/inet.h>

namespace synlint {

std::string CanonicalAddress(const std::string& address) {
  std::string a = address;
  if (a.size() >= 2 && a.front() == '[' && a.back() == ']') a = a.substr(1, a.size() - 2);
  if (a == "*" || a.empty()) return "0.0.0.0";
  unsigned char bytes[16];
  char text[INET6_ADDRSTRLEN];
  for (const int family : {AF_INET, AF_INET6}) {
    if (inet_pton(family, a.c_str(), bytes) == 1 && inet_ntop(family, bytes, text, sizeof text))
      return text;
  }
  return "";
}

bool IsWildcardAddress(const std::string& address) { return address == "0.0.0.0" || address == "::"; }

const ListenerView* ConfiguredListener(const std::vector<ListenerView>& views, const LiveListener& live) {
  // Best first: the same address, a wildcard of the same family, a
  // wildcard of the other family, a host name.
  const ListenerView* found[4] = {};
  for (const ListenerView& v : views) {
    const Listener& l = *v.listener;
    if (l.is_unix || l.port != live.port) continue;
    const std::string host = CanonicalAddress(l.host);
    int rank = -1;
    if (host.empty()) rank = 3;  // a name the server resolves at start
    else if (host == live.address) rank = 0;
    else if (IsWildcardAddress(host) && IsWildcardAddress(live.address)) rank = 2;
    if (rank == 2 && (host.find(':') != std::string::npos) == (live.address.find(':') != std::string::npos))
      rank = 1;
    if (rank >= 0 && !found[rank]) found[rank] = &v;
  }
  for (const ListenerView* v : found) {
    if (v) return v;
  }
  return nullptr;
}

}  // namespace synlint
