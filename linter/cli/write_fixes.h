// SPDX-License-Identifier: MIT
// Writing fixed files to disk: all of them or, as far as the disk allows, none.
#pragma once

#include <string>

#include "core/file_system.h"
#include "linter/engine/fixer.h"

namespace synlint::cli {

/// Prepares every file first (FileSystem::PrepareWrite: unchanged since it
/// was read, inside the root, its replacement written and fsynced beside
/// it), then puts them all in place, each checked again under a lock just
/// before its rename. Returns false with `err` naming the file when
/// something is refused: before the renames nothing is written then; a
/// failure during them (rare) lists which files were written and which not.
/// SIGINT/SIGTERM meanwhile remove the temporary files.
bool WriteFixes(FileSystem& fs, const FixResult& fix, std::string* err);

}  // namespace synlint::cli
