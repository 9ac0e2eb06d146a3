// SPDX-License-Identifier: MIT
// `show --live` and `explain PORT --live` (issue #21): the running kernel's
// figures beside the model, read as `synlint audit` reads them (sock_diag
// listeners with owners, running sysctl values, counters since boot) from the
// network namespace synlint runs in. Read only.
#pragma once

#include <deque>
#include <memory>
#include <string>
#include <vector>

#include "model/host.h"
#include "model/listen_model.h"
#include "model/live_state.h"

namespace synlint::cli {

/// Makes LoadHost attach the live state to each host it loads; the states
/// live in `store`, which must outlive the hosts. The target kernel becomes
/// the running one unless --kernel named one.
void AttachLiveState(HostOptions* options, std::shared_ptr<std::deque<LiveState>> store);

/// Lines (each starting with `indent`, ending in '\n') for the running
/// sockets of view `v`: accept-queue limit, connections waiting, SYN_RECV,
/// owner, and whether the limit differs from what the files give; a line
/// saying there is none when no socket matches. Empty without live state or
/// for a Unix socket.
std::string LiveListenerText(const Host& host, const std::vector<ListenerView>& views, const ListenerView& v,
                             const std::string& indent);

/// "running kernel: ..." lines: release, running somaxconn, syncookies and
/// tcp_max_syn_backlog, the listen-path counters since boot, what could not
/// be seen. Empty without live state.
std::string LiveSummaryText(const Host& host);

}  // namespace synlint::cli
