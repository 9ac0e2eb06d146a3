// SPDX-License-Identifier: MIT
// Every file in fixtures/parsers/systemd/ must round-trip through the token
// stream and match its golden NAME.tree (tree dump, then token dump).
// UPDATE_GOLDEN=1 rewrites the goldens.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "parsers/systemd/parser.h"
#include "parsers/systemd/tree_dump.h"

namespace synlint::systemd {
namespace {

namespace fs = std::filesystem;

fs::path FixtureDir() { return fs::path(SYNLINT_SOURCE_DIR) / "fixtures/parsers/systemd"; }

std::vector<std::string> FixtureNames() {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(FixtureDir(), ec)) {
    const std::string name = e.path().filename().string();
    if (e.is_regular_file() && e.path().extension() != ".tree") out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

class SystemdFixture : public testing::TestWithParam<std::string> {};

TEST_P(SystemdFixture, RoundTripsAndMatchesGolden) {
  const fs::path input = FixtureDir() / GetParam();
  const std::string text = ReadAll(input);
  ASSERT_FALSE(text.empty());
  const ParseResult r = Parse(text);
  ASSERT_TRUE(TokensCover(r.tokens, text));
  std::string joined;
  for (const Token& t : r.tokens) joined.append(text, t.span.begin, t.span.size());
  EXPECT_EQ(joined, text);

  const std::string actual = DumpTree(r) + "--- tokens\n" + DumpTokens(text, r) + "\n";
  const fs::path golden = input.string() + ".tree";
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " is missing; run with UPDATE_GOLDEN=1";
  EXPECT_EQ(actual, ReadAll(golden));
}

TEST(SystemdFixtures, DirectoryIsNotEmpty) { EXPECT_GE(FixtureNames().size(), 5u); }

std::string TestName(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, SystemdFixture, testing::ValuesIn(FixtureNames()), TestName);

}  // namespace
}  // namespace synlint::systemd
