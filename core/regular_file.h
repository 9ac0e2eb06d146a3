// SPDX-License-Identifier: MIT
// Opening files to read them without ever blocking on one that is not a
// regular file: a FIFO blocks open() until a writer comes, and a device such
// as /dev/zero never reaches end of file.
#pragma once

#include <cstdint>
#include <string>

namespace synlint {

/// The error OpenRegularFile gives for anything but a regular file.
inline constexpr char kNotRegularFile[] = "not a regular file";

/// Opens `host_path` read-only (`flags` added, e.g. O_NOFOLLOW) and returns the
/// descriptor of a regular file, or -1 with `*err` set ("not a regular file" or
/// strerror). The open is non-blocking, so a FIFO returns at once; the kind is
/// checked with fstat on the descriptor, so nothing can be swapped in between;
/// `*size` (when given) is the size that fstat saw.
int OpenRegularFile(const std::string& host_path, int flags, std::string* err,
                    uint64_t* size = nullptr);

/// Appends what `fd` holds from its offset to end of file; false with `*err`
/// set on a read error. Does not close `fd`.
bool AppendToEnd(int fd, std::string* contents, std::string* err);

/// Reads the whole regular file at `host_path`; false with `*err` set otherwise.
bool ReadRegularFile(const std::string& host_path, std::string* contents, std::string* err);

}  // namespace synlint
