// SPDX-License-Identifier: MIT
#include "linter/cli/options.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <iostream>
#include <tuple>

#include "linter/output/formatter.h"
#include "model/kubernetes_sysctls.h"

namespace synlint::cli {

void HostArgs::Add(CLI::App* app) {
  app->add_option("--root", root,
                  "Directory holding the host's /etc tree (and usr/lib, run, ...); every path, "
                  "include and symlink stays inside it")
      ->capture_default_str()
      ->group("Host");
  app->add_option("--kernel", kernel,
                  "Target kernel version X.Y or X.Y.Z (default: the running kernel when --root is /, else "
                  "6.1); the stable release Z matters where a series got a change mid-way")
      ->group("Host");
  tcp_ehash_option = app->add_option("--tcp-ehash-entries", tcp_ehash_entries,
                  "Entries of the host's TCP established hash table, as its boot log prints them ('TCP "
                  "established hash table entries: N'); the kernel computes tcp_max_syn_backlog's default "
                  "from it (default: read live when --root is /, else shown as a range)")
      ->group("Host");
  app->add_option("--sysctl-loader", sysctl_loader,
                  "Which loader applies sysctl files at boot: systemd (systemd-sysctl) or procps "
                  "(sysctl --system); default: detected from the root")
      ->check(CLI::IsMember({"systemd", "procps"}))
      ->group("Host");
  app->add_option("--systemd-version", systemd_version,
                  "systemd version on the host, for defaults that changed (Backlog= before v254); default: read "
                  "from the root (libsystemd-shared-N.so, dpkg's status file)")
      ->group("Host");
  app->add_option("--nginx-version", nginx_version,
                  "nginx version on the host (e.g. 1.22.1), for restart advice: before 1.5.12 a reload "
                  "may not apply a changed backlog=; default: read from the root (the version string in "
                  "usr/sbin/nginx, dpkg's status file), else a current nginx")
      ->group("Host");
  app->add_option("--nginx-conf", nginx_conf, "nginx's main file, relative to the root")
      ->capture_default_str()
      ->group("Host");
  app->add_option("--nginx-prefix", nginx_prefix,
                  "Directory relative include paths in nginx files start from (default: the main "
                  "file's directory)")
      ->group("Host");
  app->add_option("--kubernetes", kubernetes,
                  "Kubernetes manifests (relative to the root): each pod is a network namespace of its own, "
                  "judged by its own sysctls and the kernel's per-namespace defaults, with the nginx "
                  "configuration its ConfigMaps hold")
      ->delimiter(',')
      ->group("Containers");
  app->add_option("--compose", compose,
                  "Compose files (relative to the root): each service is a network namespace of its own, with "
                  "the nginx files it mounts from the repository")
      ->delimiter(',')
      ->group("Containers");
  app->add_option("--kubernetes-version", kubernetes_version,
                  "Kubernetes release X.Y whose safe-sysctl list applies (default: the newest known)")
      ->group("Containers");
  app->add_option("--allowed-unsafe-sysctls", allowed_unsafe_sysctls,
                  "Sysctls (or prefixes ending in '*') the nodes' kubelets allow, as the kubelet flag")
      ->delimiter(',')
      ->group("Containers");
}

bool HostArgs::ToHostOptions(HostOptions* out, std::string* err) const {
  if (!kernel.empty()) {
    out->kernel = KernelVersion::Parse(kernel);
    if (!out->kernel) {
      *err = "--kernel: '" + kernel + "' is not a kernel version such as 6.1, 6.1.125 or 4.19";
      return false;
    }
  }
  if (tcp_ehash_option && tcp_ehash_option->count() > 0) {
    // alloc_large_system_hash() sizes every table to a power of two.
    if (tcp_ehash_entries < 1 || (tcp_ehash_entries & (tcp_ehash_entries - 1)) != 0 ||
        tcp_ehash_entries > (int64_t{1} << 31)) {
      *err = "--tcp-ehash-entries: " + std::to_string(tcp_ehash_entries) +
             " is not a hash table size (a power of two, as in 'TCP established hash table entries: 262144')";
      return false;
    }
    out->tcp_ehash_entries = tcp_ehash_entries;
  }
  if (sysctl_loader == "systemd") out->loader = sysctl::Loader::kSystemd;
  if (sysctl_loader == "procps") out->loader = sysctl::Loader::kProcps;
  if (systemd_version > 0) out->systemd_version = systemd_version;
  if (!nginx_version.empty()) {
    out->nginx_version = ServerVersion::Parse(nginx_version);
    if (!out->nginx_version) {
      *err = "--nginx-version: '" + nginx_version + "' is not a version such as 1.22.1";
      return false;
    }
  }
  if (!kubernetes_version.empty()) {
    out->kubernetes_version = ParseKubernetesVersion(kubernetes_version);
    if (!out->kubernetes_version) {
      *err = "--kubernetes-version: '" + kubernetes_version + "' is not a Kubernetes release such as 1.29";
      return false;
    }
  }
  for (const auto& [list, flag, into] : {std::tuple{&kubernetes, "--kubernetes", &out->kubernetes_files},
                                         std::tuple{&compose, "--compose", &out->compose_files}}) {
    for (const std::string& f : *list) {
      std::string n;
      if (!NormalizePath(f, &n)) {
        *err = std::string(flag) + ": '" + f + "' leads outside the root";
        return false;
      }
      into->push_back(n);
    }
  }
  out->allowed_unsafe_sysctls = allowed_unsafe_sysctls;
  std::string norm;
  if (!NormalizePath(nginx_conf, &norm)) {
    *err = "--nginx-conf: '" + nginx_conf + "' leads outside the root";
    return false;
  }
  out->nginx_main = norm;
  if (!nginx_prefix.empty() && !NormalizePath(nginx_prefix, &out->nginx_prefix)) {
    *err = "--nginx-prefix: '" + nginx_prefix + "' leads outside the root";
    return false;
  }
  if (root == "/" || root.empty()) {
    out->running_kernel = RunningKernel();
    out->running_kernel_build = RunningKernelBuild();
  }
  return true;
}

std::unique_ptr<DiskFileSystem> HostArgs::OpenRoot(std::string* err) const {
  auto fs = std::make_unique<DiskFileSystem>(root.empty() ? "/" : root);
  if (fs->Lstat("").kind == NodeKind::kMissing || access(fs->Describe().c_str(), R_OK | X_OK) != 0) {
    *err = "--root: cannot open directory '" + root + "'";
    return nullptr;
  }
  return fs;
}

void FilterArgs::Add(CLI::App* app) {
  app->add_option("--select", select,
                  "Only these rules: IDs or prefixes (SL2 selects SL200-SL299), comma-separated")
      ->delimiter(',')
      ->group("Rules");
  app->add_option("--ignore", ignore, "Skip these rules: IDs or prefixes, comma-separated")
      ->delimiter(',')
      ->group("Rules");
}

CLI::Option* OutputArgs::AddFormat(CLI::App* app, const std::vector<std::string_view>& formats,
                                   bool checked) {
  std::string names;
  for (std::string_view f : formats) (names += names.empty() ? "" : ", ") += f;
  CLI::Option* option =
      app->add_option("-f,--format", format, "Output format (any case): " + names)
          ->transform([](std::string name) {
            // `-f JSON` and `-f Sarif` name the formats too.
            for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            return name;
          });
  if (checked) option->check(CLI::IsMember(std::vector<std::string>(formats.begin(), formats.end())));
  return option->capture_default_str()->group("Output");
}

void OutputArgs::AddReport(CLI::App* app) {
  AddFormat(app, FormatterNames(), false);
  app->add_option("-o,--output", file, "Write the report to FILE instead of stdout")->group("Output");
  app->add_option("--color", color,
                  "Colour text output: auto, always, never (auto: on a terminal, or with FORCE_COLOR or "
                  "CLICOLOR_FORCE set; never with NO_COLOR set)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str()
      ->group("Output");
  app->add_option("--fail-on", fail_on,
                  "Exit 1 when a finding is at least this severe: error, warning, info, never")
      ->check(CLI::IsMember({"error", "warning", "info", "never"}))
      ->capture_default_str()
      ->group("Output");
  fail_on_option = app->get_option("--fail-on");
}

void FixArgs::Add(CLI::App* app, const Help& help) {
  app->add_flag("--diff", diff, help.diff)->group("Fixes");
  app->add_flag("--fix", fix, help.fix)->group("Fixes");
  app->add_flag("--unsafe-fixes", unsafe_fixes, help.unsafe_fixes)->group("Fixes");
  app->add_option("--sysctl-override-name", override_name,
                  "File created in etc/sysctl.d/ when a vendor setting must be overridden")
      ->capture_default_str()
      ->group("Fixes");
}

FixOptions FixArgs::ToFixOptions() const {
  FixOptions options;
  options.sysctl_override_name = override_name;
  return options;
}

Applicability FixArgs::MinApplicability() const {
  return unsafe_fixes ? Applicability::kUnsafe : Applicability::kSafe;
}

std::string RunningKernel() {
  struct utsname u;
  return uname(&u) == 0 ? u.release : "";
}

std::string RunningKernelBuild() {
  struct utsname u;
  return uname(&u) == 0 ? u.version : "";
}

int Fail(const std::string& message) {
  std::cerr << "synlint: error: " << message << "\n";
  return kExitError;
}

bool UseColor(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  // force-color.org: FORCE_COLOR set to anything but "" forces colour (its
  // "0" too, by that convention); CLICOLOR_FORCE does unless it is "0".
  const char* force = std::getenv("FORCE_COLOR");
  const char* clicolor_force = std::getenv("CLICOLOR_FORCE");
  if ((force && *force) || (clicolor_force && *clicolor_force && std::string(clicolor_force) != "0")) return true;
  const char* term = std::getenv("TERM");
  if (term && std::string(term) == "dumb") return false;
  return isatty(fd);
}

}  // namespace synlint::cli
