// SPDX-License-Identifier: MIT
// What SL304 and SL305 share: the running sysctls as numbers, which
// configured listener a running socket is, where its limit is set, and the
// counter figures as users read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/listen_model.h"
#include "model/live_state.h"
#include "rules/rule.h"

namespace synlint {

/// A running sysctl as an integer (nullopt: not read or not a number).
std::optional<int64_t> RunningInt(const LiveState& live, const std::string& key);

/// "nginx 127.0.0.1:8080 on 127.0.0.1:8080 (pid 812 'nginx', nginx.service)"; the
/// endpoint and owner alone when no configuration explains the socket.
std::string DescribeListener(const ListenerView* view, const LiveListener& l);

/// Where a finding about a running socket points: the configured backlog
/// (or the listen directive) when a configuration explains it, else the
/// /proc file that lists the socket.
Location ListenerLocation(const ListenerView* view, const LiveListener& l);

/// "min(backlog=511, somaxconn 1024) = 511 from etc/nginx/nginx.conf:3" for
/// the configuration, with a note when the running limit differs (SL302).
std::string LimitDerivation(const ListenerView* view, const LiveListener& l);

/// 'ListenOverflows' rose by 40 in 5 s (8/s)
std::string RoseBy(std::string_view counter, int64_t delta, double seconds);

/// The 'net.core.somaxconn' assignment in force, as a related location.
void AddSomaxconnNote(const Host& host, const LiveState& live, Finding* f);

}  // namespace synlint
