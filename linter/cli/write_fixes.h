// Writing fixed files to disk, all or nothing as far as checks can tell.
#pragma once

#include <string>

#include "core/file_system.h"
#include "linter/engine/fixer.h"

namespace synlint::cli {

/// Checks every file first (unchanged since it was read, writable, inside
/// the root), then writes each atomically. Returns false with `err` naming
/// the file when a check fails; nothing is written then.
bool WriteFixes(FileSystem& fs, const FixResult& fix, std::string* err);

}  // namespace synlint::cli
