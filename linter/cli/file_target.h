// SPDX-License-Identifier: MIT
// A host made of one file, as ShellCheck, hadolint and ruff lint the file
// they are given: `synlint my.conf`, `synlint -` (stdin), and a file of a
// repository that no host of .synlint.yaml owns.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/config_format.h"
#include "linter/cli/project.h"

namespace synlint::cli {

/// The format of a file from its name and text: a sysctl.d or systemd path
/// or unit suffix, "nginx", "apache" or "httpd" in the path, else the text
/// (a [Socket] section, <VirtualHost>/Listen, blocks with ';', lines of
/// dotted `key = value`). nullopt when neither tells it: the user says it with --as.
std::optional<ConfigFormat> DetectFileFormat(std::string_view path, std::string_view text);

/// The format --as names, or DetectFileFormat(); false with `err` naming
/// `shown` when neither gives one.
bool FileFormat(const std::string& as, const std::string& shown, std::string_view text, ConfigFormat* out,
                std::string* err);

/// The host of one file: `repo_path` (relative to `base_dir`, the directory
/// nothing is read outside of) where its format's loader reads it: sysctl in
/// etc/sysctl.d/, nginx and Apache as the main file with its directory as
/// the server's directory (relative and /etc/nginx/... includes resolve
/// there, inside `base_dir`), a systemd unit with the drop-ins of the
/// `NAME.d/` beside it. Paths are shown relative to the current directory.
bool FileTarget(const std::string& base_dir, const std::string& repo_path, ConfigFormat format,
                const HostOptions& base, Target* out, std::string* err);

/// The host of a buffer read from stdin, shown as `name`: it reads nothing
/// else (no include is followed).
bool StdinTarget(const std::string& name, std::string text, ConfigFormat format, const HostOptions& base,
                 Target* out, std::string* err);

/// Whether rule `id` judges one file by itself, so it runs on a file that no
/// host owns: input problems, sysctl keys and values, nginx listen options.
/// The others compare a listener with the kernel's sysctls or need a
/// baseline, and would judge against settings the host may set elsewhere.
bool SingleFileRule(std::string_view id);

}  // namespace synlint::cli
