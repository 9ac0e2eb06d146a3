// SPDX-License-Identifier: MIT
// Options shared by the subcommands, and turning them into run settings.
#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_system.h"
#include "linter/engine/fixer.h"
#include "model/host.h"
#include "rules/rule.h"

namespace synlint::cli {

/// Exit codes (documented in README.md).
inline constexpr int kExitClean = 0;     // nothing at or above --fail-on
inline constexpr int kExitFindings = 1;  // findings at or above --fail-on
inline constexpr int kExitError = 2;     // usage or fatal error

/// Where and how to read one host.
struct HostArgs {
  std::string root = "/";
  std::string kernel;          // --kernel X.Y[.Z]
  int64_t tcp_ehash_entries = 0;  // --tcp-ehash-entries
  const CLI::Option* tcp_ehash_option = nullptr;  // to tell a given 0 from none
  std::string sysctl_loader;   // --sysctl-loader
  int systemd_version = 0;     // --systemd-version
  std::string nginx_version;   // --nginx-version
  std::string nginx_conf = "etc/nginx/nginx.conf";  // --nginx-conf
  std::string nginx_prefix;    // --nginx-prefix
  std::vector<std::string> kubernetes;  // --kubernetes FILE (root-relative manifests)
  std::vector<std::string> compose;     // --compose FILE
  std::string kubernetes_version;       // --kubernetes-version X.Y
  std::vector<std::string> allowed_unsafe_sysctls;  // --allowed-unsafe-sysctls
  void Add(CLI::App* app);
  /// Fills `out`; returns false with `err` on a bad value.
  bool ToHostOptions(HostOptions* out, std::string* err) const;
  std::unique_ptr<DiskFileSystem> OpenRoot(std::string* err) const;
};

/// Which findings count.
struct FilterArgs {
  std::vector<std::string> select;   // prefixes or IDs
  std::vector<std::string> ignore;
  void Add(CLI::App* app);
};

/// What is printed and where: --format for check and tune; -o/--output,
/// --color and --fail-on for check.
struct OutputArgs {
  std::string format = "text";
  std::string file;  // -o/--output; "" is stdout
  std::string color = "auto";
  std::string fail_on = "info";
  const CLI::Option* fail_on_option = nullptr;
  /// --format, its help naming `formats`; `checked`: other names are a usage error.
  CLI::Option* AddFormat(CLI::App* app, const std::vector<std::string_view>& formats, bool checked);
  /// check's: --format (any formatter; an unknown one fails later), -o, --color, --fail-on.
  void AddReport(CLI::App* app);
};

/// --diff, --fix, --unsafe-fixes and --sysctl-override-name, for check and tune.
struct FixArgs {
  bool diff = false;
  bool fix = false;
  bool unsafe_fixes = false;
  std::string override_name = "90-synlint.conf";
  /// The help of the flags whose meaning differs between the commands.
  struct Help {
    const char* diff;
    const char* fix;
    const char* unsafe_fixes;
  };
  void Add(CLI::App* app, const Help& help);
  FixOptions ToFixOptions() const;
  /// The least safe fix applied: safe ones, and unsafe ones with --unsafe-fixes.
  Applicability MinApplicability() const;
};

/// The running kernel's release (uname -r), or "".
std::string RunningKernel();
/// The running kernel's version string (uname -v), or "".
std::string RunningKernelBuild();

/// Prints "synlint: error: MSG" to stderr and returns kExitError.
int Fail(const std::string& message);

/// Whether to colour output written to `fd`: --color always|never, else
/// (auto) not with NO_COLOR or TERM=dumb, yes with FORCE_COLOR or
/// CLICOLOR_FORCE, else when `fd` is a terminal.
bool UseColor(const std::string& mode, int fd);

void AddCheck(CLI::App& app, int* exit_code);
void AddAudit(CLI::App& app, int* exit_code);
void AddShow(CLI::App& app, int* exit_code);
void AddRules(CLI::App& app, int* exit_code);
void AddExplain(CLI::App& app, int* exit_code);
void AddParse(CLI::App& app, int* exit_code);
void AddTune(CLI::App& app, int* exit_code);
void AddReportCommand(CLI::App& app, int* exit_code);

}  // namespace synlint::cli
