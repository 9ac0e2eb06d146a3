// SPDX-License-Identifier: MIT
#include "tests/integration/integration_util.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <sstream>

namespace synlint::testing {

namespace fs = std::filesystem;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out.flush());
}

CommandResult RunShell(const std::string& command, const std::string& dir) {
  CommandResult r;
  char out_name[] = "/tmp/synlint-it-out-XXXXXX";
  char err_name[] = "/tmp/synlint-it-err-XXXXXX";
  const int out_fd = mkstemp(out_name);
  const int err_fd = mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) {
    r.err = "cannot create a temporary file for the output of: " + command;
    return r;
  }
  close(out_fd);
  close(err_fd);
  std::string script;
  if (!dir.empty()) {
    // Git must not find a repository above the copy (e.g. the source tree).
    script += "GIT_CEILING_DIRECTORIES=" + Quote(fs::path(dir).parent_path().string()) +
              "; export GIT_CEILING_DIRECTORIES; cd " + Quote(dir) + " && ";
  }
  script += "( " + command + " ) </dev/null >" + Quote(out_name) + " 2>" + Quote(err_name);
  const int status = std::system(("/bin/sh -c " + Quote(script)).c_str());
  if (status != -1 && WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  r.out = ReadFile(out_name);
  r.err = ReadFile(err_name);
  unlink(out_name);
  unlink(err_name);
  return r;
}

std::string Describe(const CommandResult& r) {
  auto cut = [](const std::string& s) {
    constexpr size_t kMax = 6000;
    return s.size() <= kMax
               ? s
               : s.substr(0, kMax) + "\n[... " + std::to_string(s.size() - kMax) + " more bytes]";
  };
  return "exit " + std::to_string(r.exit_code) + "\nstdout:\n" + cut(r.out) + "\nstderr:\n" + cut(r.err);
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/synlint-it-XXXXXX";
  if (mkdtemp(pattern.data())) path_ = pattern;
  if (path_.empty()) ADD_FAILURE() << "cannot create a temporary directory from " << pattern;
}

TempDir::~TempDir() {
  if (path_.empty()) return;
  if (::testing::Test::HasFailure()) {
    std::cerr << "kept " << path_ << " for inspection\n";
    return;
  }
  std::error_code ec;
  fs::remove_all(path_, ec);
}

namespace {

// synlint's flag for each option a `.fixture` file may set.
const std::map<std::string, std::string>& FlagForOption() {
  static const std::map<std::string, std::string> kFlags = {
      {"kernel", "--kernel"}, {"loader", "--sysctl-loader"}, {"systemd", "--systemd-version"},
      {"ehash", "--tcp-ehash-entries"}, {"kubernetes", "--kubernetes"}, {"compose", "--compose"},
      {"kubernetes-version", "--kubernetes-version"}, {"allowed-unsafe-sysctls", "--allowed-unsafe-sysctls"}};
  return kFlags;
}

FixtureHost HostAt(const fs::path& fixtures, const fs::path& tree) {
  FixtureHost host;
  host.tree = tree.string();
  host.name = tree.lexically_relative(fixtures).string();
  for (char& c : host.name) {
    if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  static const std::regex kFixture(R"(^\s*[#;]\s*FIXTURE:\s*(.*)$)");
  std::istringstream in(ReadFile(tree.string() + ".fixture"));
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, kFixture)) continue;
    std::istringstream words(m[1].str());
    for (std::string w; words >> w;) {
      const size_t eq = w.find('=');
      const std::string key = w.substr(0, eq);
      auto it = FlagForOption().find(key);
      if (eq == std::string::npos || it == FlagForOption().end()) {
        host.problem = "option '" + w + "' in " + tree.string() + ".fixture has no synlint flag";
        continue;
      }
      host.flags.push_back(it->second);
      host.flags.push_back(w.substr(eq + 1));
    }
  }
  return host;
}

}  // namespace

void PrintTo(const FixtureHost& host, std::ostream* os) { *os << host.tree; }

std::vector<FixtureHost> FindFixtureHosts() {
  const fs::path fixtures = fs::path(SYNLINT_SOURCE_DIR) / "fixtures";
  std::vector<FixtureHost> hosts;
  if (fs::is_directory(fixtures / "demo")) hosts.push_back(HostAt(fixtures, fixtures / "demo"));
  for (const char* dir : {"hosts", "servers"}) {
    if (!fs::is_directory(fixtures / dir)) continue;
    for (const auto& e : fs::directory_iterator(fixtures / dir)) {
      if (e.is_directory() && e.path().extension() != ".fixed") hosts.push_back(HostAt(fixtures, e.path()));
    }
  }
  std::sort(hosts.begin(), hosts.end(),
            [](const FixtureHost& a, const FixtureHost& b) { return a.name < b.name; });
  return hosts;
}

FixtureHost FixtureHostNamed(const std::string& name) {
  for (FixtureHost& h : FindFixtureHosts()) {
    if (h.name == name) return h;
  }
  ADD_FAILURE() << "no fixture host named '" << name << "' under " << SYNLINT_SOURCE_DIR << "/fixtures";
  return {};
}

std::string SynlintCheck(const FixtureHost& host, const std::string& root, const std::string& args) {
  std::string cmd = Quote(SYNLINT_BIN) + " check --root " + Quote(root);
  for (const std::string& f : host.flags) cmd += " " + Quote(f);
  return cmd + " " + args;
}

bool CopyTree(const std::string& from, const std::string& to) {
  const CommandResult r = RunShell("cp -a " + Quote(from) + " " + Quote(to));
  EXPECT_EQ(r.exit_code, 0) << "cp -a " << from << " " << to << "\n" << Describe(r);
  return r.exit_code == 0;
}

std::string ListTree(const std::string& root) {
  std::vector<std::string> lines;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    struct stat st {};
    const std::string path = it->path().string();
    if (lstat(path.c_str(), &st) != 0) {
      lines.push_back(path + " unreadable");
      continue;
    }
    const char* type = S_ISLNK(st.st_mode)   ? "link"
                       : S_ISDIR(st.st_mode) ? "dir"
                       : S_ISREG(st.st_mode) ? "file"
                                             : "other";
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    std::string line = it->path().lexically_relative(root).string() + " " + type + " " + mode;
    std::error_code link_ec;
    if (S_ISLNK(st.st_mode)) line += " -> " + fs::read_symlink(it->path(), link_ec).string();
    lines.push_back(line);
  }
  if (ec) lines.push_back("cannot list " + root + ": " + ec.message());
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

}  // namespace synlint::testing
