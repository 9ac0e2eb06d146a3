// SPDX-License-Identifier: MIT
#include "core/json.h"

#include <gtest/gtest.h>

#include <sstream>

namespace synlint {
namespace {

void WriteSample(JsonWriter& w, int items) {
  w.BeginObject();
  w.Key("name").String("a \"q\"\n\xff");
  w.Key("empty").BeginArray().EndArray();
  w.Key("items").BeginArray();
  for (int i = 0; i < items; ++i) {
    w.BeginObject().Key("i").Int(-i).Key("u").Uint(static_cast<uint64_t>(i)).Key("b").Bool(i % 2);
    w.Key("n").Null().EndObject();
  }
  w.EndArray();
  w.Key("raw").Raw("[1,2]");
  w.EndObject();
}

TEST(JsonWriter, NestsIndentsAndEscapes) {
  JsonWriter w(2);
  WriteSample(w, 1);
  EXPECT_EQ(w.str(),
            "{\n  \"name\": \"a \\\"q\\\"\\n\xEF\xBF\xBD\",\n  \"empty\": [],\n  \"items\": [\n"
            "    {\n      \"i\": 0,\n      \"u\": 0,\n      \"b\": false,\n      \"n\": null\n    }\n"
            "  ],\n  \"raw\": [1,2]\n}");
  JsonWriter compact(0);
  WriteSample(compact, 1);
  EXPECT_EQ(compact.str(),
            "{\"name\":\"a \\\"q\\\"\\n\xEF\xBF\xBD\",\"empty\":[],\"items\":[{\"i\":0,\"u\":0,"
            "\"b\":false,\"n\":null}],\"raw\":[1,2]}");
}

TEST(JsonWriter, StreamsTheSameTextInPieces) {
  // Large enough for many 64 KiB flushes.
  JsonWriter buffered(2);
  WriteSample(buffered, 20000);
  std::ostringstream sink;
  JsonWriter streamed(sink, 2);
  WriteSample(streamed, 20000);
  EXPECT_LT(streamed.str().size(), buffered.str().size() / 10) << "it did not stream";
  streamed.Flush();
  EXPECT_EQ(streamed.str(), "");
  EXPECT_EQ(sink.str(), buffered.str());
}

}  // namespace
}  // namespace synlint
