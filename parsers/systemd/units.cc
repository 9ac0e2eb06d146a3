// SPDX-License-Identifier: MIT
#include "parsers/systemd/units.h"

#include <algorithm>

#include "parsers/systemd/values.h"

namespace synlint::systemd {

namespace {

constexpr std::string_view kUnitTypes[] = {
    "service", "socket", "device", "mount", "automount", "swap",
    "target",  "path",   "timer",  "slice", "scope",
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Sections config_parse() accepts for a unit type (the `sections` list of
/// the type's vtable); empty when this loader does not know the type.
std::vector<std::string_view> KnownSections(std::string_view type) {
  if (type == "socket") return {"Unit", "Socket", "Install"};
  if (type == "service") return {"Unit", "Service", "Install"};
  return {};
}

std::string_view ExpectedForm(ValueKind kind) {
  switch (kind) {
    case ValueKind::kUnsigned:
      return "expected an unsigned number";
    case ValueKind::kIecSize:
      return "expected a size in bytes such as '65536' or '64K'";
    case ValueKind::kRlimit:
      return "expected a number, 'infinity' or 'soft:hard'";
    case ValueKind::kBoolean:
      return "expected 'yes' or 'no'";
    case ValueKind::kText:
      return "";
  }
  return "";
}

}  // namespace

const std::vector<std::string>& UnitSearchPath() {
  static const std::vector<std::string> kDirs = {
      std::string(kAdminUnitDir), "run/systemd/system", "usr/local/lib/systemd/system",
      "usr/lib/systemd/system", "lib/systemd/system",
  };
  return kDirs;
}

std::string DropinDir(std::string_view unit, std::string_view dir) {
  std::string out(dir);
  out += '/';
  out += unit;
  out += ".d";
  return out;
}

std::string_view UnitType(std::string_view unit_name) {
  const size_t dot = unit_name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  const std::string_view suffix = unit_name.substr(dot + 1);
  for (std::string_view t : kUnitTypes)
    if (t == suffix) return t;
  return "";
}

bool IsTemplateName(std::string_view unit_name) {
  const size_t at = unit_name.find('@');
  const size_t dot = unit_name.rfind('.');
  return at != std::string_view::npos && dot == at + 1 && at > 0;
}

bool IsInstanceName(std::string_view unit_name) {
  const size_t at = unit_name.find('@');
  const size_t dot = unit_name.rfind('.');
  return at != std::string_view::npos && dot != std::string_view::npos && dot > at + 1 && at > 0;
}

std::string TemplateOf(std::string_view unit_name) {
  if (!IsInstanceName(unit_name)) return std::string(unit_name);
  const size_t at = unit_name.find('@');
  const size_t dot = unit_name.rfind('.');
  return std::string(unit_name.substr(0, at + 1)) + std::string(unit_name.substr(dot));
}

// ------------------------------------------------------------ Assignment

Location Assignment::ValueLocation() const { return MakeLocation(*file->file, entry->value_span); }

Location Assignment::EntryLocation() const {
  return MakeLocation(*file->file, Span{entry->key_span.begin, entry->line_span().end});
}

// -------------------------------------------------------------- UnitView

std::vector<Assignment> UnitView::AllIn(std::string_view section) const {
  std::vector<Assignment> out;
  for (const UnitFile& f : files_) {
    for (const Section& s : f.parsed->sections) {
      if (f.parsed->Name(s) != section) continue;
      for (const Entry& e : s.entries) out.push_back(Assignment{&f, &s, &e});
    }
  }
  return out;
}

std::vector<Assignment> UnitView::All(std::string_view section, std::string_view key) const {
  std::vector<Assignment> out;
  for (const Assignment& a : AllIn(section))
    if (a.key() == key) out.push_back(a);
  return out;
}

std::optional<Assignment> UnitView::Last(std::string_view section, std::string_view key) const {
  std::vector<Assignment> all = All(section, key);
  if (all.empty()) return std::nullopt;
  return all.back();
}

std::vector<Assignment> UnitView::List(std::string_view section, std::string_view key) const {
  std::vector<Assignment> out;
  for (const Assignment& a : All(section, key)) {
    if (a.value().empty()) {
      out.clear();
    } else {
      out.push_back(a);
    }
  }
  return out;
}

std::optional<Setting> EffectiveSetting(const UnitView& unit, std::string_view section,
                                        std::string_view key, ValueKind kind,
                                        std::vector<Finding>* rejected) {
  std::optional<Setting> best;
  for (const Assignment& a : unit.All(section, key)) {
    Setting s;
    s.text = std::string(a.value());
    s.location = a.ValueLocation();
    bool ok = true;
    switch (kind) {
      case ValueKind::kText:
        if (s.text.empty()) {
          best.reset();
          continue;
        }
        break;
      case ValueKind::kUnsigned:
        if (auto v = ParseUnsigned(s.text)) {
          s.value = static_cast<int64_t>(*v);
        } else {
          ok = false;
        }
        break;
      case ValueKind::kIecSize:
        if (auto v = ParseIecSize(s.text); v && *v <= static_cast<uint64_t>(INT64_MAX)) {
          s.value = static_cast<int64_t>(*v);
        } else {
          ok = false;
        }
        break;
      case ValueKind::kRlimit:
        if (auto v = ParseRlimit(s.text)) {
          if (v->soft && *v->soft <= static_cast<uint64_t>(INT64_MAX))
            s.value = static_cast<int64_t>(*v->soft);
        } else {
          ok = false;
        }
        break;
      case ValueKind::kBoolean:
        if (auto v = ParseBoolean(s.text)) {
          s.value = *v ? 1 : 0;
        } else {
          ok = false;
        }
        break;
    }
    if (ok) {
      best = std::move(s);
    } else if (rejected) {
      rejected->push_back(SyntaxFinding(
          *a.file->file, SyntaxError{a.entry->value_span,
                                     "invalid value '" + s.text + "' for '" + std::string(key) +
                                         "='; systemd ignores this assignment",
                                     std::string(ExpectedForm(kind))}));
    }
  }
  return best;
}

// ------------------------------------------------------------ UnitLoader

bool UnitLoader::SearchDir::Has(std::string_view name) const {
  return std::binary_search(names.begin(), names.end(), name);
}

UnitLoader::UnitLoader(SourceSet& sources) : sources_(sources) {
  const FileSystem& fs = sources.fs();
  for (const std::string& path : UnitSearchPath()) {
    const Resolved r = Resolve(fs, path);
    if (r.status != Resolved::Status::kOk || r.kind != NodeKind::kDirectory) continue;
    // On merged-/usr systems lib/ is a link to usr/lib/: read it once.
    const bool seen = std::any_of(dirs_.begin(), dirs_.end(),
                                  [&](const SearchDir& d) { return d.real == r.path; });
    if (seen) continue;
    SearchDir d{path, r.path, fs.ListDir(r.path)};
    std::sort(d.names.begin(), d.names.end());
    dirs_.push_back(std::move(d));
  }
}

std::vector<std::string> UnitLoader::ListUnits(std::string_view suffix) const {
  std::vector<std::string> out;
  for (const SearchDir& d : dirs_) {
    for (const std::string& n : d.names) {
      if (n.size() > suffix.size() && n[0] != '.' && EndsWith(n, suffix)) out.push_back(n);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::shared_ptr<const ParseResult> UnitLoader::Parsed(const SourceFile& file, bool dropin) {
  if (!dropin) return std::make_shared<const ParseResult>(Parse(file.text, {.tokens = false}));
  auto it = dropins_.find(file.path);
  if (it != dropins_.end()) return it->second;
  auto parsed = std::make_shared<const ParseResult>(Parse(file.text, {.tokens = false}));
  dropins_[file.path] = parsed;
  return parsed;
}

void UnitLoader::AddFile(UnitView* view, const SourceFile& file, bool dropin) {
  UnitFile f{&file, Parsed(file, dropin), dropin};
  for (const SyntaxError& e : f.parsed->errors) view->findings_.push_back(SyntaxFinding(file, e));
  const std::string_view type = UnitType(view->name_);
  const std::vector<std::string_view> known = KnownSections(type);
  if (!known.empty()) {
    for (const Section& s : f.parsed->sections) {
      const std::string_view name = f.parsed->Name(s);
      if (std::find(known.begin(), known.end(), name) != known.end()) continue;
      if (name.compare(0, 2, "X-") == 0) continue;
      view->findings_.push_back(SyntaxFinding(
          file, SyntaxError{s.header_span,
                            "unknown section '" + std::string(name) + "' in a " +
                                std::string(type) + " unit; systemd ignores it and its settings",
                            ""}));
    }
  }
  view->files_.push_back(std::move(f));
}

const std::vector<std::string>& UnitLoader::LinksTo(const std::string& real_path) {
  if (!links_scanned_) {
    links_scanned_ = true;
    const FileSystem& fs = sources_.fs();
    for (const SearchDir& d : dirs_) {
      for (const std::string& n : d.names) {
        if (UnitType(n).empty()) continue;
        const std::string path = d.real + "/" + n;
        if (fs.Lstat(path).kind != NodeKind::kSymlink) continue;
        const Resolved r = Resolve(fs, path);
        if (r.status != Resolved::Status::kOk) continue;
        std::vector<std::string>& names = links_[r.path];
        if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
      }
    }
    for (auto& [path, names] : links_) std::sort(names.begin(), names.end());
  }
  static const std::vector<std::string> kNone;
  auto it = links_.find(real_path);
  return it == links_.end() ? kNone : it->second;
}

void UnitLoader::FindDropinDirs(const SearchDir& dir, const std::string& name,
                                std::vector<std::string>* out) const {
  if (dir.Has(name + ".d")) {
    const Resolved r = Resolve(sources_.fs(), DropinDir(name, dir.path));
    if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kDirectory &&
        std::find(out->begin(), out->end(), r.path) == out->end())
      out->push_back(r.path);
  }
  const bool instance = IsInstanceName(name);
  if (instance) FindDropinDirs(dir, TemplateOf(name), out);
  const std::string_view type = UnitType(name);
  if (type.empty()) return;  // a top-level "socket.d": no prefixes
  // "a-b-c.service" also reads "a-b-.service.d" and "a-.service.d".
  const size_t at = name.find('@');
  std::string prefix =
      at != std::string::npos ? name.substr(0, at) : name.substr(0, name.rfind('.'));
  bool chopped = false;
  for (;;) {
    const size_t dash = prefix.rfind('-');
    if (dash == std::string::npos || dash == 0) return;
    if (dash + 1 < prefix.size() || chopped) {
      prefix.resize(dash + 1);
      break;
    }
    prefix.resize(dash);  // a trailing dash: chop it once and look again
    chopped = true;
  }
  std::string built = prefix;
  if (instance) built += name.substr(at, name.rfind('.') - at);  // "@instance"
  built += '.';
  built += type;
  FindDropinDirs(dir, built, out);
}

std::optional<UnitView> UnitLoader::Load(const std::string& name) {
  const std::string_view type = UnitType(name);
  if (type.empty()) return std::nullopt;
  UnitView v;
  v.name_ = name;
  bool found = false;
  auto lookup = [&](const std::string& n, bool may_rename) {
    for (const SearchDir& d : dirs_) {
      if (!d.Has(n)) continue;
      const std::string listed = d.path + "/" + n;
      const ReadOutcome out = sources_.Read(listed);
      v.unit_dir_ = d.path;
      switch (out.status) {
        case ReadOutcome::Status::kMissing:  // a dangling link: systemd stops here
          v.state_ = UnitView::State::kBroken;
          v.main_file_ = listed;
          v.findings_.push_back(FileProblemFinding(
              listed,
              "symlink points to a file that does not exist; systemd reports the "
              "unit as not found"));
          return true;
        case ReadOutcome::Status::kMasked:
          v.state_ = UnitView::State::kMasked;
          v.main_file_ = out.real_path.empty() ? listed : out.real_path;
          return true;
        case ReadOutcome::Status::kProblem:
          v.state_ = UnitView::State::kBroken;
          v.main_file_ = out.real_path.empty() ? listed : out.real_path;
          v.findings_.push_back(FileProblemFinding(listed, out.problem));
          return true;
        case ReadOutcome::Status::kOk:
          break;
      }
      v.main_file_ = out.real_path;
      if (out.file->text.empty()) {  // null_or_empty(): an empty file masks
        v.state_ = UnitView::State::kMasked;
        return true;
      }
      v.state_ = UnitView::State::kLoaded;
      // A link to another unit file in the search path is an alias.
      const std::string_view base = BaseName(out.real_path);
      const std::string_view real_dir = DirName(out.real_path);
      const bool in_search_path = std::any_of(
          dirs_.begin(), dirs_.end(), [&](const SearchDir& sd) { return sd.real == real_dir; });
      if (may_rename && base != n && in_search_path && UnitType(base) == type)
        v.name_ = std::string(base);
      if (may_rename) {
        for (const std::string& alias : LinksTo(out.real_path))
          if (alias != v.name_ && UnitType(alias) == type) v.aliases_.push_back(alias);
      }
      AddFile(&v, *out.file, false);
      return true;
    }
    return false;
  };
  found = lookup(name, true);
  if (!found && IsInstanceName(name)) found = lookup(TemplateOf(name), false);
  if (!found) return std::nullopt;
  if (v.state_ != UnitView::State::kLoaded) return v;

  // Drop-in directories, most specific and highest priority first; the
  // top-level TYPE.d/ directories come last (systemd >= 246).
  std::vector<std::string> dropin_dirs;
  std::vector<std::string> names{v.name_};
  names.insert(names.end(), v.aliases_.begin(), v.aliases_.end());
  for (const std::string& n : names)
    for (const SearchDir& d : dirs_) FindDropinDirs(d, n, &dropin_dirs);
  for (const SearchDir& d : dirs_) FindDropinDirs(d, std::string(type), &dropin_dirs);

  // conf_files_list_strv(): one file per name, the first directory wins,
  // applied in lexical order of the names across all directories.
  std::map<std::string, std::string> chosen;
  const FileSystem& fs = sources_.fs();
  for (const std::string& dir : dropin_dirs) {
    for (const std::string& entry : fs.ListDir(dir)) {
      if (entry.empty() || entry[0] == '.' || !EndsWith(entry, ".conf")) continue;
      const std::string path = dir + "/" + entry;
      if (fs.Lstat(path).kind == NodeKind::kDirectory) continue;
      chosen.try_emplace(entry, path);
    }
  }
  for (const auto& [entry, path] : chosen) {
    const ReadOutcome out = sources_.Read(path);
    switch (out.status) {
      case ReadOutcome::Status::kOk:
        AddFile(&v, *out.file, true);
        break;
      case ReadOutcome::Status::kMasked:
        break;  // a /dev/null link masks the drop-ins of that name
      case ReadOutcome::Status::kMissing:
        v.findings_.push_back(FileProblemFinding(
            path, "symlink points to a file that does not exist; systemd skips it"));
        break;
      case ReadOutcome::Status::kProblem:
        v.findings_.push_back(FileProblemFinding(path, out.problem));
        break;
    }
  }
  return v;
}

std::optional<UnitView> LoadUnit(SourceSet& sources, const std::string& unit_name) {
  UnitLoader loader(sources);
  return loader.Load(unit_name);
}

}  // namespace synlint::systemd
