// SPDX-License-Identifier: MIT
#include "core/file_reader.h"

namespace synlint {

std::string CheckTextFile(std::string_view bytes) {
  const size_t nul = bytes.find('\0');
  if (nul != std::string_view::npos)
    return "not a text file (NUL byte at offset " + std::to_string(nul) + ")";
  return "";
}

ReadOutcome SourceSet::Read(const std::string& path) {
  ReadOutcome out;
  const Resolved r = Resolve(fs_, path);
  switch (r.status) {
    case Resolved::Status::kMissing:
      out.status = ReadOutcome::Status::kMissing;
      return out;
    case Resolved::Status::kDevNull:
      out.status = ReadOutcome::Status::kMasked;
      out.real_path = r.path;
      return out;
    case Resolved::Status::kLoop:
    case Resolved::Status::kEscapes:
      out.status = ReadOutcome::Status::kProblem;
      out.problem = r.status == Resolved::Status::kEscapes
                        ? "symlink points outside the root; not followed"
                        : r.error;
      return out;
    case Resolved::Status::kOk:
      break;
  }
  out.real_path = r.path;
  if (auto it = files_.find(r.path); it != files_.end()) {
    out.status = ReadOutcome::Status::kOk;
    out.file = it->second.get();
    return out;
  }
  if (auto it = problems_.find(r.path); it != problems_.end()) {
    out.status = ReadOutcome::Status::kProblem;
    out.problem = it->second;
    return out;
  }
  auto problem = [&](std::string why) {
    problems_[r.path] = why;
    out.status = ReadOutcome::Status::kProblem;
    out.problem = std::move(why);
    return out;
  };
  if (r.kind == NodeKind::kDirectory) return problem("is a directory");
  if (r.kind != NodeKind::kRegular) return problem("not a regular file");
  const NodeStat st = fs_.Lstat(r.path);
  if (st.size > kMaxConfigFileSize)
    return problem("file is too large (" + std::to_string(st.size) +
                   " bytes; the limit is " +
                   std::to_string(kMaxConfigFileSize >> 20) + " MiB)");
  std::string bytes, err;
  if (!fs_.ReadFile(r.path, &bytes, &err)) return problem("cannot read: " + err);
  if (std::string why = CheckTextFile(bytes); !why.empty()) return problem(why);
  auto file = std::make_unique<SourceFile>(r.path, std::move(bytes));
  out.status = ReadOutcome::Status::kOk;
  out.file = file.get();
  files_[r.path] = std::move(file);
  return out;
}

const SourceFile* SourceSet::Find(const std::string& real_path) const {
  auto it = files_.find(real_path);
  return it == files_.end() ? nullptr : it->second.get();
}

const SourceFile* SourceSet::Add(const std::string& path, std::string text) {
  auto file = std::make_unique<SourceFile>(path, std::move(text));
  const SourceFile* raw = file.get();
  files_[path] = std::move(file);
  return raw;
}

}  // namespace synlint
