// SPDX-License-Identifier: MIT
#include "linter/cli/project.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <iostream>
#include <set>

#include "core/disk_path.h"
#include "core/file_system.h"
#include "linter/cli/file_target.h"
#include "rules/registry.h"

namespace synlint::cli {

namespace {

namespace stdfs = std::filesystem;

stdfs::path Cwd() {
  std::error_code ec;
  stdfs::path cwd = stdfs::current_path(ec);
  return ec ? stdfs::path("/") : cwd;
}

/// `path` relative to the current directory when below it, else absolute.
std::string FromCwd(const stdfs::path& abs) {
  const stdfs::path rel = abs.lexically_relative(Cwd());
  if (!rel.empty() && *rel.begin() != "..") return rel.string();
  return abs.string();
}

/// The severity configured for `id`: the longest matching ID or prefix wins.
std::optional<Severity> ConfiguredSeverity(const std::map<std::string, Severity>& map,
                                           const std::string& id) {
  std::optional<Severity> best;
  size_t best_len = 0;
  for (const auto& [key, sev] : map) {
    if (id.rfind(key, 0) == 0 && key.size() >= best_len) {
      best = sev;
      best_len = key.size();
    }
  }
  return best;
}

void PrintConfigErrors(const std::vector<ConfigError>& errors) {
  for (const ConfigError& e : errors) std::cerr << "synlint: error: " << e.ToString() << "\n";
}

}  // namespace

void ProjectArgs::Add(CLI::App* app) {
  app->add_option("files", files,
                  "Files or directories to lint. Without .synlint.yaml hosts or --root: a file is linted "
                  "alone, with what it includes from its own directory tree; a directory is a root (as "
                  "--root); '-' reads stdin. In a repository: report only findings in these files (as "
                  "pre-commit passes them), each file's host still read whole; a file no host owns gets "
                  "the single-file rules. With --root: files inside it")
      ->group("Project");
  app->add_option("--as", as, "The format of the files linted alone and of stdin: sysctl, nginx, apache, "
                              "systemd (default: from the path and content)")
      ->transform([](std::string name) {
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return name;
      })
      ->check(CLI::IsMember(UserFormatNames()))
      ->group("Project");
  app->add_option("--stdin-filename", stdin_filename,
                  "The name stdin ('-') is reported by, in findings and --diff, and its format is told "
                  "from; --fix then prints the fixed text to stdout")
      ->group("Project");
  AddHostSelection(app);
  app->add_flag("--no-inline-suppressions", no_inline_suppressions,
                "Honour no '# synlint: disable=' comment and report each one (SL003); only the "
                "config file may silence findings")
      ->group("Rules");
}

void ProjectArgs::AddHostSelection(CLI::App* app) {
  app->add_option("--config", config,
                  "Read settings and hosts from FILE (default: the nearest .synlint.yaml in the "
                  "current directory or above)")
      ->group("Project");
  app->add_flag("--no-config", no_config, "Ignore any .synlint.yaml")->group("Project");
  app->add_option("--host", hosts, "Only these hosts of .synlint.yaml (repeatable)")
      ->delimiter(',')
      ->group("Project");
}

bool LoadOneHost(const HostArgs& host_args, bool root_given, const ProjectArgs& args, Target* out,
                 std::string* err) {
  Project project;
  if (!LoadProject(host_args, root_given, FilterArgs{}, args, &project, err)) return false;
  if (project.targets.size() != 1) {
    std::string names;
    for (const Target& t : project.targets) names += (names.empty() ? "" : ", ") + t.name;
    *err = "'" + project.config->path + "' describes several hosts (" + names +
           "); pick one with --host, or give --root";
    return false;
  }
  *out = std::move(project.targets.front());
  return true;
}

std::string Target::DisplayPath(const std::string& path) const {
  if (from_stdin()) return path == stdin_path ? stdin_name : path;
  if (!display_from_cwd) return path;
  if (tree) {
    const std::string repo = tree->ToRepoPath(path);
    const stdfs::path p(repo);
    return FromCwd(p.is_absolute() ? p : (stdfs::path(repo_dir) / p).lexically_normal());
  }
  return FromCwd((stdfs::path(root_dir) / path).lexically_normal());
}

std::string Target::RepoPath(const std::string& path) const {
  if (from_stdin()) return DisplayPath(path);
  if (tree) return tree->ToRepoPath(path);
  if (repo_dir.empty()) return path;
  const stdfs::path abs = (stdfs::path(root_dir) / path).lexically_normal();
  return Inside(abs, repo_dir) ? abs.lexically_relative(repo_dir).string() : abs.string();
}

bool Target::OnTemplateText(const Finding& f) const {
  if (!tree) return false;
  auto touches = [&](const Location& l) { return !l.file.empty() && tree->LineTouchesTemplate(l.file, l.span); };
  if (touches(f.location)) return true;
  for (const Location& r : f.related) {
    if (touches(r)) return true;
  }
  return false;
}

bool ConcernsFiles(const Finding& f, const std::set<std::string>& only,
                   const std::function<std::string(const std::string&)>& shown) {
  if (only.empty() || only.count(shown(f.location.file))) return true;
  for (const Location& r : f.related) {
    if (only.count(shown(r.file))) return true;
  }
  return false;
}

namespace {

/// Rewrites each `PATH:LINE` in `message` that names `path` (a location of
/// the finding, as rules write them: "set at etc/sysctl.conf:11") to `shown`;
/// with `whole_word`, every occurrence of `path` as a whole word (a path the
/// message quotes: "'etc/nginx/x.conf': included file does not exist",
/// "include cycle: a -> b -> a").
void MapMessagePath(std::string* message, const std::string& path, const std::string& shown,
                    bool whole_word) {
  if (path.empty() || path == shown) return;
  auto delimiter = [](char c) { return c == ' ' || c == '(' || c == '\'' || c == '"' || c == ','; };
  auto ends = [&](size_t end) {
    if (end == message->size()) return true;
    const char c = (*message)[end];
    return c == ' ' || c == ')' || c == '\'' || c == '"' || c == ',' || c == ':';
  };
  for (size_t at = message->find(path); at != std::string::npos; at = message->find(path, at)) {
    const size_t end = at + path.size();
    const bool starts = at == 0 || delimiter((*message)[at - 1]);
    const bool line_follows = end + 1 < message->size() && (*message)[end] == ':' &&
                              std::isdigit(static_cast<unsigned char>((*message)[end + 1]));
    if (!starts || !(whole_word ? ends(end) : line_follows)) {
      at = end;
      continue;
    }
    message->replace(at, path.size(), shown);
    at += shown.size();
  }
}

}  // namespace

void MapPaths(Finding* f, const std::function<std::string(const std::string&)>& map) {
  // A message names other files by their locations' paths; they are shown
  // as the locations are (repository paths for the hosts of .synlint.yaml).
  std::set<std::string> named;
  if (!f->location.file.empty()) named.insert(f->location.file.str());
  for (const Location& r : f->related) {
    if (!r.file.empty()) named.insert(r.file.str());
  }
  std::set<std::string> quoted;
  for (const PathRef& p : f->message_paths) quoted.insert(p.str());
  // Longest first: a path is rewritten before any shorter one that could
  // match inside it.
  std::vector<std::string> paths(named.begin(), named.end());
  paths.insert(paths.end(), quoted.begin(), quoted.end());
  std::sort(paths.begin(), paths.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  });
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  for (const std::string& path : paths) MapMessagePath(&f->message, path, map(path), quoted.count(path) > 0);
  for (PathRef& p : f->message_paths) p = map(p);
  if (!f->location.file.empty()) f->location.file = map(f->location.file);
  for (Location& r : f->related) {
    if (!r.file.empty()) r.file = map(r.file);
  }
  if (f->fix) {
    for (TextEdit& e : f->fix->edits) e.file = map(e.file);
  }
}

namespace {

/// A .synlint.yaml found in a repository is part of it, so it is resolved
/// inside it too: one that is a symlink leading outside its directory, or to
/// nothing there, is refused before it is read.
bool FoundConfigStaysInside(const std::string& path, std::string* err) {
  const stdfs::path p(path);
  const Resolved r = Resolve(DiskFileSystem(p.parent_path().string()), p.filename().string());
  if (!r.via_symlink || r.status == Resolved::Status::kOk) return true;
  *err = "'" + path + "' is a symlink that leads outside its directory (the repository) or to no file in it; "
         "synlint reads nothing outside the repository (name a config elsewhere with --config)";
  return false;
}

/// The config file: --config, else the nearest .synlint.yaml unless
/// --no-config. Returns false with `err` when it is unusable.
bool ReadConfig(const ProjectArgs& args, Project* out, std::string* config_path, std::string* err) {
  if (!args.config.empty()) {
    if (args.no_config) {
      *err = "--config and --no-config exclude each other";
      return false;
    }
    *config_path = args.config;
  } else if (!args.no_config) {
    *config_path = FindConfig(Cwd().string()).value_or("");
    if (!config_path->empty() && !FoundConfigStaysInside(*config_path, err)) return false;
  }
  if (config_path->empty()) return true;
  std::vector<std::string> known;
  for (const Rule& r : AllRules()) known.emplace_back(r.meta->id);
  Config config;
  std::vector<ConfigError> errors;
  if (!LoadConfig(*config_path, known, &config, &errors)) {
    PrintConfigErrors(errors);
    *err = "'" + *config_path + "' is not a valid synlint config (" + std::to_string(errors.size()) +
           " problem" + (errors.size() == 1 ? "" : "s") + ")";
    return false;
  }
  out->config = std::move(config);
  return true;
}

/// Host settings every target starts from: the command line wins over the
/// config file.
bool BaseHostOptions(const HostArgs& host_args, const Config* config, HostOptions* base, std::string* err) {
  if (!host_args.ToHostOptions(base, err)) return false;
  if (config) {
    if (host_args.kernel.empty() && config->kernel) base->kernel = config->kernel;
    if (host_args.sysctl_loader.empty() && config->sysctl_loader) base->loader = config->sysctl_loader;
    if (host_args.systemd_version <= 0 && config->systemd_version)
      base->systemd_version = config->systemd_version;
  }
  return true;
}

/// Rule selection and severities (--select wins over the config's select,
/// both ignore lists apply), and the suppression settings.
void RuleSettings(const FilterArgs& filter, const ProjectArgs& args, const Config* config, Project* out) {
  std::vector<std::string> select = filter.select;
  std::vector<std::string> ignore = filter.ignore;
  std::map<std::string, Severity> severity;
  if (config) {
    if (select.empty()) select = config->rules.select;
    ignore.insert(ignore.end(), config->rules.ignore.begin(), config->rules.ignore.end());
    severity = config->rules.severity;
  }
  out->keep = [select, ignore, severity](Finding& f) {
    if (!select.empty() && !RuleListMatches(select, f.rule)) return false;
    if (RuleListMatches(ignore, f.rule)) return false;
    if (auto s = ConfiguredSeverity(severity, f.rule)) f.severity = *s;
    return true;
  };
  out->suppress.no_inline = args.no_inline_suppressions || (config && config->no_inline_suppressions);
  if (config) {
    for (const auto& [pattern, rules] : config->rules.per_file_ignores)
      out->suppress.per_file_ignores.push_back({pattern, rules});
  }
}

/// The FILEs given as root-relative paths of `root_dir`, into `out->only_files`.
bool FilesInRoot(const HostArgs& host_args, const ProjectArgs& args,
                 const std::string& root_dir, Project* out, std::string* err) {
  // Only with --root: without it, FILEs are linted alone (StandaloneTargets).
  for (const std::string& f : args.files) {
    stdfs::path abs = Absolute(f);
    std::error_code ec;
    // A relative name outside the root may be meant from the root
    // (`--root /mnt/img etc/nginx/nginx.conf`).
    if (!Inside(abs, root_dir) && stdfs::path(f).is_relative() &&
        stdfs::exists(stdfs::path(root_dir) / f, ec))
      abs = (stdfs::path(root_dir) / f).lexically_normal();
    if (!Inside(abs, root_dir)) {
      *err = "'" + f + "' is not inside the root '" + host_args.root + "'" +
             "; without --root a file is linted alone";
      return false;
    }
    out->only_files.insert(abs.lexically_relative(root_dir).string());
  }
  return true;
}

/// The one host of --root (or of "/"), when the config describes no hosts or
/// --root was given.
bool RootTarget(const HostArgs& host_args, const ProjectArgs& args, const HostOptions& base,
                const std::string& config_path, Project* out, std::string* err) {
  const Config* config = out->config ? &*out->config : nullptr;
  if (!args.hosts.empty()) {
    *err = config ? "--host: '" + config_path + "' describes no hosts (or --root was given)"
                  : "--host needs a .synlint.yaml that describes hosts";
    return false;
  }
  Target t;
  t.fs = host_args.OpenRoot(err);
  if (!t.fs) return false;
  t.root_dir = Absolute(host_args.root.empty() ? "/" : host_args.root).string();
  t.repo_dir = config ? config->base_dir : "";
  t.host_options = base;
  if (!FilesInRoot(host_args, args, t.root_dir, out, err)) return false;
  out->targets.push_back(std::move(t));
  return true;
}

/// The hosts of the config that --host names, or all of them.
bool SelectHosts(const Config& config, const ProjectArgs& args, const std::string& config_path,
                 std::vector<const HostConfig*>* hosts, std::string* err) {
  for (const std::string& name : args.hosts) {
    const HostConfig* h = config.FindHost(name);
    if (!h) {
      *err = "--host: no host '" + name + "' in '" + config_path + "'";
      return false;
    }
    hosts->push_back(h);
  }
  if (hosts->empty()) {
    for (const HostConfig& h : config.hosts) hosts->push_back(&h);
  }
  return true;
}

/// With FILEs given: only the hosts the files belong to, and the files into
/// `out->only_files`; a change to the config file itself concerns all.
/// Files no host owns go to `unowned`.
void KeepHostsOfFiles(const Config& config, const ProjectArgs& args, const std::string& config_path,
                      std::vector<const HostConfig*>* hosts, std::vector<std::string>* unowned, Project* out) {
  if (args.files.empty()) return;
  const stdfs::path config_abs = Absolute(config_path);
  bool all = false;
  std::vector<std::string> files;
  for (const std::string& f : args.files) {
    const stdfs::path abs = Absolute(f);
    if (abs == config_abs) {
      all = true;
      continue;
    }
    files.push_back(f);
    out->only_files.insert(FromCwd(abs));
    bool owned = false;
    for (const HostConfig* h : *hosts) owned |= HostContainsFile(config, *h, f);
    if (!owned) unowned->push_back(f);
  }
  if (all) {
    out->only_files.clear();
    unowned->clear();
    return;
  }
  std::vector<const HostConfig*> concerned;
  for (const HostConfig* h : *hosts) {
    for (const std::string& f : files) {
      if (HostContainsFile(config, *h, f)) {
        concerned.push_back(h);
        break;
      }
    }
  }
  *hosts = concerned;
}

/// One host of the config: a directory on disk, or a tree assembled from the
/// repository's files.
bool ConfigTarget(const Config& config, const HostConfig& h, const HostOptions& base,
                  const std::string& config_path, Target* t, std::string* err) {
  t->name = h.name;
  t->repo_dir = config.base_dir;
  t->host_options = base;
  t->host_options.running_kernel.clear();  // a repository's host is not this machine
  t->host_options.running_kernel_build.clear();
  t->display_from_cwd = true;
  if (h.is_root()) {
    t->root_dir = h.root_dir;
    // Writes are anchored at the repository: no symlink is followed from its top down.
    t->fs = std::make_unique<DiskFileSystem>(h.root_dir, config.base_dir);
    return true;
  }
  std::vector<ConfigError> errors;
  auto tree = BuildHostTree(config, h, &errors);
  if (!errors.empty()) {
    PrintConfigErrors(errors);
    *err = "host '" + h.name + "' in '" + config_path + "' cannot be assembled";
    return false;
  }
  t->tree = tree.get();
  t->fs = std::move(tree);
  return true;
}

/// The text of `path` for telling its format, at most its first 64 KiB; "" when unreadable.
std::string HeadOf(const stdfs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string text(64 * 1024, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(std::max<std::streamsize>(0, in.gcount())));
  return text;
}

/// A file of the repository no host owns: linted alone, inside the
/// repository, with the single-file rules. False with `err` only for a
/// fatal problem; a file that cannot be linted alone is named on stderr.
bool UnownedFileTarget(const Config& config, const ProjectArgs& args, const std::string& file,
                       const HostOptions& base, Project* out, std::string* err) {
  const stdfs::path abs = Absolute(file);
  if (!Inside(abs, config.base_dir)) {
    std::cerr << "synlint: warning: '" << file << "' is outside the repository of '" << config.path
              << "'; not checked\n";
    return true;
  }
  std::error_code ec;
  if (stdfs::is_directory(abs, ec)) {
    out->notes.push_back("'" + file + "' is a directory no host of '" + config.path +
                         "' owns; not checked (name its files, or describe it as a host)");
    std::cerr << "synlint: warning: " << out->notes.back() << "\n";
    return true;
  }
  const std::string repo_path = abs.lexically_relative(config.base_dir).string();
  ConfigFormat format;
  std::string why;
  if (!FileFormat(args.as, file, HeadOf(abs), &format, &why)) {
    out->notes.push_back("'" + file + "' belongs to no host in '" + config.path + "' and is not checked: " + why);
    std::cerr << "synlint: warning: " << out->notes.back() << "\n";
    return true;
  }
  Target t;
  if (!FileTarget(config.base_dir, repo_path, format, base, &t, err)) return false;
  t.single_file_rules_only = true;
  out->notes.push_back("'" + file + "' belongs to no host in '" + config.path +
                       "'; checked with the single-file rules only");
  out->targets.push_back(std::move(t));
  return true;
}

/// `synlint -`: stdin, linted alone (in a repository with hosts, with the
/// single-file rules only, as a file no host owns).
bool StdinTargetOf(const ProjectArgs& args, const HostOptions& base, bool in_repository, Project* out,
                   std::string* err) {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const std::string name = args.stdin_filename.empty() ? "-" : args.stdin_filename;
  ConfigFormat format;
  if (!FileFormat(args.as, name, text, &format, err)) return false;
  Target t;
  if (!StdinTarget(name, std::move(text), format, base, &t, err)) return false;
  t.single_file_rules_only = in_repository;
  out->targets.push_back(std::move(t));
  return true;
}

/// FILEs with no host to put them in (no .synlint.yaml hosts, no --root):
/// each file is a host of its own, inside its directory; a directory is a root.
bool StandaloneTargets(const ProjectArgs& args, const HostOptions& base, Project* out, std::string* err) {
  for (const std::string& f : args.files) {
    if (f == "-") continue;  // StdinTargetOf
    std::error_code ec;
    const stdfs::path abs = stdfs::weakly_canonical(Absolute(f), ec);
    const stdfs::file_status st = stdfs::status(abs, ec);
    if (ec || !stdfs::exists(st)) {
      *err = "'" + f + "': no such file or directory";
      return false;
    }
    Target t;
    if (stdfs::is_directory(st)) {
      HostArgs root;
      root.root = abs.string();
      t.fs = root.OpenRoot(err);
      if (!t.fs) {
        *err = "'" + f + "': cannot open directory";
        return false;
      }
      t.name = f;
      t.root_dir = abs.string();
      t.host_options = base;
      if (abs != "/") {
        t.host_options.running_kernel.clear();  // a tree, not this machine
        t.host_options.running_kernel_build.clear();
      }
      t.display_from_cwd = true;
    } else {
      ConfigFormat format;
      if (!FileFormat(args.as, f, HeadOf(abs), &format, err)) return false;
      if (!FileTarget(abs.parent_path().string(), abs.filename().string(), format, base, &t, err)) return false;
      t.alone = true;
    }
    out->targets.push_back(std::move(t));
  }
  return true;
}

}  // namespace

bool LoadProject(const HostArgs& host_args, bool root_given, const FilterArgs& filter,
                 const ProjectArgs& args, Project* out, std::string* err) {
  std::string config_path;
  if (!ReadConfig(args, out, &config_path, err)) return false;
  const Config* config = out->config ? &*out->config : nullptr;
  HostOptions base;
  if (!BaseHostOptions(host_args, config, &base, err)) return false;
  if (config) out->fail_on = config->fail_on;
  RuleSettings(filter, args, config, out);

  const bool has_hosts = config && !config->hosts.empty();
  ProjectArgs rest = args;  // the FILEs without '-'
  std::erase(rest.files, std::string("-"));
  const size_t stdin_count = args.files.size() - rest.files.size();
  if (stdin_count > 0) {
    if (stdin_count > 1 || root_given) {
      *err = stdin_count > 1 ? "'-' (stdin) given twice" : "'-' (stdin) is linted alone, not inside --root";
      return false;
    }
    if (!StdinTargetOf(args, base, has_hosts, out, err)) return false;
    if (rest.files.empty()) return true;
  } else if (!args.stdin_filename.empty()) {
    *err = "--stdin-filename names stdin: give '-' as the file";
    return false;
  }
  if (!has_hosts && !root_given && !rest.files.empty()) {
    if (!args.hosts.empty()) {
      *err = "--host needs a .synlint.yaml that describes hosts";
      return false;
    }
    return StandaloneTargets(rest, base, out, err);
  }
  if (!has_hosts || root_given) return RootTarget(host_args, rest, base, config_path, out, err);
  std::vector<const HostConfig*> hosts;
  if (!SelectHosts(*config, rest, config_path, &hosts, err)) return false;
  std::vector<std::string> unowned;
  KeepHostsOfFiles(*config, rest, config_path, &hosts, &unowned, out);
  for (const HostConfig* h : hosts) {
    Target t;
    if (!ConfigTarget(*config, *h, base, config_path, &t, err)) return false;
    out->targets.push_back(std::move(t));
  }
  for (const std::string& f : unowned) {
    if (!UnownedFileTarget(*config, rest, f, base, out, err)) return false;
  }
  return true;
}

}  // namespace synlint::cli
