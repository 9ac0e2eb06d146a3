// SPDX-License-Identifier: MIT
// MD5 (RFC 1321), for comparing a file with the checksum dpkg recorded for it
// (var/lib/dpkg/status `Conffiles:`); not for anything that needs security.
#pragma once

#include <string>
#include <string_view>

namespace synlint {

/// The 32 lowercase hex digits of the MD5 digest of `data`.
std::string Md5Hex(std::string_view data);

}  // namespace synlint
