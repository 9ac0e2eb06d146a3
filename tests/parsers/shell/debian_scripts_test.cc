// SPDX-License-Identifier: MIT
// The shell extraction on real scripts: Debian maintainer scripts and the shell files Debian
// packages ship, unpacked by fetch_debian_configs.sh into BUILD_DIR/debian-configs/shell, and the
// maintainer scripts of this machine's own packages (var/lib/dpkg/info). Zero crashes; every
// `sysctl` command at the start of a line is seen, and each is a write, a load, a read or not
// evaluated; every span lies inside its script and an exact value span holds the value.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "parsers/shell/discover.h"
#include "parsers/shell/sysctl_calls.h"

namespace synlint::shell {
namespace {

namespace fs = std::filesystem;

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Totals {
  size_t scripts = 0, commands = 0, writes = 0, loads = 0, not_evaluated = 0, line_starts = 0;
};

// Commands named sysctl at the start of a line (after blanks, sudo, a path), outside here-documents
// (tracked line by line): a lower bound for what the tree must find.
size_t SysctlLineStarts(const std::string& text) {
  static const std::regex kLine(R"(^[ \t]*(sudo[ \t]+)?(/usr)?(/s?bin/)?sysctl[ \t]+-)");
  static const std::regex kHeredoc(R"(<<-?[ \t]*['"]?([A-Za-z_][A-Za-z_0-9]*)['"]?)");
  size_t n = 0;
  std::string until;  // the delimiter of the here-document being skipped
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!until.empty()) {
      const size_t b = line.find_first_not_of(" \t");
      if (b != std::string::npos && line.substr(b) == until) until.clear();
      continue;
    }
    n += std::regex_search(line, kLine);
    std::smatch m;
    if (std::regex_search(line, m, kHeredoc)) until = m[1];
  }
  return n;
}

void Check(const fs::path& p, Totals* t) {
  const std::string text = ReadAll(p);
  if (text.size() > (4u << 20) || !IsShellScript(p.filename().string(), text)) return;
  const Extraction x = ExtractSysctlWrites(text);
  ++t->scripts;
  t->commands += x.sysctl_commands;
  t->writes += x.writes.size();
  t->loads += x.loads.size();
  t->not_evaluated += x.not_evaluated.size();
  const size_t starts = SysctlLineStarts(text);
  t->line_starts += starts;
  EXPECT_GE(x.sysctl_commands, starts) << p << ": a sysctl command at the start of a line was not seen";
  size_t sysctl_writes = 0;
  for (const SysctlWrite& w : x.writes) {
    for (Span s : {w.key_span, w.value_span, w.command, w.removal}) {
      ASSERT_LE(s.end, text.size()) << p << ": span outside the script";
    }
    if (w.value_exact) {
      EXPECT_EQ(text.substr(w.value_span.begin, w.value_span.size()), w.value) << p;
    }
    if (w.kind == WriteKind::kSet) ++sysctl_writes;
  }
  // Each sysctl command was classified: it wrote, loaded, read, or something in it was not evaluated.
  EXPECT_LE(x.sysctl_commands, sysctl_writes + x.loads.size() + x.sysctl_reads + x.not_evaluated.size()) << p;
}

void CheckTree(const fs::path& root, Totals* t) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) Check(it->path(), t);
  }
}

TEST(ShellDebianScripts, DebianPackagesScriptsAreRead) {
  const fs::path root = fs::path(SYNLINT_BINARY_DIR) / "debian-configs" / "shell";
  if (!fs::exists(root)) GTEST_SKIP() << root << " is absent: run tests/parsers/shell/fetch_debian_configs.sh";
  Totals t;
  CheckTree(root, &t);
  std::printf("%zu scripts, %zu sysctl commands (%zu at line starts), %zu writes, %zu loads, %zu not evaluated\n",
              t.scripts, t.commands, t.line_starts, t.writes, t.loads, t.not_evaluated);
  EXPECT_GT(t.scripts, 100u);
  // procps and netbase run sysctl in their maintainer scripts: the tree must find those.
  EXPECT_GT(t.commands, 0u);
  EXPECT_GT(t.loads + t.writes, 0u);
}

TEST(ShellDebianScripts, ThisMachinesMaintainerScriptsAreRead) {
  const fs::path root = "/var/lib/dpkg/info";
  if (!fs::exists(root)) GTEST_SKIP() << "no dpkg database";
  Totals t;
  CheckTree(root, &t);
  EXPECT_GT(t.scripts, 0u);
}

}  // namespace
}  // namespace synlint::shell
