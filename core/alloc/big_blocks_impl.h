// SPDX-License-Identifier: MIT
// Between core/alloc/big_blocks.cc and the operator new/delete
// replacements in core/alloc/new_delete.cc.
#pragma once

#include <cstddef>

namespace synlint::alloc::detail {

/// Where a big block starts in its mapping (a multiple of 16, the default
/// new alignment).
inline constexpr size_t kHeaderBytes = 64;

/// A new mapping for a block of `size` bytes, or nullptr: too small, routing
/// off, or the mapping failed (the caller falls back to malloc).
void* TryAllocateBig(size_t size);
/// Unmaps `p` and returns true when it is a live big block.
bool TryFreeBig(void* p);
/// True in binaries that link new_delete.cc (a weak default says false).
bool NewDeleteReplaced();

}  // namespace synlint::alloc::detail
