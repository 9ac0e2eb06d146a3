// SPDX-License-Identifier: MIT
#include "linter/config/host_tree.h"

#include <functional>

#include "linter/config/template_mask.h"
#include "parsers/systemd/units.h"

namespace synlint {

namespace {

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

/// Whether `path` is `dir` or below it ("" is the root, above everything).
bool Below(std::string_view path, std::string_view dir) {
  return dir.empty() || path == dir || (StartsWith(path, dir) && path[dir.size()] == '/');
}

std::string StripJ2(std::string_view name) {
  return std::string(EndsWith(name, ".j2") ? name.substr(0, name.size() - 3) : name);
}

}  // namespace

HostTreeFileSystem::HostTreeFileSystem(std::string base_dir) : base_dir_(std::move(base_dir)) {
  while (base_dir_.size() > 1 && base_dir_.back() == '/') base_dir_.pop_back();
  disk_ = DiskFileSystem(base_dir_);
}

namespace {

/// `repo_path` resolved inside the repository `disk` as --root resolves
/// paths; "" with `err` unless it is a node of `kind` there.
std::optional<std::string> ResolveInRepo(const DiskFileSystem& disk, const std::string& repo_path, NodeKind kind,
                                         std::string* err) {
  if (!repo_path.empty() && repo_path.front() == '/') {
    *err = "'" + repo_path + "' is not relative to the repository";
    return std::nullopt;
  }
  const Resolved r = Resolve(disk, repo_path);
  if (r.status == Resolved::Status::kOk && r.kind == kind) return r.path;
  const std::string what = kind == NodeKind::kDirectory ? "directory" : "regular file";
  switch (r.status) {
    case Resolved::Status::kEscapes:
      *err = "'" + repo_path + "' leads outside the repository" + (r.via_symlink ? " through a symlink" : "") +
             "; synlint reads and writes nothing outside it";
      break;
    case Resolved::Status::kLoop:
      *err = "'" + repo_path + "': " + r.error;
      break;
    case Resolved::Status::kOk:
      *err = "'" + repo_path + "' is not a " + what;
      break;
    default:
      *err = "'" + repo_path + "' names no " + what + " inside the repository" +
             (r.via_symlink ? " (a symlink on the way is followed inside it, an absolute target from its top)" : "");
  }
  return std::nullopt;
}

}  // namespace

bool HostTreeFileSystem::MapFile(const std::string& virtual_path, const std::string& repo_path, std::string* err) {
  const auto disk = ResolveInRepo(disk_, repo_path, NodeKind::kRegular, err);
  if (!disk) return false;
  files_[virtual_path] = *disk;
  hidden_.insert(*disk);
  masks_.erase(virtual_path);
  return true;
}

bool HostTreeFileSystem::MapDir(const std::string& virtual_dir, const std::string& repo_dir, std::string* err) {
  const auto disk = ResolveInRepo(disk_, repo_dir, NodeKind::kDirectory, err);
  if (!disk) return false;
  dirs_[virtual_dir] = *disk;
  masks_.clear();
  return true;
}

std::optional<std::string> HostTreeFileSystem::DiskPath(const std::string& path, bool for_write) const {
  if (auto it = files_.find(path); it != files_.end()) return it->second;
  const std::pair<const std::string, std::string>* mount = nullptr;
  for (const auto& entry : dirs_) {
    if (Below(path, entry.first) && (!mount || entry.first.size() > mount->first.size())) mount = &entry;
  }
  if (mount) {
    const std::string rest =
        path.substr(std::min(path.size(), mount->first.size() + (mount->first.empty() ? 0 : 1)));
    std::string disk = rest.empty() ? mount->second : JoinPath(mount->second, rest);
    if (hidden_.count(disk)) return std::nullopt;
    if (!rest.empty() && !EndsWith(disk, ".j2") && disk_.Lstat(disk).kind == NodeKind::kMissing) {
      const std::string j2 = disk + ".j2";
      if (!hidden_.count(j2) && disk_.Lstat(j2).kind != NodeKind::kMissing) return j2;
    }
    return disk;
  }
  if (!for_write) return std::nullopt;
  // A new file beside mapped files: the one repository directory they share.
  const std::string_view parent = DirName(path);
  std::optional<std::string> dir;
  for (const auto& [virt, disk] : files_) {
    if (DirName(virt) != parent) continue;
    const std::string d(DirName(disk));
    if (dir && *dir != d) return std::nullopt;
    dir = d;
  }
  if (!dir) return std::nullopt;
  return JoinPath(*dir, BaseName(path));
}

bool HostTreeFileSystem::IsSyntheticDir(const std::string& path) const {
  if (path.empty()) return true;
  const std::string prefix = path + "/";
  for (const auto* m : {&files_, &dirs_}) {
    auto it = m->lower_bound(prefix);
    if (it != m->end() && StartsWith(it->first, prefix)) return true;
  }
  return false;
}

NodeStat HostTreeFileSystem::Lstat(const std::string& path) const {
  if (const auto disk = DiskPath(path, false)) {
    const NodeStat st = disk_.Lstat(*disk);
    if (st.kind != NodeKind::kMissing) return st;
  }
  NodeStat st;
  if (IsSyntheticDir(path)) {
    st.kind = NodeKind::kDirectory;
    st.mode = 0755;
  }
  return st;
}

bool HostTreeFileSystem::ReadLink(const std::string& path, std::string* target) const {
  const auto disk = DiskPath(path, false);
  return disk && disk_.ReadLink(*disk, target);
}

bool HostTreeFileSystem::ReadFile(const std::string& path, std::string* contents, std::string* err) const {
  const auto disk = DiskPath(path, false);
  if (!disk) {
    *err = "No such file or directory";
    return false;
  }
  std::string text;
  if (!disk_.ReadFile(*disk, &text, err)) return false;
  Masked& m = masks_[path];
  m = Masked{};
  if (LooksLikeTemplate(*disk, text)) {
    m.is_template = true;
    *contents = MaskTemplate(text, &m.spans);
    for (const Span& t : m.spans) {
      const size_t nl_before = t.begin == 0 ? std::string::npos : text.rfind('\n', t.begin - 1);
      const size_t nl_after = text.find('\n', t.end);
      m.lines.push_back({nl_before == std::string::npos ? 0u : static_cast<uint32_t>(nl_before + 1),
                         nl_after == std::string::npos ? static_cast<uint32_t>(text.size())
                                                       : static_cast<uint32_t>(nl_after)});
    }
  } else {
    *contents = std::move(text);
  }
  return true;
}

std::vector<std::string> HostTreeFileSystem::ListDir(const std::string& path) const {
  std::set<std::string> names;
  const std::string prefix = path.empty() ? "" : path + "/";
  for (const auto* m : {&files_, &dirs_}) {
    for (auto it = m->lower_bound(prefix); it != m->end() && StartsWith(it->first, prefix); ++it) {
      const std::string_view rest = std::string_view(it->first).substr(prefix.size());
      if (!rest.empty()) names.emplace(rest.substr(0, rest.find('/')));
    }
  }
  if (const auto disk = DiskPath(path, false)) {
    for (const std::string& name : disk_.ListDir(*disk)) {
      const std::string full = JoinPath(*disk, name);
      if (hidden_.count(full)) continue;
      const std::string plain = StripJ2(name);
      const bool clash = plain != name && disk_.Lstat(JoinPath(*disk, plain)).kind != NodeKind::kMissing;
      names.insert(clash ? name : plain);
    }
  }
  return {names.begin(), names.end()};
}

const HostTreeFileSystem::Masked& HostTreeFileSystem::MaskOf(const std::string& path) const {
  if (auto it = masks_.find(path); it != masks_.end()) return it->second;
  std::string text, err;
  if (!ReadFile(path, &text, &err)) masks_[path] = Masked{};
  return masks_[path];
}

bool HostTreeFileSystem::IsTemplate(const std::string& path) const { return MaskOf(path).is_template; }

bool HostTreeFileSystem::SpanTouchesTemplate(const std::string& path, Span span) const {
  const Masked& m = MaskOf(path);
  return m.is_template && SpanTouches(m.spans, span);
}

bool HostTreeFileSystem::LineTouchesTemplate(const std::string& path, Span span) const {
  const Masked& m = MaskOf(path);
  return m.is_template && SpanTouches(m.lines, span);
}

std::string HostTreeFileSystem::ToRepoPath(const std::string& path) const {
  const auto disk = DiskPath(path, true);
  return disk ? *disk : path;
}

bool HostTreeFileSystem::ToRepoContents(const std::string& path, std::string_view contents, std::string* out,
                                        std::string* err) const {
  *out = std::string(contents);
  const auto disk = DiskPath(path, true);
  std::string original, read_err;
  if (!disk || !disk_.ReadFile(*disk, &original, &read_err)) return true;  // a new file
  if (!LooksLikeTemplate(*disk, original)) return true;
  std::vector<Span> spans;
  const std::string masked = MaskTemplate(original, &spans);
  if (masked == contents) {
    *out = std::move(original);
    return true;
  }
  std::string restore_err;
  if (RestoreTemplate(original, masked, spans, contents, out, &restore_err)) return true;
  *err = "'" + ToRepoPath(path) + "': " + restore_err;
  return false;
}

bool HostTreeFileSystem::WriteFile(const std::string& path, std::string_view contents, uint32_t new_mode,
                                   std::string* err) {
  const auto disk = DiskPath(path, true);
  if (!disk) {
    *err = "no repository file or directory corresponds to '" + path + "'";
    return false;
  }
  std::string text;
  if (!ToRepoContents(path, contents, &text, err)) return false;
  if (!disk_.WriteFile(*disk, text, new_mode, err)) return false;
  masks_.erase(path);
  if (!DiskPath(path, false)) files_[path] = *disk;  // created beside mapped files
  return true;
}

namespace {

/// A repository file's pending write, and what the tree learns once it is in place.
class HostTreeWrite : public PendingWrite {
 public:
  HostTreeWrite(std::unique_ptr<PendingWrite> disk, std::function<void()> done)
      : disk_(std::move(disk)), done_(std::move(done)) {
    notes_ = disk_->notes();
  }
  bool Commit(std::string* err) override {
    if (!disk_->Commit(err)) return false;
    done_();
    return true;
  }

 private:
  std::unique_ptr<PendingWrite> disk_;
  std::function<void()> done_;
};

}  // namespace

std::unique_ptr<PendingWrite> HostTreeFileSystem::PrepareWrite(const std::string& path, std::string_view contents,
                                                               uint32_t new_mode, const std::string* expected,
                                                               std::string* err) {
  const auto disk = DiskPath(path, true);
  if (!disk) {
    *err = "no repository file or directory corresponds to it";
    return nullptr;
  }
  std::string text;
  if (!ToRepoContents(path, contents, &text, err)) return nullptr;
  // The run read the file masked: the disk's text must still mask to that,
  // and the disk write then checks it has that text when it replaces it.
  std::string on_disk;
  if (expected) {
    std::string read_err;
    std::vector<Span> spans;
    if (!disk_.ReadFile(*disk, &on_disk, &read_err) ||
        (LooksLikeTemplate(*disk, on_disk) ? MaskTemplate(on_disk, &spans) : on_disk) != *expected) {
      *err = "it changed since it was read (run synlint again)";
      return nullptr;
    }
  }
  auto written = disk_.PrepareWrite(*disk, text, new_mode, expected ? &on_disk : nullptr, err);
  if (!written) return nullptr;
  return std::make_unique<HostTreeWrite>(std::move(written), [this, path, disk = *disk] {
    masks_.erase(path);
    if (!DiskPath(path, false)) files_[path] = disk;  // created beside mapped files
  });
}

// ------------------------------------------------------------------ building

std::unique_ptr<HostTreeFileSystem> BuildHostTree(const Config& config, const HostConfig& host,
                                                  std::vector<ConfigError>* errors) {
  auto tree = std::make_unique<HostTreeFileSystem>(config.base_dir);
  if (host.is_root()) {
    std::string err;
    if (!tree->MapDir("", *host.root == "." ? "" : *host.root, &err))
      errors->push_back({config.path, host.line, host.column, err});
    return tree;
  }
  std::map<std::string, std::string> placed;  // virtual -> repo
  auto place = [&](const std::string& virt, const std::string& repo, const ConfigPath& entry) {
    auto [it, fresh] = placed.emplace(virt, repo);
    if (!fresh && it->second != repo) {
      errors->push_back({config.path, entry.line, entry.column,
                         "'" + it->second + "' and '" + repo + "' both map to '" + virt + "'"});
      return;
    }
    std::string err;
    if (!tree->MapFile(virt, repo, &err)) errors->push_back({config.path, entry.line, entry.column, err});
  };
  for (const ConfigPath& entry : host.sysctl) {
    for (const std::string& m : entry.matches) {
      std::string name = StripJ2(BaseName(m));
      if (name == "sysctl.conf") {
        place("etc/sysctl.conf", m, entry);
        continue;
      }
      if (!EndsWith(name, ".conf")) name += ".conf";
      place("etc/sysctl.d/" + name, m, entry);
    }
  }
  for (const ConfigPath& entry : host.shell) {
    for (const std::string& m : entry.matches) place("usr/local/sbin/" + StripJ2(BaseName(m)), m, entry);
  }
  struct Server {
    const std::vector<ConfigPath>* list;
    std::string dir, main, extra;
  };
  for (const Server& s : {Server{&host.nginx, "etc/nginx", "nginx.conf", "conf.d"},
                          Server{&host.apache, "etc/apache2", "apache2.conf", "conf-enabled"}}) {
    if (s.list->empty() || s.list->front().matches.empty()) continue;
    const std::string main = s.list->front().matches.front();
    const std::string main_dir(DirName(main));
    std::string err;
    if (!tree->MapDir(s.dir, main_dir, &err))
      errors->push_back({config.path, s.list->front().line, s.list->front().column, err});
    place(s.dir + "/" + s.main, main, s.list->front());
    for (const ConfigPath& entry : *s.list) {
      for (const std::string& m : entry.matches) {
        if (m == main || Below(m, main_dir)) continue;  // seen through the directory
        place(s.dir + "/" + s.extra + "/" + StripJ2(BaseName(m)), m, entry);
      }
    }
  }
  for (const ConfigPath& entry : host.systemd) {
    for (const std::string& m : entry.matches) {
      const std::string_view parent = BaseName(DirName(m));
      const std::string name = StripJ2(BaseName(m));
      const std::string dir = EndsWith(parent, ".d") ? systemd::DropinDir(parent.substr(0, parent.size() - 2))
                                                     : std::string(systemd::kAdminUnitDir);
      place(dir + "/" + name, m, entry);
    }
  }
  return tree;
}

}  // namespace synlint
