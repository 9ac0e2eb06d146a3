// SPDX-License-Identifier: MIT
// Building fixes for listener settings: a listener's backlog in nginx,
// Apache or a systemd socket (in place, or in a drop-in for vendor units).
#pragma once

#include <optional>
#include <string>

#include "core/finding.h"
#include "model/host.h"
#include "model/listen_model.h"

namespace synlint {

/// A fix that makes the listener ask for `backlog`, or nullopt when the
/// listener gives no place to write it.
std::optional<Fix> SetListenerBacklogFix(const Host& host, const ListenerView& v, int64_t backlog,
                                         Applicability applicability);

/// "nginx 0.0.0.0:80 (etc/nginx/sites-enabled/default:3)" for messages.
std::string Describe(const ListenerView& v);

/// The somaxconn value that lets every listener get what it asks for (the
/// largest finite request), capped at 65535 on kernels < 4.1 (u16 backlog).
int64_t SomaxconnCovering(const Host& host, const std::vector<ListenerView>& views);

}  // namespace synlint
