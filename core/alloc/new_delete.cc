// SPDX-License-Identifier: MIT
// Replacements of the global operator new and delete for the synlint
// executable: big blocks go to mappings of their own (core/alloc/
// big_blocks.h), everything else to malloc exactly as libstdc++ does.
// The aligned and nothrow forms are libstdc++'s own: its nothrow new calls
// this operator new, its aligned new uses aligned_alloc and free, never
// this code.
#include <cstdlib>
#include <new>

#include "core/alloc/big_blocks_impl.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SYNLINT_KEEP_DEFAULT_NEW 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SYNLINT_KEEP_DEFAULT_NEW 1
#endif
#endif

#ifndef SYNLINT_KEEP_DEFAULT_NEW

namespace synlint::alloc::detail {
bool NewDeleteReplaced() { return true; }
}  // namespace synlint::alloc::detail

namespace {

void* Allocate(std::size_t size) {
  if (void* p = synlint::alloc::detail::TryAllocateBig(size)) return p;
  if (size == 0) size = 1;
  for (;;) {
    if (void* p = std::malloc(size)) return p;
    std::new_handler handler = std::get_new_handler();
    if (handler == nullptr) throw std::bad_alloc();
    handler();
  }
}

void Release(void* p) noexcept {
  if (p == nullptr || synlint::alloc::detail::TryFreeBig(p)) return;
  std::free(p);
}

}  // namespace

void* operator new(std::size_t size) { return Allocate(size); }
void* operator new[](std::size_t size) { return Allocate(size); }
void operator delete(void* p) noexcept { Release(p); }
void operator delete[](void* p) noexcept { Release(p); }
void operator delete(void* p, std::size_t) noexcept { Release(p); }
void operator delete[](void* p, std::size_t) noexcept { Release(p); }

#endif  // SYNLINT_KEEP_DEFAULT_NEW
