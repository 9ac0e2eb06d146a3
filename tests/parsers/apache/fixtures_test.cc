// SPDX-License-Identifier: MIT
// Every file under fixtures/parsers/apache must round-trip through the
// lossless tokens; a file with a ".tree" sibling must also give exactly that
// tree and error dump (regenerate with UPDATE_GOLDEN=1).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parsers/apache/parser.h"
#include "parsers/apache/tree_dump.h"

namespace synlint::apache {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Fixtures() {
  std::vector<fs::path> out;
  const fs::path dir = fs::path(SYNLINT_SOURCE_DIR) / "fixtures/parsers/apache";
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() != ".tree") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(ApacheFixtures, RoundTripAndGoldenTrees) {
  const std::vector<fs::path> files = Fixtures();
  ASSERT_GE(files.size(), 6u);
  const bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  for (const fs::path& path : files) {
    SCOPED_TRACE(path.string());
    const std::string text = ReadAll(path);
    const SourceFile file(path.filename().string(), text);
    const ParseResult r = Parse(file);
    ASSERT_TRUE(TokensCover(r.tokens, text));
    std::string joined;
    for (const Token& t : r.tokens) joined += file.Slice(t.span);
    EXPECT_EQ(text, joined);
    const std::string dump = DumpTree(text, r) + "--- errors\n" + DumpErrors(file, r);
    fs::path golden = path;
    golden += ".tree";
    if (update) {
      std::ofstream(golden, std::ios::binary) << dump;
    } else if (fs::exists(golden)) {
      EXPECT_EQ(ReadAll(golden), dump);
    } else {
      ADD_FAILURE() << "missing golden " << golden << " (run with UPDATE_GOLDEN=1)";
    }
  }
}

}  // namespace
}  // namespace synlint::apache
