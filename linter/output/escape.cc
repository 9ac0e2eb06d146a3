// SPDX-License-Identifier: MIT
#include "linter/output/escape.h"

#include "core/utf8.h"

namespace synlint {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr char kHex[] = "0123456789abcdef";
constexpr char kHexUpper[] = "0123456789ABCDEF";

void AppendHexByte(unsigned char c, std::string* out) {
  out->push_back(kHex[c >> 4]);
  out->push_back(kHex[c & 15]);
}

// Calls `ch(text, cp)` for each valid character and `bad(byte)` for each
// byte that starts no valid UTF-8 sequence.
template <typename Char, typename Bad>
void ForEachChar(std::string_view s, Char ch, Bad bad) {
  size_t i = 0;
  while (i < s.size()) {
    uint32_t cp = 0;
    const size_t len = Utf8SequenceLength(s, i, &cp);
    if (len == 0) {
      bad(static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      ch(s.substr(i, len), cp);
      i += len;
    }
  }
}

std::string EscapeGithub(std::string_view s, bool property) {
  std::string out;
  ForEachChar(
      s,
      [&](std::string_view text, uint32_t cp) {
        switch (cp) {
          case '%': out.append("%25"); break;
          case '\r': out.append("%0D"); break;
          case '\n': out.append("%0A"); break;
          case ':': out.append(property ? "%3A" : ":"); break;
          case ',': out.append(property ? "%2C" : ","); break;
          default: out.append(text);
        }
      },
      [&](unsigned char) { out.append(kReplacement); });
  return out;
}

}  // namespace

std::string ToValidUtf8(std::string_view s) {
  std::string out;
  ForEachChar(
      s, [&](std::string_view text, uint32_t) { out.append(text); },
      [&](unsigned char) { out.append(kReplacement); });
  return out;
}

uint32_t Utf16Length(std::string_view s) {
  uint32_t units = 0;
  ForEachChar(
      s, [&](std::string_view, uint32_t cp) { units += cp >= 0x10000 ? 2 : 1; },
      [&](unsigned char) { ++units; });
  return units;
}

std::string EscapeForTerminal(std::string_view s) {
  // Printable ASCII passes through unchanged: copy that prefix in one go (on
  // a run with 189k findings this function was 17% of the process).
  size_t plain = 0;
  while (plain < s.size() && s[plain] >= 0x20 && s[plain] < 0x7F) ++plain;
  std::string out(s.substr(0, plain));
  if (plain == s.size()) return out;
  ForEachChar(
      s.substr(plain),
      [&](std::string_view text, uint32_t cp) {
        if (cp == '\n') {
          out.append("\\n");
        } else if (cp == '\r') {
          out.append("\\r");
        } else if (cp == '\t') {
          out.append("\\t");
        } else if (cp < 0x20 || cp == 0x7F) {
          out.append("\\x");
          AppendHexByte(static_cast<unsigned char>(cp), &out);
        } else if (cp >= 0x80 && cp <= 0x9F) {  // C1 controls (CSI, ...)
          out.append("\\u00");
          AppendHexByte(static_cast<unsigned char>(cp), &out);
        } else {
          out.append(text);
        }
      },
      [&](unsigned char c) {
        out.append("\\x");
        AppendHexByte(c, &out);
      });
  return out;
}

std::string EscapeXml(std::string_view s, bool attribute) {
  std::string out;
  ForEachChar(
      s,
      [&](std::string_view text, uint32_t cp) {
        switch (cp) {
          case '&': out.append("&amp;"); return;
          case '<': out.append("&lt;"); return;
          case '>': out.append("&gt;"); return;
          case '"': out.append(attribute ? "&quot;" : "\""); return;
          case '\t': out.append(attribute ? "&#9;" : "\t"); return;
          case '\n': out.append(attribute ? "&#10;" : "\n"); return;
          case '\r': out.append("&#13;"); return;  // else parsers drop it
        }
        const bool allowed = cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF;
        out.append(allowed ? text : kReplacement);
      },
      [&](unsigned char) { out.append(kReplacement); });
  return out;
}

std::string EscapeGithubData(std::string_view s) { return EscapeGithub(s, false); }

std::string EscapeGithubProperty(std::string_view s) {
  return EscapeGithub(s, true);
}

std::string PathToUri(std::string_view path) {
  std::string out;
  for (const char ch : path) {
    const unsigned char c = static_cast<unsigned char>(ch);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '-' || c == '.' ||
                      c == '_' || c == '~' || c == '/';
    if (keep) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHexUpper[c >> 4]);
      out.push_back(kHexUpper[c & 15]);
    }
  }
  return out;
}

}  // namespace synlint
