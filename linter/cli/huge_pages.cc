// SPDX-License-Identifier: MIT
#include "linter/cli/huge_pages.h"

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "core/alloc/big_blocks.h"

namespace synlint::cli {

HugePages PreferHugePages() {
  if (const char* env = std::getenv("SYNLINT_HUGE_PAGES"); env && std::strcmp(env, "0") == 0)
    return HugePages::kDisabled;
  constexpr size_t kReserve = size_t{1} << 30;
  constexpr uintptr_t kHuge = uintptr_t{2} << 20;
  // Freed memory stays in the heap (a CLI run is short) and blocks up to
  // 32 MiB (glibc's largest threshold) come from it, not from their own maps.
  if (mallopt(M_TRIM_THRESHOLD, INT_MAX) == 0 || mallopt(M_MMAP_THRESHOLD, 32 << 20) == 0)
    return HugePages::kUnavailable;
  // One block larger than what is left at the top of the heap makes glibc
  // extend it by the block plus M_TOP_PAD in one brk call.
  mallopt(M_TOP_PAD, static_cast<int>(kReserve));
  const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
  constexpr size_t kBlock = size_t{1} << 20;
  void* block = std::malloc(kBlock);
  const auto after = reinterpret_cast<uintptr_t>(sbrk(0));
  const auto at = reinterpret_cast<uintptr_t>(block);
  // Only the region this brk call just added is advised, and only when the
  // block lies in the heap (it starts in the old top, so it may begin just
  // below `before`). Under a sanitizer's allocator the brk does not move.
  HugePages result = HugePages::kUnavailable;
  if (block && after - before >= kReserve && at + kBlock > before && at < after) {
    const uintptr_t begin = (before + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t end = after & ~(kHuge - 1);
    if (end > begin && madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE) == 0)
      result = HugePages::kApplied;
  }
  std::free(block);
  mallopt(M_TOP_PAD, 128 << 10);  // glibc's default, for growth past the reserve
  // Big blocks would leave growth copies and part-used huge pages behind in
  // that heap; they get mappings of their own (core/alloc/big_blocks.h).
  if (result == HugePages::kApplied) alloc::RouteBigBlocks();
  return result;
}

}  // namespace synlint::cli
