// SPDX-License-Identifier: MIT
#include "parsers/apache/loader.h"

#include <algorithm>

#include "core/file_system.h"
#include "core/service.h"
#include "parsers/apache/envvars.h"

namespace synlint::apache {

namespace {

// Modules compiled into Debian's apache2 and Red Hat's httpd binaries
// (`httpd -l`), known to <IfModule> without a LoadModule.
constexpr std::string_view kStaticModules[] = {
    "core.c",          "core_module",    "mod_so.c",         "so_module",
    "http_core.c",     "http_module",    "mod_watchdog.c",   "watchdog_module",
    "mod_log_config.c", "log_config_module", "mod_logio.c",  "logio_module",
    "mod_version.c",   "version_module", "mod_unixd.c",      "unixd_module",
};

constexpr std::string_view kConditionals[] = {
    "IfModule", "IfDefine", "IfFile", "IfVersion", "IfDirective", "IfSection",
};

enum class Truth { kFalse, kTrue, kUnknown };

// httpd's AP_MAX_INCLUDE_DEPTH (server/core.c): nested Includes, and nested
// directories of one Include, beyond this are a startup error.
constexpr size_t kMaxIncludeDepth = 128;

bool IsOneOf(std::string_view name, const std::string_view* list, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (EqualsIgnoreCase(name, list[i])) return true;
  }
  return false;
}

struct Parsed {
  const SourceFile* file;
  ParseResult parse;
};

class Loader {
 public:
  Loader(SourceSet& sources, const LoadOptions& options, DirectiveVisitor* visitor)
      : sources_(sources), options_(options), visitor_(visitor) {}

  LoadResult Run() {
    std::string root;
    server_root_ = NormalizePath(options_.server_root, &root) ? root : "";
    if (!options_.envvars_file.empty()) ReadEnvVars(options_.envvars_file);
    ReadAndWalk(options_.main_file, nullptr, "");
    result_.modules = modules_;
    result_.defines = defines_;
    result_.server_root = server_root_;
    return std::move(result_);
  }

 private:
  void ReadEnvVars(const std::string& path) {
    const ReadOutcome out = sources_.Read(path);
    if (out.status == ReadOutcome::Status::kProblem) {
      result_.findings.push_back(FileProblemFinding(path, out.problem));
      return;
    }
    if (out.status != ReadOutcome::Status::kOk) return;
    result_.files.emplace_back(out.real_path, ConfigFormat::kApacheEnvvars);
    EnvVars env = ParseEnvVars(out.file->text);
    env_ = std::move(env.vars);
    for (const std::string& d : env.defines) defines_[d] = std::nullopt;
  }

  void Problem(const std::string& path, const std::string& why, const Location* at,
               QuotedPath quoted = QuotedPath::kInRoot) {
    result_.findings.push_back(FileProblemFinding(path, why, at, quoted));
    modules_complete_ = false;
  }

  void SyntaxProblem(const ActiveDirective& d, std::string message) {
    result_.findings.push_back(
        SyntaxFinding(*d.file, SyntaxError{d.directive->span, std::move(message), ""}));
  }

  Parsed* GetParsed(const SourceFile* file) {
    auto it = parsed_.find(file->path);
    if (it != parsed_.end()) return it->second.get();
    auto p = std::make_unique<Parsed>(Parsed{file, Parse(*file, {.tokens = false})});
    result_.files.emplace_back(file->path, ConfigFormat::kApache);
    for (const SyntaxError& e : p->parse.errors) {
      result_.findings.push_back(SyntaxFinding(*file, e));
    }
    Parsed* raw = p.get();
    parsed_[file->path] = std::move(p);
    return raw;
  }

  void ReadAndWalk(const std::string& path, const Location* at,
                   const std::string& section, bool optional = false) {
    const ReadOutcome out = sources_.Read(path);
    switch (out.status) {
      case ReadOutcome::Status::kMissing:
        if (!optional) Problem(path, "no such file or directory", at);
        return;
      case ReadOutcome::Status::kMasked:
        return;  // a symlink to /dev/null reads as an empty file
      case ReadOutcome::Status::kProblem:
        Problem(path, out.problem, at);
        return;
      case ReadOutcome::Status::kOk:
        break;
    }
    if (auto from = std::find(stack_.begin(), stack_.end(), out.real_path); from != stack_.end()) {
      // Every file from there on is in the cycle (see cyclic_).
      for (auto it = from; it != stack_.end(); ++it) cyclic_.insert(*it);
      std::vector<std::string> files(from, stack_.end());
      files.push_back(out.real_path);
      Finding f = FileProblemFinding(out.real_path, "", at);
      f.message += "include cycle (" + IncludeCycleChain(files, &f) + ")";
      modules_complete_ = false;
      // One finding per Include, naming the shortest of the cycles it closes.
      const auto length = static_cast<size_t>(stack_.end() - from);
      if (at == nullptr) return result_.findings.push_back(std::move(f));
      const auto [seen, added] =
          cycle_reported_.try_emplace({at->file, at->span.begin}, result_.findings.size(), length);
      if (added) return result_.findings.push_back(std::move(f));
      if (length < seen->second.second) {
        result_.findings[seen->second.first] = std::move(f);
        seen->second.second = length;
      }
      return;
    }
    if (cyclic_.count(out.real_path)) return;  // walked once, its cycle reported
    if (stack_.size() > kMaxIncludeDepth) {
      Problem(out.real_path, "includes nested too deeply (more than " +
                                 std::to_string(kMaxIncludeDepth) +
                                 " levels); httpd refuses to start ('Exceeded maximum include depth')",
              at);
      return;
    }
    Parsed* parsed = GetParsed(out.file);
    stack_.push_back(out.real_path);
    Walk(*parsed, parsed->parse.TopLevel(), section);
    stack_.pop_back();
  }

  // Counts one directive against the run's budget; false (reported once) when
  // it is spent.
  bool Budget() {
    if (++walked_ <= kMaxWalkDirectives) return true;
    if (walked_ == kMaxWalkDirectives + 1) {
      Problem(options_.main_file, "includes expand to more than " +
                                      std::to_string(kMaxWalkDirectives) + " directives; only the first " +
                                      std::to_string(kMaxWalkDirectives) + " are checked",
              nullptr);
    }
    return false;
  }

  // Walks the contents of section `d`, unless the sections open around it,
  // counted across the files that include this one, are already
  // kMaxNestingDepth (each file's parser stops at that depth on its own).
  void WalkSection(const Parsed& p, const Directive& d, const std::string& section) {
    if (depth_ >= kMaxNestingDepth) {
      if (deep_reported_.insert(&d).second) {
        result_.findings.push_back(SyntaxFinding(
            *p.file, SyntaxError{d.span,
                                 "sections nested too deeply (more than " +
                                     std::to_string(kMaxNestingDepth) +
                                     " levels, counting the files that include this one)",
                                 "the contents of this section are skipped"}));
      }
      return;
    }
    ++depth_;
    Walk(p, p.parse.Children(d), section);
    --depth_;
  }

  const std::string* Lookup(std::string_view name) const {
    auto d = defines_.find(std::string(name));
    if (d != defines_.end() && d->second) return &*d->second;
    auto e = env_.find(std::string(name));
    return e == env_.end() ? nullptr : &e->second;
  }

  ActiveDirective Activate(const Parsed& p, const Directive& d,
                           const std::string& section) const {
    ActiveDirective a;
    a.file = p.file;
    a.directive = &d;
    a.section = section;
    a.words = p.parse.Args(d);
    a.args.reserve(a.words.size());
    a.opaque.reserve(a.words.size());
    for (const Word& w : a.words) {
      bool opaque = false;
      std::string v = WordValue(p.file->text, w);
      if (v.find("${") != std::string::npos) {
        v = SubstituteVars(v, [this](std::string_view n) { return Lookup(n); },
                           &opaque);
      }
      a.args.push_back(std::move(v));
      a.opaque.push_back(opaque);
    }
    return a;
  }

  void Walk(const Parsed& p, DirectiveList list, const std::string& section) {
    for (const Directive& d : list) {
      if (!Budget()) return;
      const std::string_view name = d.Name(p.file->text);
      if (d.section && IsOneOf(name, kConditionals, std::size(kConditionals))) {
        if (Evaluate(Activate(p, d, section)) != Truth::kFalse) WalkSection(p, d, section);
        continue;
      }
      if (d.section && EqualsIgnoreCase(name, "Macro")) continue;
      const ActiveDirective a = Activate(p, d, section);
      if (visitor_ != nullptr) visitor_->OnDirective(a);
      if (!d.section) Execute(a, section);
      if (d.section) WalkSection(p, d, std::string(name));
    }
  }

  Truth Evaluate(const ActiveDirective& a) {
    if (a.args.empty() || a.opaque[0]) return Truth::kUnknown;
    std::string_view arg = a.args[0];
    const bool negate = !arg.empty() && arg[0] == '!';
    if (negate) arg.remove_prefix(1);
    const std::string_view kind = a.Name();
    bool found = false;
    if (EqualsIgnoreCase(kind, "IfModule")) {
      found = modules_.count(std::string(arg)) > 0 ||
              std::find(std::begin(kStaticModules), std::end(kStaticModules), arg) !=
                  std::end(kStaticModules);
      if (!found && !modules_complete_) return Truth::kUnknown;
    } else if (EqualsIgnoreCase(kind, "IfDefine")) {
      found = defines_.count(std::string(arg)) > 0;
    } else if (EqualsIgnoreCase(kind, "IfFile")) {
      std::string path;
      if (!NormalizePath(JoinPath(server_root_, arg), &path)) return Truth::kUnknown;
      found = Resolve(sources_.fs(), path).status != Resolved::Status::kMissing;
    } else {
      return Truth::kUnknown;
    }
    return found != negate ? Truth::kTrue : Truth::kFalse;
  }

  void Execute(const ActiveDirective& a, const std::string& section) {
    const std::string_view name = a.Name();
    if (EqualsIgnoreCase(name, "Include")) {
      Include(a, /*optional=*/false, section);
    } else if (EqualsIgnoreCase(name, "IncludeOptional")) {
      Include(a, /*optional=*/true, section);
    } else if (EqualsIgnoreCase(name, "Define")) {
      if (a.args.empty() || a.args.size() > 2 || a.opaque[0]) return;
      defines_[a.args[0]] =
          a.args.size() == 2 ? std::optional<std::string>(a.args[1]) : std::nullopt;
    } else if (EqualsIgnoreCase(name, "UnDefine")) {
      if (a.args.size() == 1) defines_.erase(a.args[0]);
    } else if (EqualsIgnoreCase(name, "LoadModule")) {
      LoadModule(a);
    } else if (EqualsIgnoreCase(name, "ServerRoot")) {
      ServerRoot(a);
    }
  }

  void LoadModule(const ActiveDirective& a) {
    if (a.args.size() != 2 || a.opaque[0]) {
      modules_complete_ = false;
      return;
    }
    const std::string& id = a.args[0];
    modules_.insert(id);
    // "ssl_module" is the module mod_ssl.c; <IfModule> accepts either.
    if (id.size() > 7 && id.compare(id.size() - 7, 7, "_module") == 0) {
      modules_.insert("mod_" + id.substr(0, id.size() - 7) + ".c");
    }
    const std::string_view file = BaseName(a.args[1]);
    if (file.size() > 3 && file.substr(file.size() - 3) == ".so") {
      modules_.insert(std::string(file.substr(0, file.size() - 3)) + ".c");
    }
  }

  void ServerRoot(const ActiveDirective& a) {
    if (a.args.size() != 1 || a.opaque[0]) return;
    const Location at = MakeLocation(*a.file, a.directive->span);
    std::string path;
    if (!NormalizePath(JoinPath(server_root_, a.args[0]), &path)) {
      Problem(a.args[0], "path leads outside the root", &at, QuotedPath::kAsWritten);
      return;
    }
    const Resolved r = Resolve(sources_.fs(), path);
    if (r.status != Resolved::Status::kOk || r.kind != NodeKind::kDirectory) {
      Problem(path, "'ServerRoot' must be a valid directory", &at);
      return;
    }
    server_root_ = r.path;
  }

  void Include(const ActiveDirective& a, bool optional, const std::string& section) {
    if (a.args.size() != 1) {
      SyntaxProblem(a, "'" + std::string(a.Name()) + "' takes one argument");
      return;
    }
    if (a.opaque[0]) {  // an unknown ${VAR}: cannot tell what it names
      modules_complete_ = false;
      return;
    }
    const Location at = MakeLocation(*a.file, a.directive->span);
    std::string path;
    if (!NormalizePath(JoinPath(server_root_, a.args[0]), &path)) {
      Problem(a.args[0], "path leads outside the root", &at, QuotedPath::kAsWritten);
      return;
    }
    if (!HasGlob(path)) {
      IncludePath(path, at, section, optional);
      return;
    }
    const std::vector<std::string> matches = ExpandGlob(sources_.fs(), path);
    if (matches.empty() && !optional) {
      Problem(path, "no files match the wildcard (use 'IncludeOptional' to allow that)",
              &at);
    }
    for (const std::string& m : matches) IncludePath(m, at, section);
  }

  // `optional`: IncludeOptional of a path without wildcards, which is
  // silently empty when missing (httpd >= 2.4.30).
  void IncludePath(const std::string& path, const Location& at,
                   const std::string& section, bool optional = false) {
    const Resolved r = Resolve(sources_.fs(), path);
    if (r.status == Resolved::Status::kOk && r.kind == NodeKind::kDirectory) {
      IncludeDirectory(r.path, at, section);
    } else {
      ReadAndWalk(path, &at, section, optional);
    }
  }

  // httpd reads every entry but "." and "..", sorted with strcmp, and
  // recurses into subdirectories (config.c process_resource_config_nofnmatch).
  void IncludeDirectory(const std::string& dir, const Location& at,
                        const std::string& section) {
    if (std::find(dirs_.begin(), dirs_.end(), dir) != dirs_.end()) {
      Problem(dir, "directory include cycle", &at);
      return;
    }
    if (dirs_.size() > kMaxIncludeDepth) {  // httpd's limit on directory nesting too
      Problem(dir, "directories nested too deeply (more than " + std::to_string(kMaxIncludeDepth) +
                       " levels); httpd refuses to start",
              &at);
      return;
    }
    std::vector<std::string> names = sources_.fs().ListDir(dir);
    std::sort(names.begin(), names.end());
    dirs_.push_back(dir);
    for (const std::string& n : names) {
      if (n == "." || n == "..") continue;
      IncludePath(JoinPath(dir, n), at, section);
    }
    dirs_.pop_back();
  }

  SourceSet& sources_;
  const LoadOptions& options_;
  DirectiveVisitor* visitor_;
  LoadResult result_;
  std::string server_root_;
  std::map<std::string, std::string> env_;
  std::map<std::string, std::optional<std::string>> defines_;
  std::set<std::string> modules_;
  bool modules_complete_ = true;
  std::map<std::string, std::unique_ptr<Parsed>> parsed_;
  std::vector<std::string> stack_;  // files being read, outermost first
  std::vector<std::string> dirs_;   // directories being read
  // Files in an include cycle are walked once: httpd itself stops at the
  // cycle ('Exceeded maximum include depth'), and walking them again from
  // every file of the cycle cost N! walks for N files that include each
  // other (conf.d/* in each of them). Each Include closing a cycle is
  // reported once, not once per file pair.
  std::set<std::string> cyclic_;
  // The Include (file, offset) -> its finding's index and cycle length.
  std::map<std::pair<PathRef, uint32_t>, std::pair<size_t, size_t>> cycle_reported_;
  std::set<const Directive*> deep_reported_;
  uint32_t depth_ = 0;    // sections open, across includes
  uint64_t walked_ = 0;   // directives walked, against kMaxWalkDirectives
};

}  // namespace

LoadResult LoadConfig(SourceSet& sources, const LoadOptions& options,
                      DirectiveVisitor* visitor) {
  return Loader(sources, options, visitor).Run();
}

}  // namespace synlint::apache
