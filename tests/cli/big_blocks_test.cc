// SPDX-License-Identifier: MIT
// The synlint binary's operator new: big blocks in mappings of their own.
// This test links core/alloc/new_delete.cc as the binary does.
#include "core/alloc/big_blocks.h"

#include <gtest/gtest.h>

#include "tests/cli/smaps_util.h"

#include <cstdint>
#include <fstream>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <vector>

namespace synlint::alloc {
namespace {

constexpr uintptr_t kHuge = uintptr_t{2} << 20;
using cli::FlagsOfMappingAt;


class BigBlocks : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!BigBlockRoutingLinked()) GTEST_SKIP() << "sanitizer build: the default operator new stays";
    RouteBigBlocks();
  }
  void TearDown() override { StopRoutingBigBlocks(); }
};

TEST_F(BigBlocks, BigBlockGetsItsOwnHugePageMappingAndIsUnmappedOnDelete) {
  const size_t before = LiveBigBlocks();
  {
    std::vector<char> v(8 << 20, 'x');
    EXPECT_EQ(LiveBigBlocks(), before + 1);
    const auto at = reinterpret_cast<uintptr_t>(v.data());
    EXPECT_EQ(at % kHuge, 64u) << "64 bytes past a 2 MiB boundary";
    if (std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
      EXPECT_NE(FlagsOfMappingAt(at).find(" hg"), std::string::npos) << FlagsOfMappingAt(at);
    }
    v.back() = 'y';
    EXPECT_EQ(v.front(), 'x');
    EXPECT_EQ(v.back(), 'y');
  }
  EXPECT_EQ(LiveBigBlocks(), before);
}

TEST_F(BigBlocks, SmallerBlocksStayInTheHeap) {
  const size_t before = LiveBigBlocks();
  void* small = ::operator new(1024);
  void* mid = ::operator new(kBigBlockBytes - 1);
  EXPECT_EQ(LiveBigBlocks(), before);
  ::operator delete(small);
  ::operator delete(mid);
}

TEST_F(BigBlocks, BlocksMappedWhileRoutingAreFreedAfterItStops) {
  const size_t before = LiveBigBlocks();
  // Calls, not new-expressions, which the compiler may leave out.
  void* block = ::operator new[](kBigBlockBytes);
  EXPECT_EQ(LiveBigBlocks(), before + 1);
  StopRoutingBigBlocks();
  void* heap = ::operator new[](kBigBlockBytes);
  EXPECT_EQ(LiveBigBlocks(), before + 1) << "routing is off: from malloc";
  ::operator delete[](block);
  ::operator delete[](heap);
  EXPECT_EQ(LiveBigBlocks(), before);
}

TEST_F(BigBlocks, NothrowAndFailingAllocations) {
  const size_t before = LiveBigBlocks();
  void* p = ::operator new[](kBigBlockBytes, std::nothrow);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(LiveBigBlocks(), before + 1);
  ::operator delete[](p, std::nothrow);
  EXPECT_EQ(LiveBigBlocks(), before);
  // Far beyond the address space: falls back to malloc, which fails.
  volatile size_t huge = SIZE_MAX / 2;
  EXPECT_THROW((void)::operator new(huge), std::bad_alloc);
  EXPECT_EQ(::operator new(huge, std::nothrow), nullptr);
}

TEST_F(BigBlocks, PastTheTableLimitBlocksComeFromMalloc) {
  // Address space only: nothing is written, so nothing becomes resident.
  std::vector<void*> blocks;
  for (int i = 0; i < 1100; ++i) blocks.push_back(::operator new(kBigBlockBytes));
  EXPECT_EQ(LiveBigBlocks(), 1024u);
  for (void* b : blocks) ::operator delete(b);
  EXPECT_EQ(LiveBigBlocks(), 0u);
}

}  // namespace
}  // namespace synlint::alloc
