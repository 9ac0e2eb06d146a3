// SPDX-License-Identifier: MIT
// The JSON reader behind `synlint report`: values, escapes, and errors with
// line and column, never a crash on bad input.
#include <gtest/gtest.h>

#include <string>

#include "linter/report/json_value.h"

namespace synlint {
namespace {

TEST(JsonValue, ReadsNestedValuesAndEscapes) {
  JsonValue v;
  std::string err;
  ASSERT_TRUE(ParseJson(R"( {"a": [1, -2.5e1, true, false, null], "s": "x\"\\\/\n\u00e9\ud83d\ude00", "a": 3} )", &v,
                        &err))
      << err;
  ASSERT_TRUE(v.IsObject());
  EXPECT_EQ(v.IntOr("a", 0), 3);  // the last member of a name wins
  EXPECT_EQ(v.items[0].items.size(), 5u);
  EXPECT_EQ(v.items[0].items[1].number, -25);
  EXPECT_EQ(v.StringOr("s", ""), "x\"\\/\n\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(v.StringOr("missing", "fallback"), "fallback");
  EXPECT_EQ(v.IntOr("s", 7), 7);  // a string is not a number
}

TEST(JsonValue, ErrorsNameLineAndColumn) {
  JsonValue v;
  std::string err;
  EXPECT_FALSE(ParseJson("{\n  \"a\": 1,\n  \"b\" 2\n}", &v, &err));
  EXPECT_EQ(err, "line 3, column 7: expected ':' after a key");
  EXPECT_FALSE(ParseJson("{} x", &v, &err));
  EXPECT_EQ(err, "line 1, column 4: unexpected text after the JSON value");
  EXPECT_FALSE(ParseJson("\"a\x01\"", &v, &err));
  EXPECT_EQ(err, "line 1, column 3: control character in a string");
  EXPECT_FALSE(ParseJson("[01]", &v, &err));
}

TEST(JsonValue, RefusesDeepNestingWithoutExhaustingTheStack) {
  JsonValue v;
  std::string err;
  EXPECT_FALSE(ParseJson(std::string(100000, '['), &v, &err));
  EXPECT_NE(err.find("nested deeper than 256 levels"), std::string::npos) << err;
  EXPECT_TRUE(ParseJson(std::string(200, '[') + std::string(200, ']'), &v, &err)) << err;
}

TEST(JsonValue, EveryTruncationIsAnErrorNotACrash) {
  const std::string doc = R"({"findings": [{"rule": "SL201", "line": 3, "m": "\u00e9 \"q\""}], "x": [true, null, 1.5e3]})";
  JsonValue v;
  std::string err;
  ASSERT_TRUE(ParseJson(doc, &v, &err)) << err;
  for (size_t n = 0; n < doc.size(); ++n) {
    EXPECT_FALSE(ParseJson(doc.substr(0, n), &v, &err)) << "prefix of " << n << " bytes parsed";
    EXPECT_EQ(err.rfind("line 1, column ", 0), 0u) << err;
  }
}

}  // namespace
}  // namespace synlint
