// SPDX-License-Identifier: MIT
// Which configured listener (ListenerView) a running socket belongs to, by
// address and port: an exact address matches itself, a wildcard ("*",
// "0.0.0.0", "::") matches a wildcard socket of either family (Apache's
// "Listen 80" and systemd's "ListenStream=80" open [::] dual-stack), a host
// name matches any address of its port.
#pragma once

#include <string>
#include <vector>

#include "model/listen_model.h"
#include "model/live_state.h"

namespace synlint {

/// The view `live` belongs to, or null when no configuration explains it.
const ListenerView* ConfiguredListener(const std::vector<ListenerView>& views, const LiveListener& live);

/// `address` in the kernel's text form (inet_ntop), or "" when it is no IP literal.
std::string CanonicalAddress(const std::string& address);

/// Whether `address` (canonical) is a wildcard: "0.0.0.0" or "::".
bool IsWildcardAddress(const std::string& address);

}  // namespace synlint
