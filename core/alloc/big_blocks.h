// SPDX-License-Identifier: MIT
// Blocks of kBigBlockBytes (4 MiB) and more, each in a mapping of its own backed by huge
// pages, for the synlint binary's `operator new`.
//
// PreferHugePages() puts the brk heap in 2 MiB pages, which makes page faults
// rare. glibc then serves every block from that heap, big ones too, and two
// things cost memory there: a block that grows (a vector doubling, a string
// appended to) leaves its old copy resident, and each big block wastes the
// rest of its last huge page plus the page glibc writes the next chunk's
// header into. Parsing a 10 MiB file that was 8 to 13 MiB of the peak.
//
// With routing on, `operator new` of at least kBigBlockBytes maps the block
// on its own: 2 MiB aligned, advised MADV_HUGEPAGE, and unmapped by
// `operator delete`. Its last partial 2 MiB is a huge page too when that
// wastes under 1 MiB, else 4 KiB pages. Smaller blocks and everything
// malloc'ed directly still come from glibc.
//
// The replacements are linked into the synlint executable and its test only
// (core/alloc/new_delete.cc); they are left out under sanitizers, whose
// own operator new must stay in place.
#pragma once

#include <cstddef>

namespace synlint::alloc {

/// Smaller blocks stay in glibc's heap. They are the ones a run allocates
/// and frees over and over (a check of one 11 MiB unit file maps about 60
/// blocks of 1-4 MiB), and a fresh mapping for each would fault its pages in
/// anew where the heap reuses pages already there.
inline constexpr size_t kBigBlockBytes = size_t{4} << 20;

/// Turns on the routing of big blocks to their own mappings. Blocks
/// allocated before stay where they are; both kinds are freed correctly.
void RouteBigBlocks();
/// Turns it off again (for tests).
void StopRoutingBigBlocks();

/// Big blocks currently mapped on their own.
size_t LiveBigBlocks();

/// Whether this binary's operator new is the replacement at all (false
/// under sanitizers, or where core/alloc/new_delete.cc is not linked).
bool BigBlockRoutingLinked();

}  // namespace synlint::alloc
