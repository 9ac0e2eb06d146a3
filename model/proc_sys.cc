// SPDX-License-Identifier: MIT
#include "model/proc_sys.h"

#include "model/kernel_integer.h"

namespace synlint {

std::string ProcSysPath(std::string_view key) {
  std::string path = "proc/sys/";
  size_t start = 0;
  while (true) {
    const size_t dot = key.find('.', start);
    const std::string_view part = key.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (part.empty()) return "";
    for (const char c : part) path += c == '/' ? '.' : c;
    if (dot == std::string_view::npos) break;
    path += '/';
    start = dot + 1;
  }
  const std::string_view last = std::string_view(path).substr(path.rfind('/') + 1);
  if (path.find("/./") != std::string::npos || path.find("/../") != std::string::npos || last == "." ||
      last == "..")
    return "";
  return path;
}

bool ProcSysHasKey(const FileSystem& fs, std::string_view key) {
  const std::string path = ProcSysPath(key);
  if (path.empty()) return false;
  const Resolved r = Resolve(fs, path);
  return r.status == Resolved::Status::kOk && r.kind == NodeKind::kRegular;
}

std::optional<int64_t> ReadProcSysInt(const FileSystem& fs, std::string_view key) {
  const std::string path = ProcSysPath(key);
  if (path.empty()) return std::nullopt;
  const Resolved r = Resolve(fs, path);
  if (r.status != Resolved::Status::kOk || r.kind != NodeKind::kRegular) return std::nullopt;
  std::string text, err;
  if (!fs.ReadFile(r.path, &text, &err)) return std::nullopt;
  const size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string::npos) return std::nullopt;
  const size_t end = text.find_first_of(" \t\n", begin);
  return ParseKernelInt(std::string_view(text).substr(begin, end == std::string::npos ? end : end - begin));
}

}  // namespace synlint
