// SPDX-License-Identifier: MIT
#include "linter/config/template_mask.h"

#include <gtest/gtest.h>

#include <functional>

namespace synlint {
namespace {

/// Masked text with each masked span as "[begin,end)".
std::string Mask(std::string_view text) {
  std::vector<Span> spans;
  std::string out = MaskTemplate(text, &spans);
  EXPECT_EQ(text.size(), out.size());
  for (size_t i = 0; i < text.size(); ++i) {
    EXPECT_EQ(text[i] == '\n', out[i] == '\n') << "newline moved at " << i;
  }
  for (const Span& s : spans) out += " [" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
  return out;
}

TEST(TemplateMask, Expressions) {
  EXPECT_EQ("listen XXXXXXXXXX; [7,17)", Mask("listen {{ port }};"));
  EXPECT_EQ("server_name webXXXXXXX.example.com; [15,22)", Mask("server_name web{{ n }}.example.com;"));
  EXPECT_EQ("a = XXXXXX\nXXXXXXXXXXXXXX\n [4,25)", Mask("a = {{ x |\n default(1) }}\n"));
}

TEST(TemplateMask, StatementsAndCommentsBecomeSpaces) {
  EXPECT_EQ("             \nlisten 443;\n           \n [0,13) [26,37)",
            Mask("{% if tls -%}\nlisten 443;\n{% endif %}\n"));
  EXPECT_EQ("a = 1                   \n [6,24)", Mask("a = 1 {# why: {{ x }} #}\n"));
  EXPECT_EQ("  \n  \n  \n [0,8)", Mask("{#\n x\n#}\n"));
}

TEST(TemplateMask, QuotesInsideTags) {
  EXPECT_EQ("XXXXXXXXXXXXXX; [0,14)", Mask("{{ \"}}\" ~ x }};"));
  EXPECT_EQ("                    b [0,19)", Mask("{% set a = '%}' -%} b"));
}

TEST(TemplateMask, RawBlocksStayText) {
  EXPECT_EQ("            {{ literal }}             ! [0,9) [25,38)",
            Mask("{% raw %}   {{ literal }}{% endraw -%}!"));
  EXPECT_EQ("            {{ x }} [0,10)", Mask("{%- raw %}  {{ x }}"));
}

TEST(TemplateMask, UnterminatedTagsRunToTheEnd) {
  EXPECT_EQ("a XXXXX\nXX [2,10)", Mask("a {{ x \n b"));
  EXPECT_EQ("a      [2,6)", Mask("a {% x"));
}

TEST(TemplateMask, PlainBracesAreLeftAlone) {
  EXPECT_EQ("events { worker_connections 1; } ${var} {", Mask("events { worker_connections 1; } ${var} {"));
}

TEST(TemplateMask, LooksLikeTemplate) {
  EXPECT_TRUE(LooksLikeTemplate("a/nginx.conf.j2", ""));
  EXPECT_TRUE(LooksLikeTemplate("a/nginx.conf", "x {{ y }}"));
  EXPECT_TRUE(LooksLikeTemplate("a/nginx.conf", "{% if %}"));
  EXPECT_FALSE(LooksLikeTemplate("a/nginx.conf", "location ~ ^/a{2}$ { }"));
}

TEST(TemplateMask, SpanTouches) {
  const std::vector<Span> masked = {{4, 8}};
  EXPECT_TRUE(SpanTouches(masked, {0, 5}));
  EXPECT_TRUE(SpanTouches(masked, {7, 9}));
  EXPECT_TRUE(SpanTouches(masked, {5, 5}));
  EXPECT_FALSE(SpanTouches(masked, {0, 4}));
  EXPECT_FALSE(SpanTouches(masked, {8, 9}));
  EXPECT_FALSE(SpanTouches(masked, {8, 8}));
}

struct Restored {
  bool ok;
  std::string text;
};

Restored Restore(std::string_view original, const std::function<void(std::string*)>& edit) {
  std::vector<Span> spans;
  const std::string masked = MaskTemplate(original, &spans);
  std::string edited = masked;
  edit(&edited);
  std::string out, err;
  if (!RestoreTemplate(original, masked, spans, edited, &out, &err)) return {false, err};
  return {true, out};
}

TEST(TemplateMask, RestoreCarriesEditsOntoTheTemplate) {
  const std::string tpl = "a = {{ x }}\nb = 1\n{% if y %}\nc = 2\n{% endif %}\nd = {{ z }}\n";
  Restored r = Restore(tpl, [](std::string* s) { s->replace(s->find("b = 1"), 5, "b = 5"); });
  EXPECT_TRUE(r.ok);
  EXPECT_EQ("a = {{ x }}\nb = 5\n{% if y %}\nc = 2\n{% endif %}\nd = {{ z }}\n", r.text);
  // Insert a line, delete another, edit a third.
  r = Restore(tpl, [](std::string* s) {
    s->insert(0, "# head\n");
    s->erase(s->find("c = 2\n"), 6);
    *s += "e = 3";
  });
  EXPECT_TRUE(r.ok);
  EXPECT_EQ("# head\na = {{ x }}\nb = 1\n{% if y %}\n{% endif %}\nd = {{ z }}\ne = 3", r.text);
  // No change at all gives the template back.
  r = Restore(tpl, [](std::string*) {});
  EXPECT_EQ(tpl, r.text);
}

TEST(TemplateMask, RestoreRefusesChangesToTemplateText) {
  const std::string tpl = "a = {{ x }}\nb = 1\n{% if y %}\n";
  Restored r = Restore(tpl, [](std::string* s) { s->replace(0, 11, "a = 1"); });
  EXPECT_FALSE(r.ok);
  EXPECT_EQ("a fix would change template text on line 1; change it by hand", r.text);
  r = Restore(tpl, [](std::string* s) { s->erase(s->find("\n      ") + 1); });
  EXPECT_FALSE(r.ok);
  EXPECT_EQ("a fix would change template text on line 3; change it by hand", r.text);
}

}  // namespace
}  // namespace synlint

namespace synlint {
namespace {

TEST(TemplateMask, InvariantsOnArbitraryInput) {
  // Deterministic pseudo-random texts over the characters that matter.
  const std::string_view alphabet = "{}%#\"'\\\n\r xX-";
  uint32_t seed = 12345;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    seed = seed * 1103515245 + 12345;
    const size_t n = (seed >> 16) % 48;
    for (size_t i = 0; i < n; ++i) {
      seed = seed * 1103515245 + 12345;
      text += alphabet[(seed >> 16) % alphabet.size()];
    }
    std::vector<Span> spans;
    const std::string masked = MaskTemplate(text, &spans);
    ASSERT_EQ(text.size(), masked.size()) << text;
    for (size_t i = 0; i < text.size(); ++i) {
      ASSERT_EQ(text[i] == '\n' || text[i] == '\r', masked[i] == '\n' || masked[i] == '\r') << text;
      if (masked[i] != text[i]) {
        ASSERT_TRUE(SpanTouches(spans, {static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)})) << text;
      }
    }
    for (const Span& s : spans) ASSERT_LE(s.end, text.size());
    std::string restored, err;
    ASSERT_TRUE(RestoreTemplate(text, masked, spans, masked, &restored, &err)) << err;
    ASSERT_EQ(text, restored);
  }
}

TEST(TemplateMask, RestoreKeepsCrlf) {
  const std::string tpl = "a = {{ x }}\r\nb = 1\r\n";
  std::vector<Span> spans;
  const std::string masked = MaskTemplate(tpl, &spans);
  std::string edited = masked;
  edited.replace(edited.find("b = 1"), 5, "b = 2");
  std::string out, err;
  ASSERT_TRUE(RestoreTemplate(tpl, masked, spans, edited, &out, &err)) << err;
  EXPECT_EQ("a = {{ x }}\r\nb = 2\r\n", out);
}

}  // namespace
}  // namespace synlint
