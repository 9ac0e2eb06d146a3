// SPDX-License-Identifier: MIT
// ParseConfig: walks the YAML tree, checking every key, type and value and
// collecting every problem with its line and column.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "core/config_format.h"
#include "core/disk_path.h"
#include "core/file_system.h"
#include "linter/config/config.h"
#include "linter/config/repo_glob.h"
#include "linter/suppress/path_glob.h"

namespace synlint {

namespace {

namespace fs = std::filesystem;

using Keys = std::vector<std::string_view>;
const Keys kTopKeys = {"kernel", "sysctl-loader", "systemd-version",       "hosts",
                       "rules",  "fail-on",       "no-inline-suppressions"};
const Keys kRuleKeys = {"select", "ignore", "severity", "per-file-ignores"};
// "root", then one file list per format users name: "sysctl", "nginx", "apache", "systemd".
Keys HostKeys() {
  Keys keys = {"root"};
  for (const ConfigFormatTraits& t : AllConfigFormats()) {
    if (t.named_by_users) keys.push_back(t.name);
  }
  return keys;
}
const Keys kHostKeys = HostKeys();

std::vector<ConfigPath>* FileList(HostConfig* host, ConfigFormat format) {
  switch (format) {
    case ConfigFormat::kSysctl: return &host->sysctl;
    case ConfigFormat::kNginx: return &host->nginx;
    case ConfigFormat::kApache: return &host->apache;
    case ConfigFormat::kSystemd: return &host->systemd;
    case ConfigFormat::kShell: return &host->shell;
    case ConfigFormat::kApacheEnvvars: break;  // read only through an Apache configuration
  }
  return nullptr;
}

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string TypeName(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Scalar:
      return "a string";
    default:
      return "empty";
  }
}

/// "SL", "SL1", "SL10", "SL104".
bool IsRuleSelector(std::string_view s) {
  if (s.size() < 2 || s.size() > 5 || s.substr(0, 2) != "SL") return false;
  return std::all_of(s.begin() + 2, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class Reader {
 public:
  Reader(const std::string& path, const std::vector<std::string>& known, Config* out,
         std::vector<ConfigError>* errors)
      : path_(path), known_(known), out_(out), errors_(errors) {}

  void Top(const YAML::Node& root) {
    if (root.IsNull()) return;
    if (!root.IsMap()) return Error(root.Mark(), "the config must be a mapping, not " + TypeName(root));
    Fields(root, kTopKeys, "", [&](const std::string& key, const YAML::Node& k, const YAML::Node& v) {
      if (key == "kernel") return Kernel(k, v);
      if (key == "sysctl-loader") return Loader(k, v);
      if (key == "systemd-version") return SystemdVersion(k, v);
      if (key == "hosts") return Hosts(k, v);
      if (key == "rules") return Rules(k, v);
      if (key == "fail-on") return FailOn(k, v);
      if (key == "no-inline-suppressions") return Bool(k, v, key, &out_->no_inline_suppressions);
    });
    CheckPerFileIgnores();
  }

  void Error(const YAML::Mark& mark, std::string message) {
    ConfigError e;
    e.file = path_;
    if (!mark.is_null()) {
      e.line = mark.line + 1;
      e.column = mark.column + 1;
    }
    e.message = std::move(message);
    errors_->push_back(std::move(e));
  }

 private:
  static YAML::Mark MarkOf(const YAML::Node& key, const YAML::Node& value) {
    return value.Mark().is_null() || value.IsNull() ? key.Mark() : value.Mark();
  }

  /// Calls `f` for every entry of mapping `map`, reporting unknown (when
  /// `known` is not empty), duplicate and non-string keys.
  template <class F>
  void Fields(const YAML::Node& map, const Keys& known, const std::string& where, F f) {
    std::set<std::string> seen;
    for (auto it = map.begin(); it != map.end(); ++it) {
      // Copies: the iterator's pair is a temporary that dies with the expression.
      const YAML::Node k = it->first;
      const YAML::Node v = it->second;
      if (!k.IsScalar()) {
        Error(k.Mark(), "keys must be strings, not " + TypeName(k));
        continue;
      }
      const std::string key = k.Scalar();
      if (!seen.insert(key).second) {
        Error(k.Mark(), "duplicate key '" + key + "'" + where);
        continue;
      }
      if (!known.empty() && std::find(known.begin(), known.end(), key) == known.end()) {
        std::string message = "unknown key '" + key + "'" + where;
        for (std::string_view candidate : known) {
          if (EditDistance(key, candidate) <= 2) {
            message += " (did you mean '" + std::string(candidate) + "'?)";
            break;
          }
        }
        Error(k.Mark(), message);
        continue;
      }
      f(key, k, v);
    }
  }

  /// A scalar; otherwise reports that `k` must be `noun`.
  bool String(const YAML::Node& k, const YAML::Node& v, std::string* out,
              std::string_view noun = "a string") {
    if (v.IsScalar()) {
      *out = v.Scalar();
      return true;
    }
    Error(MarkOf(k, v), "'" + k.Scalar() + "' must be " + std::string(noun) + ", not " + TypeName(v));
    return false;
  }

  /// A list of strings; reports the list itself or each bad entry.
  std::vector<std::pair<std::string, YAML::Mark>> StringList(const YAML::Node& k, const YAML::Node& v) {
    std::vector<std::pair<std::string, YAML::Mark>> out;
    if (!v.IsSequence()) {
      Error(MarkOf(k, v), "'" + k.Scalar() + "' must be a list, not " + TypeName(v));
      return out;
    }
    for (const YAML::Node& item : v) {
      if (!item.IsScalar()) {
        Error(MarkOf(k, item), "entries of '" + k.Scalar() + "' must be strings, not " + TypeName(item));
        continue;
      }
      out.emplace_back(item.Scalar(), item.Mark());
    }
    return out;
  }

  void Kernel(const YAML::Node& k, const YAML::Node& v) {
    std::string text;
    if (!String(k, v, &text, "a kernel version such as '6.1'")) return;
    out_->kernel = KernelVersion::Parse(text);
    if (!out_->kernel)
      Error(v.Mark(), "bad kernel version '" + text + "'; expected MAJOR.MINOR such as '6.1'");
  }

  void Loader(const YAML::Node& k, const YAML::Node& v) {
    std::string text;
    if (!String(k, v, &text, "'systemd' or 'procps'")) return;
    if (text == "systemd") {
      out_->sysctl_loader = sysctl::Loader::kSystemd;
    } else if (text == "procps") {
      out_->sysctl_loader = sysctl::Loader::kProcps;
    } else {
      Error(v.Mark(), "bad sysctl loader '" + text + "'; expected 'systemd' or 'procps'");
    }
  }

  void SystemdVersion(const YAML::Node& k, const YAML::Node& v) {
    std::string text;
    if (!String(k, v, &text, "a number")) return;
    const bool digits = !text.empty() && text.size() <= 4 &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(text) == 0) {
      return Error(v.Mark(), "bad systemd version '" + text + "'; expected a number such as 252");
    }
    out_->systemd_version = std::stoi(text);
  }

  void FailOn(const YAML::Node& k, const YAML::Node& v) {
    std::string text;
    if (!String(k, v, &text, "a level such as 'warning'")) return;
    if (text != "error" && text != "warning" && text != "info" && text != "never") {
      return Error(v.Mark(),
                   "bad fail-on level '" + text + "'; expected 'error', 'warning', 'info' or 'never'");
    }
    out_->fail_on = text;
  }

  void Bool(const YAML::Node& k, const YAML::Node& v, const std::string& key, bool* out) {
    std::string text;
    if (!String(k, v, &text, "true or false")) return;
    if (text == "true" || text == "True" || text == "TRUE") {
      *out = true;
    } else if (text == "false" || text == "False" || text == "FALSE") {
      *out = false;
    } else {
      Error(v.Mark(), "'" + key + "' must be true or false, not '" + text + "'");
    }
  }

  /// Checks an ID or prefix against the known rules.
  bool Selector(const std::string& id, const YAML::Mark& mark) {
    if (!IsRuleSelector(id)) {
      Error(mark, "'" + id + "' is not a rule ID or prefix such as 'SL104' or 'SL1'");
      return false;
    }
    if (known_.empty()) return true;
    for (const std::string& rule : known_) {
      if (rule.compare(0, id.size(), id) == 0) return true;
    }
    Error(mark, "'" + id + "' matches no rule");
    return false;
  }

  std::vector<std::string> Selectors(const YAML::Node& k, const YAML::Node& v) {
    std::vector<std::string> out;
    for (auto& [id, mark] : StringList(k, v)) {
      if (Selector(id, mark)) out.push_back(id);
    }
    return out;
  }

  void Rules(const YAML::Node& k, const YAML::Node& v) {
    if (!v.IsMap()) return Error(MarkOf(k, v), "'rules' must be a mapping, not " + TypeName(v));
    RuleConfig& rules = out_->rules;
    Fields(v, kRuleKeys, " in 'rules'",
           [&](const std::string& key, const YAML::Node& rk, const YAML::Node& rv) {
             if (key == "select") rules.select = Selectors(rk, rv);
             if (key == "ignore") rules.ignore = Selectors(rk, rv);
             if (key == "severity") Severities(rk, rv);
             if (key == "per-file-ignores") PerFileIgnores(rk, rv);
           });
  }

  void Severities(const YAML::Node& k, const YAML::Node& v) {
    if (!v.IsMap()) return Error(MarkOf(k, v), "'severity' must be a mapping, not " + TypeName(v));
    Fields(v, {}, " in 'severity'", [&](const std::string& id, const YAML::Node& sk, const YAML::Node& sv) {
      std::string text;
      const bool ok = Selector(id, sk.Mark());
      if (!String(sk, sv, &text, "a severity")) return;
      const std::optional<Severity> severity = ParseSeverity(text);
      if (!severity) {
        return Error(sv.Mark(),
                     "bad severity '" + text + "' for '" + id + "'; expected 'error', 'warning' or 'info'");
      }
      if (ok) out_->rules.severity[id] = *severity;
    });
  }

  void PerFileIgnores(const YAML::Node& k, const YAML::Node& v) {
    if (!v.IsMap()) return Error(MarkOf(k, v), "'per-file-ignores' must be a mapping, not " + TypeName(v));
    Fields(v, {}, " in 'per-file-ignores'",
           [&](const std::string& pattern, const YAML::Node& pk, const YAML::Node& pv) {
             std::vector<std::string> ids = Selectors(pk, pv);
             out_->rules.per_file_ignores.emplace_back(pattern, std::move(ids));
             ignore_marks_.push_back(pk.Mark());
           });
  }

  void Hosts(const YAML::Node& k, const YAML::Node& v) {
    if (!v.IsMap()) return Error(MarkOf(k, v), "'hosts' must be a mapping, not " + TypeName(v));
    Fields(v, {}, " in 'hosts'", [&](const std::string& name, const YAML::Node& hk, const YAML::Node& hv) {
      HostConfig host;
      host.name = name;
      host.line = hk.Mark().line + 1;
      host.column = hk.Mark().column + 1;
      if (!hv.IsMap())
        return Error(MarkOf(hk, hv), "host '" + name + "' must be a mapping, not " + TypeName(hv));
      const std::string where = " in host '" + name + "'";
      Fields(hv, kHostKeys, where, [&](const std::string& key, const YAML::Node& fk, const YAML::Node& fv) {
        if (key == "root") return Root(fk, fv, &host);
        const ConfigFormat format = *ParseConfigFormat(key);  // Fields() passes only kHostKeys
        Files(fk, fv, format, FileList(&host, format));
      });
      const bool lists =
          !host.sysctl.empty() || !host.nginx.empty() || !host.apache.empty() || !host.systemd.empty() ||
          !host.shell.empty();
      if (host.root && lists) {
        Error(hk.Mark(), "host '" + name + "' has both 'root' and file lists; use one of them");
      } else if (!host.root && !lists && !listed_any_) {
        Error(hk.Mark(), "host '" + name + "' has neither 'root' nor file lists");
      }
      listed_any_ = false;
      out_->hosts.push_back(std::move(host));
    });
  }

  /// `root:` names a directory inside the repository, resolved there as
  /// --root resolves paths: symlinks are followed inside it (an absolute
  /// target from its top), and one that leaves it, "..", or an absolute
  /// root is refused.
  void Root(const YAML::Node& k, const YAML::Node& v, HostConfig* host) {
    listed_any_ = true;
    std::string text;
    if (!String(k, v, &text, "a path")) return;
    host->root = text;
    host->root_dir = out_->base_dir;  // replaced below when valid
    if (!text.empty() && text.front() == '/')
      return Error(v.Mark(), "root '" + text + "' must be relative to the config file's directory (the repository); "
                             "synlint reads and writes nothing outside it");
    const DiskFileSystem repo(out_->base_dir);
    const Resolved r = Resolve(repo, text);
    switch (r.status) {
      case Resolved::Status::kOk:
        break;
      case Resolved::Status::kEscapes:
        return Error(v.Mark(), "root '" + text + "' leads outside the repository (the config file's directory)" +
                                   std::string(r.via_symlink ? " through a symlink" : "") +
                                   "; synlint reads and writes nothing outside it");
      case Resolved::Status::kLoop:
        return Error(v.Mark(), "root '" + text + "': " + r.error);
      case Resolved::Status::kDevNull:
      case Resolved::Status::kMissing:
        return Error(v.Mark(), "root '" + text + "' does not exist" +
                                   std::string(r.via_symlink ? " inside the repository (a symlink on the way is "
                                                               "followed inside it, an absolute target from its top)"
                                                             : ""));
    }
    if (r.kind != NodeKind::kDirectory) return Error(v.Mark(), "root '" + text + "' is not a directory");
    host->root = r.path.empty() ? "." : r.path;
    host->root_dir = r.path.empty() ? out_->base_dir : JoinPath(out_->base_dir, r.path);
  }

  void Files(const YAML::Node& k, const YAML::Node& v, ConfigFormat format, std::vector<ConfigPath>* list) {
    listed_any_ = true;
    const std::string key(FormatName(format));
    const auto entries = StringList(k, v);
    if (v.IsSequence() && v.size() == 0) Error(MarkOf(k, v), "'" + key + "' lists no files");
    for (const auto& [pattern, mark] : entries) {
      ConfigPath entry{pattern, mark.line + 1, mark.column + 1, {}};
      std::string err;
      entry.matches = ExpandRepoGlob(out_->base_dir, pattern, &err);
      if (!err.empty()) {
        Error(mark, "'" + pattern + "' " + err);
      } else if (entry.matches.empty()) {
        Error(mark, "'" + pattern + "' matches no file");
      } else if (list->empty() && Traits(format).first_file_is_main && entry.matches.size() > 1) {
        Error(mark, "the first '" + key + "' entry must name the main file, but '" + pattern + "' matches " +
                        std::to_string(entry.matches.size()) + " files");
      }
      list->push_back(std::move(entry));
    }
  }

  /// Every per-file-ignores pattern must match a file of some host.
  void CheckPerFileIgnores() {
    if (out_->hosts.empty() || out_->rules.per_file_ignores.empty()) return;
    std::vector<std::string> files;
    for (const HostConfig& host : out_->hosts) {
      if (host.is_root()) {
        const fs::path rel = fs::path(host.root_dir).lexically_relative(out_->base_dir);
        if (!rel.empty() && rel.native().rfind("..", 0) != 0) {
          const std::string dir = rel == "." ? "" : rel.string();
          for (std::string& f : ListRepoFiles(out_->base_dir, dir)) files.push_back(std::move(f));
        }
        continue;
      }
      for (const auto* list : {&host.sysctl, &host.nginx, &host.apache, &host.systemd, &host.shell}) {
        for (const ConfigPath& p : *list) files.insert(files.end(), p.matches.begin(), p.matches.end());
      }
      for (const auto* list : {&host.nginx, &host.apache}) {
        if (list->empty() || list->front().matches.empty()) continue;
        const std::string dir(DirName(list->front().matches.front()));
        for (std::string& f : ListRepoFiles(out_->base_dir, dir)) files.push_back(std::move(f));
      }
    }
    for (size_t i = 0; i < out_->rules.per_file_ignores.size(); ++i) {
      const std::string& pattern = out_->rules.per_file_ignores[i].first;
      const bool any = std::any_of(files.begin(), files.end(),
                                   [&](const std::string& f) { return PathGlobMatch(pattern, f); });
      if (!any) Error(ignore_marks_[i], "'" + pattern + "' matches no file of any host");
    }
  }

  const std::string& path_;
  const std::vector<std::string>& known_;
  Config* out_;
  std::vector<ConfigError>* errors_;
  std::vector<YAML::Mark> ignore_marks_;
  bool listed_any_ = false;  // the current host had a root or a list key, valid or not
};

}  // namespace

bool ParseConfig(std::string_view yaml, const std::string& path, const std::vector<std::string>& known_rules,
                 Config* out, std::vector<ConfigError>* errors) {
  const size_t before = errors->size();
  out->path = path;
  out->base_dir = Absolute(path).parent_path().string();
  Reader reader(path, known_rules, out, errors);
  try {
    reader.Top(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    std::string message = e.msg;
    if (!message.empty())
      message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    reader.Error(e.mark, "invalid yaml: " + message);
  } catch (const std::exception& e) {
    reader.Error(YAML::Mark::null_mark(), std::string("invalid yaml: ") + e.what());
  }
  return errors->size() == before;
}

}  // namespace synlint
