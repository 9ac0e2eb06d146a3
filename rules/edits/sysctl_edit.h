// SPDX-License-Identifier: MIT
// Building fixes for sysctl files: edit the assignment that wins where it is
// writable (under etc/), otherwise override it from etc/sysctl.d/.
#pragma once

#include <string>

#include "core/finding.h"
#include "model/host.h"

namespace synlint {

/// True for files an administrator owns: under etc/, and not a package's file
/// as shipped (host.packages). Vendor files under usr/lib, lib and run and
/// package-owned files are never edited.
bool IsAdminFile(const Host& host, const std::string& path);

/// Whether `entry` is a write a script makes (model/script_settings.h), not a sysctl file's line:
/// its "line" is a shell statement, never deleted as a sysctl line is.
bool IsScriptWrite(const Host& host, const SysctlEntry& entry);

/// The edit that adds `key = value` (after a `# comment` line when not empty) to the sysctl file
/// `path`: appended when the file exists, else the new file with a header; with `overrides`, a
/// comment names the file whose setting the line overrides.
TextEdit AddSysctlLineEdit(const Host& host, const std::string& path, const std::string& key,
                           const std::string& value, const std::string& comment,
                           const SysctlEntry* overrides = nullptr);

/// Deletes the whole line holding `entry`.
TextEdit DeleteLineEdit(const SysctlEntry& entry);

/// A fix that makes `key` effectively `value` under the host's loader: it
/// rewrites the winning assignment when it is an admin file (a script's write: its value, where
/// the script writes it as a literal; sysctl files apply before scripts run), else adds the
/// key to an override file in etc/sysctl.d/ that sorts after the winner.
/// `comment` (without '#') is written on a line above when not empty. When
/// there is no place for an override (OverridePath() is empty) the fix is
/// display-only, with no edits, and its title says why.
Fix SetSysctlFix(const Host& host, const FixOptions& options, const std::string& key,
                 const std::string& value, const std::string& comment, Applicability applicability);

/// Turns syncookies back on (1); shared by SL106 and SL202 so that both
/// findings carry the same edit and merge into one.
Fix EnableSyncookiesFix(const Host& host, const FixOptions& options, const std::string& was);

/// Path of the override file that `SetSysctlFix` would use for `key`: in
/// the directory etc/sysctl.d resolves to inside the root, where discovery
/// reads it; "" when etc/sysctl.d is a symlink that leads to no directory there.
std::string OverridePath(const Host& host, const FixOptions& options, const std::string& key);

}  // namespace synlint
