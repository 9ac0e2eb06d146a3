// SPDX-License-Identifier: MIT
// The kernel settings a shell script writes, read with tree-sitter-bash (issue #23): `sysctl -w K=V`
// (several pairs, `-q`, `-e`, quoted, `K = V` inside one word), `sysctl K=V`, `sysctl -p [FILE]`
// (with a here-document too), `sysctl --system`, `echo V > /proc/sys/a/b`, `printf`, `... | tee
// /proc/sys/a/b`, `docker run --sysctl K=V`; values through a variable assigned once in the same
// scope. What cannot be known without running the script is listed as not evaluated, never
// guessed. Every span is a byte range of the script's own text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/source.h"
#include "core/syntax.h"

namespace synlint::shell {

enum class WriteKind : uint8_t {
  kSet,        // sysctl [-w] K=V, or a here-document line of `sysctl -p -`
  kProcSys,    // a write to /proc/sys/... (redirection or tee)
  kContainer,  // docker/podman run --sysctl K=V: the container's namespace, not the host
};

/// One key set to one value.
struct SysctlWrite {
  WriteKind kind = WriteKind::kSet;
  std::string key;    // as written: "net.core.somaxconn" or "net/core/somaxconn"
  std::string value;  // as the kernel receives it (quotes and escapes removed)
  Span key_span;      // where the key is written
  Span value_span;    // where the value is written (inside quotes)
  /// The value's span holds exactly the value's bytes: replacing them changes the value only.
  bool value_exact = false;
  Span command;       // the whole statement (with its redirections, or its pipeline)
  /// Bytes whose deletion removes this write and nothing else (a whole line, or one pair of
  /// several); empty when the write cannot be removed alone (inside an `if`, a list, a loop).
  Span removal;
  bool in_loop = false;
};

/// `sysctl -p [FILE...]` or `sysctl --system`: files applied again at run time.
struct SysctlLoad {
  Span command;
  bool system = false;             // --system: every sysctl.d directory
  std::vector<std::string> files;  // -p FILE; empty with -p alone: /etc/sysctl.conf
};

/// A sysctl call or /proc/sys write whose key or value cannot be known without running it.
struct NotEvaluated {
  Span span;
  std::string why;  // "value from a command substitution"
};

struct Extraction {
  std::vector<SysctlWrite> writes;
  std::vector<SysctlLoad> loads;
  std::vector<NotEvaluated> not_evaluated;
  /// Every `sysctl` command seen (reads included): each is a write, a load, a read or not evaluated.
  uint32_t sysctl_commands = 0;
  uint32_t sysctl_reads = 0;
  /// Where tree-sitter-bash found the script malformed (its ERROR and missing nodes).
  std::vector<SyntaxError> errors;
};

Extraction ExtractSysctlWrites(std::string_view script);

/// The /proc/sys path of a key, or the key of a /proc/sys path ("" when `path` is not under it).
std::string ProcSysKey(std::string_view path);

}  // namespace synlint::shell
