// SPDX-License-Identifier: MIT
#include "core/alloc/big_blocks.h"

#include <sys/mman.h>

#include <atomic>
#include <cstdint>
#include <mutex>

#include "core/alloc/big_blocks_impl.h"

namespace synlint::alloc {

namespace {

constexpr uintptr_t kHuge = uintptr_t{2} << 20;
constexpr uintptr_t kPage = 4096;
// Live big blocks are few (a file's text and its parse arrays); past this
// many, new big blocks simply come from malloc.
constexpr size_t kMaxLive = 1024;

std::atomic<bool> routing{false};
std::atomic<bool> ever_routed{false};
std::mutex mu;
// A block starts kHeaderBytes into its mapping, which starts on a 2 MiB
// boundary; `live` holds each block's address and mapping length.
struct Live {
  uintptr_t block;
  size_t length;
};
Live live[kMaxLive];
size_t live_count = 0;

uintptr_t RoundUp(uintptr_t v, uintptr_t to) { return (v + to - 1) & ~(to - 1); }

}  // namespace

void RouteBigBlocks() {
  ever_routed.store(true, std::memory_order_relaxed);
  routing.store(true, std::memory_order_relaxed);
}

void StopRoutingBigBlocks() { routing.store(false, std::memory_order_relaxed); }

size_t LiveBigBlocks() {
  std::lock_guard<std::mutex> lock(mu);
  return live_count;
}

bool BigBlockRoutingLinked() { return detail::NewDeleteReplaced(); }

namespace detail {

__attribute__((weak)) bool NewDeleteReplaced() { return false; }

void* TryAllocateBig(size_t size) {
  if (size < kBigBlockBytes || !routing.load(std::memory_order_relaxed)) return nullptr;
  if (size > (SIZE_MAX >> 2)) return nullptr;  // let malloc report it
  // The mapping ends in a whole huge page when that wastes less than 1 MiB
  // once the block is written to its end; else the tail is in 4 KiB pages,
  // fewer than 256 of them, each a fault of its own.
  const size_t needed = size + kHeaderBytes;
  const size_t tail = needed & (kHuge - 1);
  const size_t length = tail >= kHuge / 2 ? RoundUp(needed, kHuge) : RoundUp(needed, kPage);
  // Over-map by 2 MiB to place the start on a huge-page boundary.
  void* m = mmap(nullptr, length + kHuge, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1,
                 0);
  if (m == MAP_FAILED) return nullptr;
  const auto raw = reinterpret_cast<uintptr_t>(m);
  const uintptr_t start = RoundUp(raw, kHuge);
  if (start > raw) munmap(m, start - raw);
  const uintptr_t end = start + length;
  if (raw + length + kHuge > end) munmap(reinterpret_cast<void*>(end), raw + length + kHuge - end);
  madvise(reinterpret_cast<void*>(start), length, MADV_HUGEPAGE);
  const uintptr_t block = start + kHeaderBytes;
  {
    std::lock_guard<std::mutex> lock(mu);
    if (live_count < kMaxLive) {
      live[live_count++] = Live{block, length};
      return reinterpret_cast<void*>(block);
    }
  }
  munmap(reinterpret_cast<void*>(start), length);
  return nullptr;
}

bool TryFreeBig(void* p) {
  const auto block = reinterpret_cast<uintptr_t>(p);
  // Cheap test first: every big block sits kHeaderBytes past a 2 MiB line.
  if ((block & (kHuge - 1)) != kHeaderBytes || !ever_routed.load(std::memory_order_relaxed))
    return false;
  size_t length = 0;
  {
    std::lock_guard<std::mutex> lock(mu);
    size_t i = 0;
    while (i < live_count && live[i].block != block) ++i;
    if (i == live_count) return false;  // a malloc block that happens to sit there
    length = live[i].length;
    live[i] = live[--live_count];
  }
  munmap(reinterpret_cast<void*>(block - kHeaderBytes), length);
  return true;
}

}  // namespace detail

}  // namespace synlint::alloc
