// SPDX-License-Identifier: MIT
#include "linter/cli/huge_pages.h"

#include <gtest/gtest.h>

#include "tests/cli/smaps_util.h"
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace synlint::cli {
namespace {


TEST(HugePages, DisabledByTheEnvironment) {
  setenv("SYNLINT_HUGE_PAGES", "0", 1);
  EXPECT_EQ(PreferHugePages(), HugePages::kDisabled);
  unsetenv("SYNLINT_HUGE_PAGES");
}

TEST(HugePages, AdvisesTheHeapThatLaterAllocationsUse) {
  const HugePages result = PreferHugePages();
#if defined(__SANITIZE_ADDRESS__)
  EXPECT_EQ(result, HugePages::kUnavailable) << "sanitizer heaps are left alone";
  return;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  EXPECT_EQ(result, HugePages::kUnavailable) << "sanitizer heaps are left alone";
  return;
#endif
#endif
  if (!std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled")) {
    GTEST_SKIP() << "this kernel has no transparent huge pages";
  }
  ASSERT_EQ(result, HugePages::kApplied);
  // A mid-sized block (once an mmap of its own) now comes from the advised heap.
  void* block = std::malloc(8 << 20);
  ASSERT_NE(block, nullptr);
  const auto at = reinterpret_cast<uintptr_t>(block) + (4 << 20);
  EXPECT_LT(at, reinterpret_cast<uintptr_t>(sbrk(0))) << "served from the brk heap";
  EXPECT_NE(FlagsOfMappingAt(at).find(" hg"), std::string::npos) << FlagsOfMappingAt(at);
  std::free(block);
}

}  // namespace
}  // namespace synlint::cli
