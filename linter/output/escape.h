// SPDX-License-Identifier: MIT
// Escaping for the output formats: terminals, XML, GitHub workflow commands
// and URIs. Messages and paths may hold any bytes (they quote config files),
// so every function here accepts bad UTF-8 and control characters.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace synlint {

/// `s` with each byte that is not valid UTF-8 replaced by U+FFFD.
std::string ToValidUtf8(std::string_view s);

/// Number of UTF-16 code units `s` takes (a bad byte counts as one U+FFFD).
uint32_t Utf16Length(std::string_view s);

/// For one-line human output: control characters become visible escapes
/// ("\n", "\t", "\x1b", "\u009b") and bytes that are not UTF-8 become "\xff".
std::string EscapeForTerminal(std::string_view s);

/// XML 1.0 text: escapes '&', '<', '>' and carriage return; in (double-
/// quoted) attributes also '"', tab and newline, as character references.
/// Characters XML cannot carry and bad UTF-8 become U+FFFD.
std::string EscapeXml(std::string_view s, bool attribute);

/// The message of a GitHub workflow command: '%', '\r' and '\n' escaped.
std::string EscapeGithubData(std::string_view s);
/// A property value of a GitHub workflow command: like the data, plus ':'
/// and ','.
std::string EscapeGithubProperty(std::string_view s);

/// A '/'-separated path as a URI reference (RFC 3986): every byte except
/// unreserved characters and '/' is percent-encoded.
std::string PathToUri(std::string_view path);

}  // namespace synlint
