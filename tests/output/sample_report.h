// SPDX-License-Identifier: MIT
// A fixed Report for the output tests. Sample data, not real rule behaviour:
// four files (one unreadable, one clean), findings of every severity, a related
// location, a safe and an unsafe fix, CRLF lines, tabs and UTF-8.
#pragma once

#include <memory>
#include <string_view>

#include "core/file_reader.h"
#include "core/file_system.h"
#include "linter/report.h"

namespace synlint {

struct SampleReport {
  MemoryFileSystem fs;
  SourceSet sources{fs};
  Report report;
};

/// The Report behind the golden files.
std::unique_ptr<SampleReport> MakeSampleReport();

/// A report whose messages, notes, fix titles and paths hold quotes,
/// newlines, tabs, escape characters, bad UTF-8, XML specials, '%', ':' and
/// ','.
std::unique_ptr<SampleReport> MakeNastyReport();

/// The location of the first `needle` in `file` (which must contain it).
Location LocationOf(const SourceFile& file, std::string_view needle,
                    std::string note = "");

}  // namespace synlint
