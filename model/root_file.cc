// SPDX-License-Identifier: MIT
#include "model/root_file.h"

namespace synlint {

bool ReadRootFile(const FileSystem& fs, const std::string& path, uint64_t max_bytes, std::string* out,
                  std::string* why) {
  const Resolved r = Resolve(fs, path);
  if (r.status == Resolved::Status::kMissing) {
    *why = "missing";
    return false;
  }
  if (r.status != Resolved::Status::kOk) {
    *why = r.error.empty() ? "not readable inside the root" : r.error;
    return false;
  }
  if (r.kind != NodeKind::kRegular) {
    *why = "not a regular file";
    return false;
  }
  const NodeStat st = fs.Lstat(r.path);
  if (st.size > max_bytes) {
    *why = "larger than " + std::to_string(max_bytes >> 20) + " MiB";
    return false;
  }
  std::string err;
  if (!fs.ReadFile(r.path, out, &err)) {
    *why = err;
    return false;
  }
  if (out->size() > max_bytes) {  // it grew meanwhile
    out->clear();
    *why = "larger than " + std::to_string(max_bytes >> 20) + " MiB";
    return false;
  }
  return true;
}

}  // namespace synlint
