// SPDX-License-Identifier: MIT
// Listening sockets of systemd .socket units (systemd.socket(5)), as
// ServiceFacts for the host model.
#pragma once

#include <string>
#include <vector>

#include "core/file_reader.h"
#include "core/service.h"
#include "parsers/systemd/units.h"

namespace synlint::systemd {

struct MaskedUnit {
  std::string name;  // "web.socket"
  std::string path;  // the mask: a /dev/null link or an empty file
};

struct SocketUnits {
  /// One per active socket unit, sorted by name. Templates are not
  /// instantiated; masked units have no facts.
  std::vector<ServiceFacts> sockets;
  std::vector<MaskedUnit> masked;
  std::vector<std::string> templates;  // "foo@.socket"
  /// Problems of unit files that could not be used at all (SL002).
  std::vector<Finding> findings;
};

/// Finds every .socket unit in the search path and extracts its listeners:
/// one Listener per effective ListenStream= and ListenSequentialPacket=
/// (ListenDatagram= sockets never listen(), so no backlog applies; FIFOs,
/// netlink, special files and message queues are not listeners either).
/// All Listen*= settings form one list: an empty assignment of any of them
/// clears every address before it (config_parse_socket_listen()).
///
/// ServiceFacts: service = unit name, kind systemd (a socket unit), main_file = the
/// fragment's real path, files = fragment + drop-ins in merge order, limits
/// "Backlog", "ReceiveBuffer", "SendBuffer", "MaxConnections" (effective,
/// from whichever file wins) and "LimitNOFILE" of the paired service
/// (Service=, else NAME@.service for Accept=yes, else NAME.service);
/// findings = SL001/SL002 of the socket's files and of the paired service's.
///
/// Listener: context = the key, declared_at = the whole assignment,
/// backlog = effective Backlog=, insert_at = end of the last [Socket] section
/// of the fragment when it lives under etc/ (empty for vendor units: a fix
/// belongs in a drop-in). Listener extra: "family" (unix/ipv4/ipv6/vsock),
/// and when set "interface" and "unresolved_specifiers".
/// ServiceFacts extra (the whole unit, kept once): "accept" (yes/no),
/// "paired_service", "dropin_dir" (etc/systemd/system/NAME.d), "newline" (the
/// fragment's line terminator), and when set "bind_ipv6_only", "reuse_port",
/// and "unit_fails_to_load" when the fragment has an error at which systemd
/// stops (the listeners are still reported, from the part systemd would read
/// and the rest, so rules keep working once the error is fixed).
SocketUnits DiscoverSocketUnits(SourceSet& sources);

/// DiscoverSocketUnits(sources).sockets.
std::vector<ServiceFacts> LoadSocketUnits(SourceSet& sources);

/// Facts for one loaded socket unit; `loader` loads the paired service.
ServiceFacts SocketFacts(const UnitView& socket, UnitLoader& loader);

/// The service a socket activates: Service= (specifiers expanded), else
/// "NAME@.service" when Accept=yes, else "NAME.service".
std::string PairedService(const UnitView& socket);

}  // namespace synlint::systemd
