// SPDX-License-Identifier: MIT
// Unit discovery as the system manager does it (systemd.unit(5)): the unit
// search path, masking by name and by /dev/null (or an empty file), instance
// units falling back to their template, aliases, and drop-ins merged from
// NAME.d/, template, "-" prefix and top-level TYPE.d/ directories
// (src/shared/dropin.c unit_file_find_dropin_paths()).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_reader.h"
#include "core/service.h"
#include "parsers/systemd/parser.h"

namespace synlint::systemd {

/// The system unit directories below the root, highest priority first. The
/// runtime-only *.control, transient, *.attached and generator directories
/// are not read.
const std::vector<std::string>& UnitSearchPath();

/// The unit directory of the administrator, first in UnitSearchPath(): where
/// fixes write units and drop-ins.
inline constexpr std::string_view kAdminUnitDir = "etc/systemd/system";

/// The drop-in directory of `unit` in the unit directory `dir`: DIR/UNIT.d.
std::string DropinDir(std::string_view unit, std::string_view dir = kAdminUnitDir);

/// One file read for a unit.
struct UnitFile {
  const SourceFile* file = nullptr;  // owned by the SourceSet
  std::shared_ptr<const ParseResult> parsed;
  bool dropin = false;
};

/// One `Key=value` in one of a unit's files. Points into the UnitView it
/// came from.
struct Assignment {
  const UnitFile* file = nullptr;
  const Section* section = nullptr;
  const Entry* entry = nullptr;
  std::string_view key() const { return file->parsed->Key(*entry); }
  std::string_view value() const { return file->parsed->Value(*entry); }
  /// The value's bytes (an empty span right after '=' for an empty value).
  Location ValueLocation() const;
  /// From the key to the end of the value.
  Location EntryLocation() const;
};

/// How systemd parses a setting's value, for EffectiveSetting().
enum class ValueKind {
  kText,      // any text; Setting::value stays empty
  kUnsigned,  // unsigned 32-bit (Backlog=, MaxConnections=)
  kIecSize,   // bytes with K/M/G suffixes (ReceiveBuffer=, SendBuffer=)
  kRlimit,    // LimitNOFILE= and friends; Setting::value is the soft limit
              // (empty for "infinity")
  kBoolean,   // Setting::value is 0 or 1
};

/// A unit as systemd would load it. Points into the SourceSet it was loaded
/// from, which must outlive it.
class UnitView {
 public:
  enum class State {
    kLoaded,  // a fragment was found and read
    kMasked,  // the winning file is a /dev/null link or empty
    kBroken,  // the winning file cannot be read or is a dangling link (see findings())
  };

  /// Canonical name ("ssh.service" for an alias "sshd.service" linked to it).
  const std::string& name() const { return name_; }
  /// Other names of the unit: links in the search path to the same file
  /// (their drop-in directories apply too).
  const std::vector<std::string>& aliases() const { return aliases_; }
  State state() const { return state_; }
  bool masked() const { return state_ == State::kMasked; }
  /// Real root-relative path of the fragment; for a masked unit the path of
  /// the mask (the /dev/null link or empty file).
  const std::string& main_file() const { return main_file_; }
  /// The search-path directory the fragment or mask was found in.
  const std::string& unit_dir() const { return unit_dir_; }
  /// Fragment first, then drop-ins in the order systemd applies them.
  const std::vector<UnitFile>& files() const { return files_; }
  /// True when the fragment has an error at which systemd stops reading it
  /// (ParseResult::rejected_by_systemd): the unit fails to load.
  bool fails_to_load() const {
    return state_ == State::kLoaded && !files_.empty() &&
           files_.front().parsed->rejected_by_systemd;
  }
  /// SL001 (syntax) and SL002 (unreadable files) found while loading.
  const std::vector<Finding>& findings() const { return findings_; }

  /// Every assignment in sections named `section`, in application order.
  std::vector<Assignment> AllIn(std::string_view section) const;
  /// Every assignment of `key` in `section`, in application order.
  std::vector<Assignment> All(std::string_view section, std::string_view key) const;
  /// Single-value semantics: the last assignment, whatever its value.
  std::optional<Assignment> Last(std::string_view section, std::string_view key) const;
  /// List semantics: assignments accumulate and an empty one clears the
  /// list so far (ExecStart=, ExecStartPre=, Environment=, ...).
  std::vector<Assignment> List(std::string_view section, std::string_view key) const;

 private:
  friend class UnitLoader;
  std::string name_;
  std::vector<std::string> aliases_;
  State state_ = State::kLoaded;
  std::string main_file_;
  std::string unit_dir_;
  std::vector<UnitFile> files_;
  std::vector<Finding> findings_;
};

/// The effective value of a single-value setting: the last assignment that
/// systemd accepts for `kind` (systemd logs and ignores the others, and an
/// empty assignment of these kinds). Rejected assignments are appended to
/// `rejected` as SL001 findings when it is non-null.
std::optional<Setting> EffectiveSetting(const UnitView& unit, std::string_view section,
                                        std::string_view key, ValueKind kind,
                                        std::vector<Finding>* rejected = nullptr);

/// Finds and loads units for one SourceSet, caching directory listings and
/// parsed files (top-level drop-ins are shared by every unit of a type).
class UnitLoader {
 public:
  explicit UnitLoader(SourceSet& sources);
  /// Names in the search path ending in `suffix` (".socket"), sorted, each
  /// once; templates ("foo@.socket") included.
  std::vector<std::string> ListUnits(std::string_view suffix) const;
  /// Loads `name` ("nginx.service", "getty@tty1.service"). nullopt when no
  /// directory in the search path has a file for it (or its template).
  std::optional<UnitView> Load(const std::string& name);

 private:
  struct SearchDir {
    std::string path;                // as in UnitSearchPath()
    std::string real;                // after following symlinks
    std::vector<std::string> names;  // sorted entries
    bool Has(std::string_view name) const;
  };
  void FindDropinDirs(const SearchDir& dir, const std::string& name,
                      std::vector<std::string>* out) const;
  /// Drop-ins are parsed once and kept, since a top-level or template
  /// drop-in applies to many units; a fragment is parsed for its view only,
  /// so that its tree is freed with the view once its facts are taken.
  std::shared_ptr<const ParseResult> Parsed(const SourceFile& file, bool dropin);
  void AddFile(UnitView* view, const SourceFile& file, bool dropin);
  /// Unit names in the search path that are links to `real_path`, sorted.
  const std::vector<std::string>& LinksTo(const std::string& real_path);

  SourceSet& sources_;
  std::vector<SearchDir> dirs_;
  std::map<std::string, std::shared_ptr<const ParseResult>> dropins_;  // by path
  bool links_scanned_ = false;
  std::map<std::string, std::vector<std::string>> links_;  // real path -> names
};

/// Loads one unit with a fresh UnitLoader (see UnitLoader::Load).
std::optional<UnitView> LoadUnit(SourceSet& sources, const std::string& unit_name);

/// "socket" for "web.socket", "" when the name has no known unit type.
std::string_view UnitType(std::string_view unit_name);
/// True for "foo@.socket"; false for instances ("foo@bar.socket").
bool IsTemplateName(std::string_view unit_name);
/// True for "foo@bar.socket".
bool IsInstanceName(std::string_view unit_name);
/// "foo@.socket" for "foo@bar.socket"; the name itself otherwise.
std::string TemplateOf(std::string_view unit_name);

}  // namespace synlint::systemd
