// SPDX-License-Identifier: MIT
// Transparent huge pages for synlint's heap.
//
// A check of a big tree touches hundreds of MiB of small allocations, and on
// virtual machines each 4 KiB page fault is expensive: on the benchmark VM
// `check --root clean/systemd` spent half its time in faults. The same run
// with the heap in 2 MiB pages is 1.7x faster (BENCHMARKS.md, session 7).
// glibc can do this itself (GLIBC_TUNABLES=glibc.malloc.hugetlb=1), but a
// tunable is read at process start-up only, so synlint does the equivalent
// once at the start of main().
#pragma once

namespace synlint::cli {

enum class HugePages {
  kApplied,      // the heap has 1 GiB reserved with MADV_HUGEPAGE
  kDisabled,     // SYNLINT_HUGE_PAGES=0
  kUnavailable,  // the heap is not glibc's brk heap (sanitizers) or madvise failed
};

/// Reserves the next 1 GiB of the brk heap (address space only; pages are
/// used as they are written) and advises the kernel to back it with huge
/// pages. Keeps glibc from handing that heap back or from serving mid-sized
/// blocks (up to 32 MiB) with separate mmaps, which would leave the advised
/// region. Harmless where THP is off (`never`): the advice is ignored. Call
/// once, before the work starts.
HugePages PreferHugePages();

}  // namespace synlint::cli
