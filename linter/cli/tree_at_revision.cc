// SPDX-License-Identifier: MIT
#include "linter/cli/tree_at_revision.h"

#include "linter/config/template_mask.h"

namespace synlint::cli {

NodeStat TreeAtRevision::Lstat(const std::string& path) const {
  const NodeStat now = now_.Lstat(path);
  if (now.kind == NodeKind::kDirectory || now.kind == NodeKind::kMissing) return now;
  return git_->Lstat(now_.ToRepoPath(path));
}

bool TreeAtRevision::ReadLink(const std::string& path, std::string* target) const {
  return git_->ReadLink(now_.ToRepoPath(path), target);
}

bool TreeAtRevision::ReadFile(const std::string& path, std::string* contents, std::string* err) const {
  const std::string repo_path = now_.ToRepoPath(path);
  std::string text;
  if (!git_->ReadFile(repo_path, &text, err)) return false;
  if (LooksLikeTemplate(repo_path, text)) {
    std::vector<Span> masked;
    *contents = MaskTemplate(text, &masked);
  } else {
    *contents = std::move(text);
  }
  return true;
}

std::vector<std::string> TreeAtRevision::ListDir(const std::string& path) const {
  std::vector<std::string> out;
  for (const std::string& name : now_.ListDir(path)) {
    if (Lstat(path.empty() ? name : path + "/" + name).kind != NodeKind::kMissing) out.push_back(name);
  }
  return out;
}

bool TreeAtRevision::WriteFile(const std::string&, std::string_view, uint32_t, std::string* err) {
  *err = "a git revision is read-only";
  return false;
}

}  // namespace synlint::cli
