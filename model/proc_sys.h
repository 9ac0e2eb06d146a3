// SPDX-License-Identifier: MIT
// A live root's /proc/sys: the keys the running kernel really has, read
// through the root's FileSystem (never outside it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/file_system.h"

namespace synlint {

/// The root-relative path of a normalised dotted key under proc/sys
/// ("net.ipv4.conf.eth0/200.rp_filter" -> "proc/sys/net/ipv4/conf/eth0.200/rp_filter");
/// "" for a key that names no file (an empty, "." or ".." component).
std::string ProcSysPath(std::string_view key);

/// Whether `fs` has the file of `key` under proc/sys.
bool ProcSysHasKey(const FileSystem& fs, std::string_view key);

/// The integer value of `key` in `fs`'s proc/sys (the first number of the
/// file), when the file exists and holds one.
std::optional<int64_t> ReadProcSysInt(const FileSystem& fs, std::string_view key);

}  // namespace synlint
